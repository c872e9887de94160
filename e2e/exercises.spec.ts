import { readFileSync } from 'node:fs';
import { EXERCISES } from '../app/teaching/exercises';
import { test, expect } from './support/fixtures';
import type { Doc, Kumozu } from './support/kumozu';

// The exercise panel sits between the canvas and the inspector: a wide window keeps the diagram workable.
test.use({ viewport: { width: 1920, height: 1080 } });

const file = (name: string) => JSON.parse(readFileSync(`assets/exercises/${name}.kumozu.json`, 'utf8')) as Doc;

/** A node's top-left corner in canvas (flow) coordinates, from the document. */
async function absolute(k: Kumozu, id: string): Promise<{ x: number; y: number }> {
  const doc = await k.doc();
  let x = 0;
  let y = 0;
  for (let n = doc.nodes.find((m) => m.id === id); n; n = doc.nodes.find((m) => m.id === n?.parent)) {
    x += n.position.x;
    y += n.position.y;
  }
  return { x, y };
}

test('a learner completes the HPA exercise with the mouse and keyboard and sees the goals tick', async ({ k, page }) => {
  await k.open({ lang: 'en' });
  await page.getByTestId('teach-menu').click();
  await page.getByTestId('exercises-open').click();
  const panel = page.getByTestId('exercise-panel');
  await expect(panel.getByTestId('exercise')).toHaveCount(EXERCISES.length);

  await panel.locator('[data-exercise="hpa-scale"]').getByTestId('exercise-start').click();
  await expect(panel.getByTestId('exercise-active')).toHaveAttribute('data-exercise', 'hpa-scale');
  await expect.poll(async () => (await k.doc()).nodes.map((n) => n.id)).toEqual(file('hpa-scale.start').nodes.map((n) => n.id));

  const goal = (id: string) => panel.locator(`[data-testid="exercise-goal"][data-goal="${id}"]`);
  const goals = panel.getByTestId('exercise-goal');
  await expect(goals).toHaveCount(4);
  for (const id of ['hpa-target', 'metrics', 'nodes-grow', 'no-errors']) await expect(goal(id)).toHaveAttribute('data-done', 'false');
  await expect(panel.getByTestId('exercise-progress')).toHaveText('0 of 4 goals met');
  await expect(goal('metrics').getByRole('img')).toHaveAccessibleName('Not yet');

  // A hint on request, and only for the goal asked about.
  await goal('metrics').getByTestId('exercise-hint-toggle').click();
  await expect(goal('metrics').getByTestId('exercise-hint')).toContainText('metrics-server');
  await expect(goal('metrics').getByTestId('exercise-hint-toggle')).toHaveAttribute('aria-expanded', 'true');
  await expect(panel.getByTestId('exercise-hint')).toHaveCount(1);

  // 1. Wire the HPA to the Deployment.
  expect(await k.connect('hpa', 'web')).not.toBeNull();
  await expect(goal('hpa-target')).toHaveAttribute('data-done', 'true');
  await expect(goal('hpa-target').getByRole('img')).toHaveAccessibleName('Done');
  await expect(goal('metrics')).toHaveAttribute('data-done', 'false');

  // 2. Metrics Server: an add-on dropped into the node group's free row, typed in the inspector.
  const mng = await absolute(k, 'mng');
  const row = { y: mng.y + 44 + 2 * 104 + 36 };
  const metrics = await k.dropFromPalette('addon', { x: mng.x + 24 + 80, y: row.y });
  expect(metrics).not.toBeNull();
  expect((await k.doc()).nodes.find((n) => n.id === metrics)?.parent).toBe('mng');
  await k.inspectorField('addonType').selectOption('metrics-server');
  await expect(goal('metrics')).toHaveAttribute('data-done', 'true');
  // Pods can scale now, but the node group is still pinned at two nodes.
  await expect(goal('nodes-grow')).toHaveAttribute('data-done', 'false');
  await expect(panel.getByTestId('exercise-complete')).toHaveCount(0);

  // 3. Cluster Autoscaler, and room for the group to grow.
  const autoscaler = await k.dropFromPalette('addon', { x: mng.x + 224 + 80, y: row.y });
  expect(autoscaler).not.toBeNull();
  await k.inspectorField('addonType').selectOption('cluster-autoscaler');
  await expect(goal('nodes-grow')).toHaveAttribute('data-done', 'false');
  await k.select('mng');
  const maxSize = k.inspectorField('maxSize');
  await maxSize.fill('6');
  await maxSize.press('Enter');

  for (const id of ['hpa-target', 'metrics', 'nodes-grow', 'no-errors']) await expect(goal(id)).toHaveAttribute('data-done', 'true');
  await expect(panel.getByTestId('exercise-progress')).toHaveText('4 of 4 goals met');
  const complete = panel.getByTestId('exercise-complete');
  await expect(complete).toBeVisible();
  await expect(complete).toContainText('Exercise complete');
  await expect(complete).toContainText('Metrics Server');
  await expect(page.getByTestId('findings-count-error')).toHaveAttribute('data-count', '0');

  // Undo takes the last step back, and the goal un-ticks with it.
  await page.getByTestId('undo').click();
  await expect(goal('nodes-grow')).toHaveAttribute('data-done', 'false');
  await expect(complete).toHaveCount(0);
  await page.getByTestId('redo').click();
  await expect(panel.getByTestId('exercise-complete')).toBeVisible();

  // After a reload the autosaved diagram comes back, and so does the exercise in progress.
  await expect
    .poll(() =>
      page.evaluate(() => {
        const saved = JSON.parse(localStorage.getItem('kumozu.autosave.v1') ?? '{}') as { text?: string };
        const doc = JSON.parse(saved.text ?? '{"nodes":[]}') as { nodes: { id: string; props: Record<string, unknown> }[] };
        return doc.nodes.find((n) => n.id === 'mng')?.props['maxSize'];
      }),
    )
    .toBe(6);
  await page.reload();
  await expect(k.canvas).toBeVisible();
  await page.getByTestId('teach-menu').click();
  await page.getByTestId('exercises-open').click();
  await expect(page.getByTestId('exercise-active')).toHaveAttribute('data-exercise', 'hpa-scale');
  await expect(page.getByTestId('exercise-complete')).toBeVisible();
  await expect(page.getByTestId('exercise-hint')).toHaveCount(1);
});

test('the reference solution is loaded only after the learner agrees, and the panel speaks Japanese', async ({ k, page }) => {
  await k.open({ lang: 'ja' });
  await page.getByTestId('teach-menu').click();
  await page.getByTestId('exercises-open').click();
  const panel = page.getByTestId('exercise-panel');
  await panel.locator('[data-exercise="fargate-private"]').getByTestId('exercise-start').click();
  await expect(panel.getByTestId('exercise-progress')).toContainText('目標 4 件中');
  await expect(panel.locator('[data-goal="fargate-private-subnets"]')).toHaveAttribute('data-done', 'false');
  // The diagram speaks the learner's language too: its title, description and the language of generated text.
  const meta = (await k.doc()).meta;
  expect(meta.lang).toBe('ja');
  expect(meta.title).toMatch(/^演習: .*Fargate/);
  await expect(page.getByTestId('doc-title')).toContainText('演習');

  // An edit makes the diagram dirty; declining keeps the learner's work.
  await k.select('fp');
  const selectors = k.inspectorField('selectors-new');
  await selectors.fill('api');
  await selectors.press('Enter');
  await expect(panel.locator('[data-goal="pods-match"]')).toHaveAttribute('data-done', 'true');
  page.once('dialog', (d) => void d.dismiss());
  await panel.getByTestId('exercise-solution').click();
  await expect(panel.getByTestId('exercise-solution-shown')).toHaveCount(0);
  expect((await k.doc()).nodes.find((n) => n.id === 'fp')?.props['selectors']).toEqual(['default', 'api']);

  const asked: string[] = [];
  page.once('dialog', (d) => {
    asked.push(d.message());
    void d.accept();
  });
  await panel.getByTestId('exercise-solution').click();
  await expect(panel.getByTestId('exercise-solution-shown')).toBeVisible();
  expect(asked[0]).toContain('解答例');
  const solution = file('fargate-private.solution');
  await expect.poll(async () => (await k.doc()).nodes.find((n) => n.id === 'fp')?.parent).toBe('priv-a');
  expect((await k.doc()).nodes).toEqual(solution.nodes);
  await expect(panel.getByTestId('exercise-goal').and(page.locator('[data-done="true"]'))).toHaveCount(4);
  // The completion message belongs to the learner's own attempt, not to the solution shown.
  await expect(panel.getByTestId('exercise-complete')).toHaveCount(0);

  // Back to the list. Starting another exercise over unsaved changes asks first.
  await panel.getByTestId('exercise-back').click();
  await expect(panel.getByTestId('exercise')).toHaveCount(EXERCISES.length);
  await k.select('api');
  await page.keyboard.press('Delete');
  await expect.poll(async () => (await k.doc()).nodes.some((n) => n.id === 'api')).toBe(false);
  page.once('dialog', (d) => void d.dismiss());
  await panel.locator('[data-exercise="hpa-scale"]').getByTestId('exercise-start').click();
  await expect(panel.getByTestId('exercise')).toHaveCount(EXERCISES.length);
  expect((await k.doc()).nodes.some((n) => n.id === 'hpa')).toBe(false);
  page.once('dialog', (d) => void d.accept());
  await panel.locator('[data-exercise="hpa-scale"]').getByTestId('exercise-start').click();
  await expect(panel.getByTestId('exercise-active')).toHaveAttribute('data-exercise', 'hpa-scale');
  expect((await k.doc()).nodes.some((n) => n.id === 'hpa')).toBe(true);
});
