import { test, expect } from './support/fixtures';
import type { Kumozu } from './support/kumozu';

/**
 * Presentation mode (issue 6): an instructor orders components into steps with
 * the mouse, the order is saved in the document, and the presenter reveals it
 * step by step from the keyboard, then gives the editor back untouched.
 */

// A version 1 file (it opens through the v1 -> v2 migration): the AWS-managed
// account with the control plane, a VPC with a subnet holding a node group,
// an ALB, and the node group joining the control plane.
const classroom = {
  format: 'kumozu.diagram',
  version: 1,
  meta: { title: 'Classroom', description: '', lang: 'en' },
  nodes: [
    { id: 'aws', kind: 'awsManagedAccount', label: 'AWS', parent: null, position: { x: 0, y: 0 }, size: { width: 360, height: 240 }, props: {} },
    { id: 'cp', kind: 'eksControlPlane', label: 'cluster', parent: 'aws', position: { x: 100, y: 90 }, props: {} },
    { id: 'vpc', kind: 'vpc', label: 'VPC', parent: null, position: { x: 440, y: 0 }, size: { width: 560, height: 420 }, props: {} },
    { id: 'subnet', kind: 'subnet', label: 'private', parent: 'vpc', position: { x: 40, y: 60 }, size: { width: 480, height: 300 }, props: { tier: 'private' } },
    { id: 'mng', kind: 'managedNodeGroup', label: 'workers', parent: 'subnet', position: { x: 60, y: 70 }, size: { width: 340, height: 180 }, props: {} },
    { id: 'alb', kind: 'applicationLoadBalancer', label: 'web ALB', parent: null, position: { x: 1080, y: 140 }, props: {} },
  ],
  edges: [{ id: 'e-join', kind: 'joins', source: 'mng', target: 'cp', label: '', props: {} }],
  notes: [],
};

async function stepIds(k: Kumozu): Promise<string[]> {
  return k.page.getByTestId('step').evaluateAll((els) => els.map((el) => el.getAttribute('data-step-id') ?? ''));
}

type Steps = { id: string; title: string; nodes: string[]; edges: string[] }[];

async function savedSteps(k: Kumozu): Promise<Steps> {
  return k.page.evaluate(
    () => (window as unknown as { kumozuAutomation: { getDocument(): { presentation: { steps: Steps } } } }).kumozuAutomation.getDocument().presentation.steps,
  );
}

test('an instructor builds steps with the mouse, keeps them across a reload, and presents them from the keyboard', async ({ k, page }) => {
  await k.open({ lang: 'en' });
  await k.load(classroom);
  await expect(k.node('alb')).toBeVisible();

  await page.getByTestId('teach-menu').click();
  await page.getByTestId('steps-open').click();
  const panel = page.getByTestId('steps-panel');
  await expect(panel).toBeVisible();
  await expect(panel.getByTestId('steps-empty')).toContainText('No steps yet');
  await expect(panel.getByTestId('steps-add')).toBeDisabled();
  // The panel narrows the canvas: bring everything into view.
  await page.getByTestId('fit-view').click();
  await expect(k.node('alb')).toBeVisible();

  // Step 1: the control plane, named after the selected component, then renamed.
  await k.select('cp');
  await panel.getByTestId('steps-add').click();
  const first = panel.getByTestId('step').first();
  await expect(first.getByTestId('step-title')).toHaveValue('cluster');
  await expect(first.getByTestId('step-title')).toBeFocused();
  await first.getByTestId('step-title').fill('Control plane');
  await first.getByTestId('step-title').press('Enter');

  // Step 2: the node group and the ALB, picked with shift-click.
  await k.select('mng');
  await page.keyboard.down('Shift');
  await k.select('alb');
  await page.keyboard.up('Shift');
  await panel.getByTestId('steps-add').click();
  const second = panel.getByTestId('step').nth(1);
  await second.getByTestId('step-title').fill('Data plane and traffic');
  await second.getByTestId('step-title').press('Enter');
  await expect(second).toContainText('2 components');

  expect(await savedSteps(k)).toEqual([
    { id: 's1', title: 'Control plane', nodes: ['cp'], edges: [] },
    { id: 's2', title: 'Data plane and traffic', nodes: ['mng', 'alb'], edges: [] },
  ]);

  // Reorder from the keyboard; focus stays on the moved step. Undo puts it back.
  await first.getByTestId('step-down').focus();
  await page.keyboard.press('Enter');
  expect(await stepIds(k)).toEqual(['s2', 's1']);
  await expect(panel.locator('[data-step-id="s1"] [data-testid="step-up"]')).toBeFocused();
  await page.getByTestId('undo').click();
  expect(await stepIds(k)).toEqual(['s1', 's2']);

  // Clicking a step selects its components.
  await panel.locator('[data-step-id="s2"]').getByTestId('step-select').click();
  await expect(k.node('mng')).toHaveClass(/selected/);
  await expect(k.node('alb')).toHaveClass(/selected/);
  await expect(page.locator('.react-flow__node.selected')).toHaveCount(2);

  // The steps are part of the document: written as version 2 and back after a reload (autosave).
  await expect
    .poll(() => page.evaluate(() => localStorage.getItem('kumozu.autosave.v1') ?? ''))
    .toContain('Data plane and traffic');
  await page.reload();
  await expect(k.node('alb')).toBeVisible();
  expect(await k.page.evaluate(() => (window as unknown as { kumozuAutomation: { getDocument(): { version: number } } }).kumozuAutomation.getDocument().version)).toBe(2);
  await page.getByTestId('teach-menu').click();
  await page.getByTestId('steps-open').click();
  await page.getByTestId('fit-view').click();
  await expect(panel.getByTestId('step')).toHaveCount(2);
  await expect(panel.getByTestId('step').first().getByTestId('step-title')).toHaveValue('Control plane');

  const before = await k.doc();
  const dirtyBefore = await page.getByTestId('dirty-marker').count();
  await k.select('vpc');
  const viewportBefore = await k.settledViewport();

  // Present: only the canvas is left, and step 1 shows the control plane with its context.
  await page.getByTestId('teach-menu').click();
  await page.getByTestId('present-start').click();
  await expect(page.getByTestId('app')).toHaveClass(/k-presenting/);
  await expect(page.getByTestId('present-position')).toHaveText('Step 1 / 2');
  await expect(page.getByTestId('present-title')).toHaveText('Control plane');
  for (const hidden of ['undo', 'findings', 'inspector', 'steps-panel']) await expect(page.getByTestId(hidden)).toBeHidden();
  await expect(page.locator('.react-flow__minimap')).toBeHidden();
  for (const id of ['aws', 'cp', 'vpc', 'subnet']) await expect(k.node(id)).toBeVisible();
  for (const id of ['mng', 'alb']) await expect(k.node(id)).toBeHidden();
  await expect(k.edge('e-join')).toBeHidden();

  await page.keyboard.press('ArrowRight');
  await expect(page.getByTestId('present-position')).toHaveText('Step 2 / 2');
  await expect(page.getByTestId('present-title')).toHaveText('Data plane and traffic');
  for (const id of ['mng', 'alb']) await expect(k.node(id)).toBeVisible();
  await expect(k.edge('e-join')).toBeVisible();

  // Past the end nothing happens; back, Home, End and Space move as a presenter expects.
  await page.keyboard.press('ArrowRight');
  await expect(page.getByTestId('present-position')).toHaveText('Step 2 / 2');
  await page.keyboard.press('ArrowLeft');
  await expect(page.getByTestId('present-position')).toHaveText('Step 1 / 2');
  await expect(k.node('mng')).toBeHidden();
  await page.keyboard.press('End');
  await expect(k.node('alb')).toBeVisible();
  await page.keyboard.press('Home');
  await expect(k.node('alb')).toBeHidden();
  await page.keyboard.press('Space');
  await expect(k.node('alb')).toBeVisible();
  // Keys that would edit in the editor do nothing to the diagram here.
  await page.keyboard.press('Delete');
  await page.keyboard.press('Backspace');
  await expect(page.getByTestId('present-position')).toHaveText('Step 1 / 2');

  // Escape gives the editor back exactly as it was.
  await page.keyboard.press('Escape');
  await expect(page.getByTestId('presenter')).toHaveCount(0);
  await expect(page.getByTestId('app')).not.toHaveClass(/k-presenting/);
  await expect(page.getByTestId('undo')).toBeVisible();
  await expect(panel).toBeVisible();
  for (const id of ['mng', 'alb', 'cp']) await expect(k.node(id)).toBeVisible();
  await expect(k.edge('e-join')).toBeVisible();
  await expect(k.node('vpc')).toHaveClass(/selected/);
  await expect.poll(() => k.settledViewport()).toEqual(viewportBefore);
  expect(await k.doc()).toEqual(before);
  expect(await page.getByTestId('dirty-marker').count()).toBe(dirtyBefore);
});

test('steps by layer proposes an order the instructor can undo; deleting a component takes it out of its step', async ({ k, page }) => {
  await k.open({ lang: 'en' });
  await k.load(classroom);
  await page.getByTestId('teach-menu').click();
  await page.getByTestId('steps-open').click();
  const panel = page.getByTestId('steps-panel');
  const titles = () => panel.getByTestId('step-title').evaluateAll((els) => els.map((el) => (el as HTMLInputElement).value));

  await panel.getByTestId('steps-by-layer').click();
  await expect(panel.getByTestId('step')).toHaveCount(5);
  expect(await titles()).toEqual(['Accounts and VPC', 'Control plane', 'Subnets and gateways', 'Compute (data plane)', 'Load balancers and entry points']);
  expect((await savedSteps(k)).map((st) => st.nodes)).toEqual([['aws', 'vpc'], ['cp'], ['subnet'], ['mng'], ['alb']]);

  // Deleting the node group empties its step in the same undo step.
  await k.select('mng');
  await page.keyboard.press('Delete');
  await expect(k.node('mng')).toHaveCount(0);
  await expect(panel.locator('[data-step-id="s4"]')).toContainText('0 components');
  await page.getByTestId('undo').click();
  await expect(k.node('mng')).toBeVisible();
  await expect(panel.locator('[data-step-id="s4"]')).toContainText('1 component');

  // Undo takes the proposal back too.
  await page.getByTestId('undo').click();
  await expect(panel.getByTestId('step')).toHaveCount(0);
  await expect(panel.getByTestId('steps-empty')).toBeVisible();
});

test('with no steps the presenter shows the whole diagram, says how to add steps, and exits with the mouse', async ({ k, page }) => {
  await k.open({ lang: 'ja' });
  await k.load(classroom);
  const before = await k.doc();
  await page.keyboard.press('Control+Shift+Enter');
  await expect(page.getByTestId('app')).toHaveClass(/k-presenting/);
  await expect(page.getByTestId('present-no-steps')).toContainText('ステップ');
  for (const id of ['aws', 'cp', 'vpc', 'subnet', 'mng', 'alb']) await expect(k.node(id)).toBeVisible();
  await expect(k.edge('e-join')).toBeVisible();
  await page.keyboard.press('ArrowRight');
  await expect(k.node('alb')).toBeVisible();
  await page.getByTestId('present-exit').click();
  await expect(page.getByTestId('app')).not.toHaveClass(/k-presenting/);
  await expect(page.getByTestId('undo')).toBeVisible();
  expect(await k.doc()).toEqual(before);
});
