import { readFileSync } from 'node:fs';
import { test, expect } from './support/fixtures';

test('New from template opens a reference architecture with no errors or warnings', async ({ k, page }) => {
  await k.open({ lang: 'ja' });
  await page.getByTestId('file-new-template').click();
  const gallery = page.getByTestId('template-gallery');
  await expect(gallery.getByTestId('template')).toHaveCount(8);
  await expect(gallery.locator('[data-template="web-application"] img')).toBeVisible();
  await gallery.locator('[data-template="web-application"]').click();
  await expect(gallery).toHaveCount(0);
  const expected = JSON.parse(readFileSync('assets/templates/web-application.kumozu.json', 'utf8'));
  expect(await k.doc()).toEqual(expected);
  await expect(page.getByTestId('findings-count-error')).toHaveAttribute('data-count', '0');
  await expect(page.getByTestId('findings-count-warning')).toHaveAttribute('data-count', '0');
});

test('a spot-the-mistakes variant shows exactly its planted findings', async ({ k, page }) => {
  await k.open({ lang: 'en' });
  await page.getByTestId('file-new-template').click();
  await page.getByTestId('templates-mistakes').click();
  await page.locator('[data-template="serverless-fargate-mistakes"]').click();
  const expected = JSON.parse(readFileSync('assets/templates/mistakes/serverless-fargate.expect.json', 'utf8')) as { findings: { rule: string }[] };
  const shown = page.getByTestId('findings').locator('[data-testid="finding"]:not([data-severity="info"])');
  await expect(shown).toHaveCount(expected.findings.length);
  const rules = await shown.evaluateAll((els) => els.map((e) => e.getAttribute('data-rule')).sort());
  expect(rules).toEqual(expected.findings.map((f) => f.rule).sort());
});
