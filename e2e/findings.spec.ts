import { test, expect } from './support/fixtures';

/** A diagram with known problems: both API endpoint modes off (CP-004) and a control plane outside the AWS-managed account (CP-001). */
const broken = {
  format: 'kumozu.diagram',
  version: 1,
  meta: { title: 'Broken', description: '', lang: 'en' },
  nodes: [
    { id: 'aws', kind: 'awsManagedAccount', label: 'AWS', parent: null, position: { x: 0, y: 0 }, size: { width: 360, height: 240 }, props: {} },
    { id: 'cp', kind: 'eksControlPlane', label: 'cluster', parent: 'aws', position: { x: 100, y: 80 }, props: { endpointPublicAccess: false, endpointPrivateAccess: false } },
    { id: 'stray', kind: 'eksControlPlane', label: 'stray cluster', parent: null, position: { x: 500, y: 500 }, props: {} },
    { id: 'kubectl', kind: 'kubectlClient', label: 'laptop', parent: null, position: { x: 100, y: 400 }, props: {} },
    { id: 'ecr', kind: 'ecrRepository', label: 'images', parent: null, position: { x: 100, y: 560 }, props: {} },
  ],
  edges: [],
  notes: [],
};

test('findings appear for a diagram with problems; a click frames the node; a quick fix removes its finding and undo brings it back', async ({ k, page }) => {
  await k.open({ lang: 'en' });
  await k.load(broken);
  const panel = page.getByTestId('findings');
  const cp4 = panel.locator('[data-testid="finding"][data-rule="CP-004"]');
  await expect(cp4).toHaveAttribute('data-severity', 'error');
  await expect(cp4).toHaveAttribute('data-nodes', 'cp');
  await expect(panel.locator('[data-testid="finding"][data-rule="CP-001"][data-nodes^="stray"]')).toBeVisible();
  await expect(k.node('cp').getByTestId('node-badge')).toHaveAttribute('data-severity', 'error');

  // The automation handle reports the same findings in the CLI's shape.
  const viaHook = await page.evaluate(() => (window as unknown as { kumozuAutomation: { getFindings(): { rule: string; nodes: string[] }[] } }).kumozuAutomation.getFindings());
  expect(viaHook.some((f) => f.rule === 'CP-004' && f.nodes[0] === 'cp')).toBe(true);

  // Clicking a finding selects its node and opens the explanation.
  await cp4.getByRole('button').first().click();
  await expect(page.getByTestId('inspector')).toContainText('EKS control plane');
  await expect(cp4.getByTestId('finding-detail')).toContainText('Why');

  await cp4.getByTestId('quick-fix').click();
  await expect(panel.locator('[data-testid="finding"][data-rule="CP-004"]')).toHaveCount(0);
  expect((await k.doc()).nodes.find((n) => n.id === 'cp')?.props.endpointPrivateAccess).toBe(true);
  await page.getByTestId('undo').click();
  await expect(panel.locator('[data-testid="finding"][data-rule="CP-004"]')).toHaveCount(1);
});

test('severity filters and Japanese messages', async ({ k, page }) => {
  await k.open({ lang: 'en' });
  await k.load(broken);
  const panel = page.getByTestId('findings');
  await expect(panel.getByTestId('finding').first()).toBeVisible();
  const total = await panel.getByTestId('finding').count();
  await page.getByTestId('findings-count-error').click();
  const errors = await panel.getByTestId('finding').count();
  expect(errors).toBe(Number(await page.getByTestId('findings-count-error').getAttribute('data-count')));
  expect(errors).toBeLessThanOrEqual(total);
  await expect(panel.locator('[data-testid="finding"]:not([data-severity="error"])')).toHaveCount(0);

  await page.getByTestId('lang-switch').selectOption('ja');
  await expect(panel.locator('[data-testid="finding"][data-rule="CP-004"]')).toContainText(/[ぁ-んァ-ン一-龯]/);
});

test('findings update live as the user edits', async ({ k, page }) => {
  await k.open({ lang: 'en' });
  await k.load(broken);
  const cp4 = page.getByTestId('findings').locator('[data-testid="finding"][data-rule="CP-004"]');
  await expect(cp4).toHaveCount(1);
  await k.select('cp');
  await k.inspectorField('endpointPublicAccess').check();
  await expect(cp4).toHaveCount(0);
});
