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
  const index = JSON.parse(readFileSync('assets/templates/index.json', 'utf8')) as { templates: { id: string; title: { ja: string }; description: { ja: string } }[] };
  const entry = index.templates.find((t) => t.id === 'web-application');
  // The file's components exactly, with its title, description and generated-text language in the learner's Japanese.
  expect(await k.doc()).toEqual({
    ...expected,
    version: 2,
    meta: { title: entry?.title.ja, description: entry?.description.ja, lang: 'ja' },
    presentation: { steps: [] },
  });
  await expect(page.getByTestId('doc-title')).toHaveText(entry?.title.ja ?? '');
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

test('the data-plane comparison highlights what the diagram uses and selects it', async ({ k, page }) => {
  await k.open({ lang: 'en' });
  await k.load(JSON.parse(readFileSync('assets/examples/web-app.kumozu.json', 'utf8')));
  await page.getByTestId('teach-menu').click();
  await page.getByTestId('compare-open').click();
  const rows = page.getByTestId('comparison').getByTestId('comparison-row');
  await expect(rows).toHaveCount(4);
  await expect(rows.and(page.locator('[data-kinds="managedNodeGroup"]'))).toHaveAttribute('data-used', '1');
  await expect(rows.and(page.locator('[data-kinds="fargateProfile"]'))).toHaveAttribute('data-used', '1');
  await expect(rows.and(page.locator('[data-kinds="karpenterNodePool"]'))).toHaveAttribute('data-used', '0');
  await rows.and(page.locator('[data-kinds="fargateProfile"]')).getByRole('button').click();
  await expect(page.getByTestId('comparison')).toHaveCount(0);
  await expect(page.getByTestId('inspector')).toContainText('Fargate profile');
});
