import { spawnSync } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import { test, expect } from './support/fixtures';
import type { Kumozu } from './support/kumozu';

const small = {
  format: 'kumozu.diagram',
  version: 1,
  meta: { title: 'Small', description: '', lang: 'en' },
  nodes: [
    { id: 'aws', kind: 'awsManagedAccount', label: 'AWS', parent: null, position: { x: 0, y: 0 }, size: { width: 360, height: 240 }, props: {} },
    { id: 'cp', kind: 'eksControlPlane', label: 'cluster', parent: 'aws', position: { x: 100, y: 80 }, props: {} },
  ],
  edges: [],
  notes: [],
};

async function openFile(k: Kumozu, path: string) {
  const chooser = k.page.waitForEvent('filechooser');
  await k.page.getByTestId('file-open').click();
  await (await chooser).setFiles(path);
}

test('an unreadable file shows its reason and leaves the open diagram untouched', async ({ k }, info) => {
  await k.open({ lang: 'en' });
  await k.load(small);
  const before = await k.doc();
  const cases: [string, string, RegExp][] = [
    ['broken.kumozu.json', '{ "format": "kumozu.diagram", ', /not valid JSON|JSON/i],
    ['other.json', '{ "hello": "world" }', /not a Kumozu/i],
    ['future.kumozu.json', JSON.stringify({ ...small, version: 99 }), /newer|version/i],
  ];
  for (const [name, text, reason] of cases) {
    const path = info.outputPath(name);
    writeFileSync(path, text);
    await openFile(k, path);
    await expect(k.page.getByTestId('toast').filter({ hasText: name }).last()).toContainText(reason);
    expect(await k.doc()).toEqual(before);
  }
});

test('a file needing repairs opens with the repairs listed; unknown kinds survive a save', async ({ k, page }, info) => {
  await k.open({ lang: 'en' });
  const path = info.outputPath('repairs.kumozu.json');
  const doc = {
    ...small,
    nodes: [...small.nodes, { id: 'x1', kind: 'quantumRouter', label: 'from the future', parent: null, position: { x: 400, y: 0 }, props: { qubits: 5 } }],
    edges: [{ id: 'e1', kind: 'joins', source: 'ghost', target: 'cp', label: '', props: {} }],
  };
  writeFileSync(path, JSON.stringify(doc));
  await openFile(k, path);
  await expect(page.getByTestId('toast').last()).toContainText('1 repair');
  await expect(k.node('x1')).toContainText('Unknown component');
  const loaded = await k.doc();
  expect(loaded.edges).toEqual([]);
  expect(loaded.nodes.find((n) => n.id === 'x1')).toMatchObject({ kind: 'quantumRouter', props: { qubits: 5 } });
});

test('Japanese and English everywhere, switchable at any time; palette search in both', async ({ k, page }) => {
  await k.open({ lang: 'ja' });
  await expect(page.locator('[data-testid="palette-item"][data-kind="managedNodeGroup"]')).toContainText('マネージド型ノードグループ');
  await expect(page.getByTestId('file-open')).toHaveText('開く…');

  await page.getByTestId('palette-search').fill('ノードグループ');
  await expect(page.getByTestId('palette-item')).toHaveCount(2);
  await page.getByTestId('palette-search').fill('load balancer');
  await expect(page.getByTestId('palette-item')).toHaveCount(3);

  await page.getByTestId('lang-switch').selectOption('en');
  await expect(page.locator('[data-testid="palette-item"][data-kind="networkLoadBalancer"]')).toContainText('Network Load Balancer');
  await expect(page.getByTestId('file-open')).toHaveText('Open…');

  // The choice is remembered.
  await page.reload();
  await expect(page.getByTestId('lang-switch')).toHaveValue('en');
});

test('the default language follows the system locale', async ({ browser }) => {
  const context = await browser.newContext({ locale: 'ja-JP' });
  const page = await context.newPage();
  await page.goto('/?automation=1');
  await expect(page.getByTestId('lang-switch')).toHaveValue('ja');
  await context.close();
});

test('dark theme', async ({ k, page }) => {
  await k.open({ lang: 'en' });
  await page.getByTestId('theme-switch').selectOption('dark');
  await expect(page.locator('html')).toHaveAttribute('data-theme', 'dark');
  const bg = await page.evaluate(() => getComputedStyle(document.querySelector('.k-palette') as Element).backgroundColor);
  expect(bg).not.toBe('rgb(255, 255, 255)');
});

test('the automation handle is only there when asked for', async ({ page }) => {
  await page.goto('/');
  await expect(page.getByTestId('canvas')).toBeVisible();
  expect(await page.evaluate(() => 'kumozuAutomation' in window)).toBe(false);
});

test('the renderer has no Node access: require, process and module are absent', async ({ k, page }) => {
  await k.open();
  const globals = await page.evaluate(() => ({
    require: typeof (globalThis as Record<string, unknown>).require,
    process: typeof (globalThis as Record<string, unknown>).process,
    module: typeof (globalThis as Record<string, unknown>).module,
    Buffer: typeof (globalThis as Record<string, unknown>).Buffer,
  }));
  expect(globals).toEqual({ require: 'undefined', process: 'undefined', module: 'undefined', Buffer: 'undefined' });
});

test('a PNG exported by the CLI opens in the app as the same diagram', async ({ k }, info) => {
  const png = info.outputPath('web.png');
  const r = spawnSync(process.execPath, ['--import', 'tsx', 'main/cli/kumozu.ts', 'export', 'assets/examples/web-app.kumozu.json', '--png', png, '--scale', '1'], { encoding: 'utf8' });
  expect(r.status, r.stderr).toBe(0);
  await k.open({ lang: 'en' });
  await openFile(k, png);
  await expect(k.node('mng')).toBeVisible();
  const expected = JSON.parse(readFileSync('assets/examples/web-app.kumozu.json', 'utf8'));
  // The example is a version 1 file; the app holds it as version 2 (docs/format.md, migration v1 -> v2).
  expect(await k.doc()).toEqual({ ...expected, version: 2, presentation: { steps: [] } });
});
