import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { _electron as electron, type ElectronApplication, type Page } from '@playwright/test';
import { test, expect } from './support/fixtures';
// @ts-expect-error: a plain .mjs script without type declarations
import { buildDesktop } from '../scripts/lib/desktop.mjs';

/**
 * The desktop app.
 *
 * 1. A smoke test of the real Electron app (open, draw, save, reopen): runs
 *    where an Electron binary is installed and the app is built
 *    (`npm run build`); otherwise it is skipped and says why.
 * 2. The desktop integration of the renderer (menus, title, save conflict,
 *    failed save, crash drafts, close with unsaved changes, files from main),
 *    in the browser with a stand-in for the preload's `window.kumozuDesktop`:
 *    these run everywhere, driven with the mouse and keyboard.
 */

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..');

function electronBinary(): string | null {
  try {
    const dir = dirname(createRequire(import.meta.url).resolve('electron/package.json'));
    const pathFile = join(dir, 'path.txt');
    if (!existsSync(pathFile)) return null;
    const bin = join(dir, 'dist', readFileSync(pathFile, 'utf8').trim());
    return existsSync(bin) ? bin : null;
  } catch {
    return null;
  }
}

const bin = electronBinary();
const notRunnable = !bin
  ? 'the Electron binary is not installed (node_modules/electron/dist is missing: its download needs internet access)'
  : process.platform === 'linux' && !process.env.DISPLAY && !process.env.WAYLAND_DISPLAY
    ? 'there is no display to open a window on (DISPLAY and WAYLAND_DISPLAY are unset; try xvfb-run)'
    : null;
if (notRunnable) console.log(`e2e/electron.spec.ts: the Electron smoke test did not run: ${notRunnable}.`);

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

test.describe('the Electron app', () => {
  test.skip(notRunnable !== null, notRunnable ?? '');

  // The app under test is built from the current sources (what `npm start` runs), not whatever build is lying around.
  test.beforeAll(async () => {
    test.setTimeout(180_000);
    await buildDesktop();
  });

  /** Starts the app on a private profile, with `file` on its command line when given. */
  async function launch(file: string | null, userData: string): Promise<{ app: ElectronApplication; page: Page }> {
    const env = { ...process.env, KUMOZU_USER_DATA: userData } as Record<string, string>;
    delete env.ELECTRON_RUN_AS_NODE;
    const app = await electron.launch({ executablePath: bin ?? undefined, args: file === null ? [ROOT] : [ROOT, file], env, cwd: ROOT });
    const page = await app.firstWindow();
    // As in the browser suite: any console error or uncaught exception (a CSP violation too) fails the test.
    page.on('console', (m) => {
      if (m.type() === 'error') problems.push(`console: ${m.text()}`);
    });
    page.on('pageerror', (e) => problems.push(`page error: ${e.message}`));
    return { app, page };
  }
  const problems: string[] = [];
  test.afterEach(() => {
    expect(problems, 'the desktop app logged errors').toEqual([]);
    problems.length = 0;
  });
  const title = (app: ElectronApplication) => app.evaluate(({ BrowserWindow }) => BrowserWindow.getAllWindows()[0]?.getTitle() ?? '');

  test('open from the command line, draw, save, reopen', async ({ browserName }, info) => {
    // Electron brings its own Chromium; the browser fixture is not used.
    void browserName;
    const file = info.outputPath('smoke.kumozu.json');
    const userData = info.outputPath('user-data');
    writeFileSync(file, JSON.stringify(small));

    const first = await launch(file, userData);
    const page = first.page;
    // Open: the file named on the command line is on the canvas, its name in the title.
    await expect(page.locator('.react-flow__node[data-id="cp"]')).toBeVisible();
    await expect.poll(() => title(first.app)).toBe('smoke.kumozu.json — Kumozu');
    // The page is a sandboxed web page.
    expect(await page.evaluate(() => [typeof (globalThis as Record<string, unknown>).require, typeof (globalThis as Record<string, unknown>).process])).toEqual(['undefined', 'undefined']);

    // Draw: a second control plane dragged from the palette to an empty spot.
    const canvas = page.getByTestId('canvas');
    const box = await canvas.boundingBox();
    if (!box) throw new Error('canvas not visible');
    const item = page.locator('[data-testid="palette-item"][data-kind="awsManagedAccount"]');
    await item.scrollIntoViewIfNeeded();
    await item.dragTo(canvas, { targetPosition: { x: box.width - 260, y: box.height - 200 } });
    await expect(page.locator('.react-flow__node')).toHaveCount(3);
    if (process.platform !== 'darwin') await expect.poll(() => title(first.app)).toBe('● smoke.kumozu.json — Kumozu');

    // Save with the keyboard: written in place, no dialog (the file came from the command line).
    await canvas.click({ position: { x: 10, y: 10 } });
    await page.keyboard.press(process.platform === 'darwin' ? 'Meta+S' : 'Control+S');
    await expect.poll(() => (JSON.parse(readFileSync(file, 'utf8')) as typeof small).nodes.length).toBe(3);
    await expect.poll(() => title(first.app)).toBe('smoke.kumozu.json — Kumozu');
    // A clean save leaves no crash draft on disk (one may have been written while the drawing was unsaved).
    const draftsDir = join(userData, 'drafts');
    await expect.poll(() => (existsSync(draftsDir) ? readdirSync(draftsDir).filter((f) => f.endsWith('.draft.json')) : [])).toEqual([]);
    // Clean after a save: the window closes without asking.
    await first.app.close();

    // Reopen: the drawn node is there, and no crash draft is offered (the save removed it).
    const second = await launch(file, userData);
    await expect(second.page.locator('.react-flow__node')).toHaveCount(3);
    await expect(second.page.getByTestId('desktop-drafts')).toHaveCount(0);
    await second.app.close();
  });

  test('after a kill, the next start offers the crash draft and restores the unsaved work', async ({ browserName }, info) => {
    void browserName;
    const file = info.outputPath('crash.kumozu.json');
    const userData = info.outputPath('user-data');
    writeFileSync(file, JSON.stringify(small));

    const first = await launch(file, userData);
    await expect(first.page.locator('.react-flow__node[data-id="cp"]')).toBeVisible();
    // An unsaved change: the control plane deleted.
    await first.page.locator('.react-flow__node[data-id="cp"]').click();
    await first.page.keyboard.press('Delete');
    await expect(first.page.locator('.react-flow__node')).toHaveCount(1);
    // Within a few seconds the draft is on disk; then the app is killed (no chance to clean up).
    const draftsDir = join(userData, 'drafts');
    await expect.poll(() => (existsSync(draftsDir) ? readdirSync(draftsDir).filter((f) => f.endsWith('.draft.json')).length : 0), { timeout: 15_000 }).toBe(1);
    first.app.process().kill('SIGKILL');
    await new Promise<void>((resolve) => (first.app.process().exitCode !== null ? resolve() : first.app.process().once('exit', () => resolve())));

    const second = await launch(null, userData);
    const drafts = second.page.getByTestId('desktop-drafts');
    await expect(drafts.getByTestId('draft')).toHaveCount(1);
    await drafts.getByTestId('draft-restore').click();
    await expect(second.page.locator('.react-flow__node')).toHaveCount(1);
    await expect.poll(() => title(second.app)).toMatch(/^(● )?Small — Kumozu$/);
    // Discarding the restored work on close removes the draft.
    await second.app.evaluate(({ BrowserWindow }) => BrowserWindow.getAllWindows()[0]?.close());
    await second.page.getByTestId('close-discard').click();
    await second.app.waitForEvent('close');
    expect(readdirSync(draftsDir).filter((f) => f.endsWith('.draft.json'))).toEqual([]);
  });
});

// ---------------------------------------------------------------------------
// The renderer's desktop integration against a stand-in preload.

interface FakeState {
  calls: [string, unknown][];
  /** What the next files.save does: 'ok', 'conflict' or an io code. */
  nextSave: string;
  drafts: { id: string; title: string; savedAt: number; text: string }[];
  listeners: Record<string, ((arg?: unknown) => void) | undefined>;
}

/** Installs `window.kumozuDesktop` before the page's scripts run, recording every call in `window.__fake.calls`. */
async function withFakeDesktop(page: Page, drafts: FakeState['drafts'] = []): Promise<void> {
  await page.addInitScript((initialDrafts) => {
    const state: FakeState = { calls: [], nextSave: 'ok', drafts: initialDrafts, listeners: {} };
    (window as unknown as { __fake: FakeState }).__fake = state;
    const record = (name: string, arg?: unknown) => void state.calls.push([name, arg]);
    const enc = (text: string) => new TextEncoder().encode(text);
    const on = (name: string) => (listener: (arg?: unknown) => void) => {
      state.listeners[name] = listener;
      return () => void (state.listeners[name] = undefined);
    };
    (window as unknown as { kumozuDesktop: unknown }).kumozuDesktop = {
      files: {
        edition: 'desktop',
        open: async () => null,
        save: async (text: string, ref: { name: string; handle?: unknown } | null, name: string) => {
          record('save', { name: ref?.name ?? name, text });
          const next = state.nextSave;
          state.nextSave = 'ok';
          if (next === 'conflict') throw new Error("Error invoking remote method 'file:save': Error: conflict");
          if (next !== 'ok') throw new Error(`Error invoking remote method 'file:save': Error: io:${next}: ${next.toLowerCase()} error`);
          return ref ?? { name, handle: 'tok-new' };
        },
        saveAs: async (text: string, name: string) => {
          record('saveAs', { name, text });
          return { name: `copy of ${name}`, handle: 'tok-copy' };
        },
        exportFile: async () => null,
      },
      openRecent: async () => null,
      reload: async (token: string) => {
        record('reload', token);
        const automation = (window as unknown as { kumozuAutomation?: { getDocument(): unknown } }).kumozuAutomation;
        const doc = JSON.parse(JSON.stringify(automation?.getDocument() ?? {})) as { meta: { title: string }; nodes: unknown[] };
        doc.meta.title = 'Changed on disk';
        doc.nodes = [];
        return { ref: { name: 'diagram.kumozu.json', handle: token }, bytes: enc(JSON.stringify(doc)) };
      },
      recentFiles: async () => [],
      drafts: {
        list: async () => state.drafts.map(({ id, title, savedAt }) => ({ id, title, savedAt })),
        write: async (id: string, title: string) => (record('drafts.write', { id, title }), true),
        restore: async (id: string) => state.drafts.find((d) => d.id === id)?.text ?? null,
        discard: async (id: string) => (record('drafts.discard', id), true),
      },
      setTitle: async (title: string) => (record('setTitle', title), null),
      setDirty: async (dirty: boolean) => (record('setDirty', dirty), null),
      setMenu: async (spec: unknown) => (record('setMenu', spec), null),
      confirmClose: async () => (record('confirmClose'), null),
      closeAcknowledged: async () => (record('closeAcknowledged'), null),
      editText: async (command: string) => (record('editText', command), null),
      onMenu: on('menu'),
      onOpened: on('opened'),
      onOpenFailed: on('openFailed'),
      onCloseRequest: on('close'),
    };
  }, drafts);
}

const fake = (page: Page) => page.evaluate(() => (window as unknown as { __fake: FakeState }).__fake);
const callsOf = async (page: Page, name: string) => (await fake(page)).calls.filter(([n]) => n === name).map(([, a]) => a);
/** main sends an event (a menu click, a close request, a file it opened). */
const fromMain = (page: Page, event: string, arg?: unknown) =>
  page.evaluate(([e, a]) => (window as unknown as { __fake: FakeState }).__fake.listeners[e as string]?.(a), [event, arg] as const);

interface SentMenu {
  lang: string;
  items: { id: string; menu: string; label: string; accelerators: string[]; enabled: boolean; checked: boolean | null }[];
}

test.describe('desktop integration (stand-in preload)', () => {
  test('menus follow the UI language and state; menu clicks run actions; the title carries the file name', async ({ k, page }) => {
    await withFakeDesktop(page);
    await k.open({ lang: 'en' });
    await k.load(small);

    const lastMenu = async () => (await callsOf(page, 'setMenu')).at(-1) as SentMenu;
    await expect.poll(async () => (await lastMenu()).items.find((i) => i.id === 'save')?.label).toBe('Save');
    const menu = await lastMenu();
    expect(menu.items.find((i) => i.id === 'saveAs')).toMatchObject({ menu: 'file', accelerators: ['CmdOrCtrl+Shift+S'] });
    expect(menu.items.find((i) => i.id === 'snap')?.checked).toBe(true);
    expect(menu.items.find((i) => i.id === 'copy')?.enabled).toBe(false);

    // Selecting something enables Copy in the native menu.
    await k.node('cp').click();
    await expect.poll(async () => (await lastMenu()).items.find((i) => i.id === 'copy')?.enabled).toBe(true);

    // The language switch relabels the menus.
    await page.getByTestId('lang-switch').selectOption('ja');
    await expect.poll(async () => (await lastMenu()).lang).toBe('ja');
    expect((await lastMenu()).items.find((i) => i.id === 'save')?.label).toBe('保存');

    // A menu click comes back as an action id: Select All, then Delete removes everything.
    await fromMain(page, 'menu', 'selectAll');
    await fromMain(page, 'menu', 'delete');
    await expect(page.locator('.react-flow__node')).toHaveCount(0);
    // An unknown id does nothing (and logs no error).
    await fromMain(page, 'menu', 'formatDisk');

    // Title and unsaved state reach main.
    await expect.poll(async () => (await callsOf(page, 'setDirty')).at(-1)).toBe(true);
    await page.keyboard.press('Control+S');
    await expect.poll(async () => (await callsOf(page, 'setTitle')).at(-1)).toBe('Small.kumozu.json');
    await expect.poll(async () => (await callsOf(page, 'setDirty')).at(-1)).toBe(false);
  });

  test('Edit menu items act on the text field while typing, not on the diagram', async ({ k, page }) => {
    await withFakeDesktop(page);
    await k.open({ lang: 'en' });
    await k.load(small);
    await k.node('cp').click();
    const field = page.getByTestId('palette-search');
    await field.click();
    await fromMain(page, 'menu', 'selectAll');
    await fromMain(page, 'menu', 'copy');
    await fromMain(page, 'menu', 'duplicate');
    expect(await callsOf(page, 'editText')).toEqual(['selectAll', 'copy']);
    // The diagram was not touched: still two nodes.
    await expect(page.locator('.react-flow__node')).toHaveCount(2);
  });

  test('a save conflict asks: save elsewhere writes a copy; reload takes the file from disk', async ({ k, page }) => {
    await withFakeDesktop(page);
    await k.open({ lang: 'en' });
    await k.load(small);
    // First save: the user picks a place (no file yet) and the diagram is bound to it.
    await page.getByTestId('file-save').click();
    await expect(page.getByTestId('toast').last()).toContainText('Saved');

    await k.node('cp').click();
    await page.keyboard.press('Delete');
    await page.evaluate(() => void ((window as unknown as { __fake: FakeState }).__fake.nextSave = 'conflict'));
    await page.getByTestId('file-save').click();
    const dialog = page.getByTestId('desktop-conflict');
    await expect(dialog).toContainText('changed by another program');
    await dialog.getByTestId('conflict-save-elsewhere').click();
    await expect(dialog).toHaveCount(0);
    await expect(page.getByTestId('toast').last()).toContainText('Saved copy of');
    expect((await callsOf(page, 'saveAs')).length).toBe(1);

    // Again, in Japanese, and this time reload from disk.
    await page.getByTestId('lang-switch').selectOption('ja');
    await page.evaluate(() => void ((window as unknown as { __fake: FakeState }).__fake.nextSave = 'conflict'));
    await page.getByTestId('file-save').click();
    await expect(dialog).toContainText('別のプログラム');
    await dialog.getByTestId('conflict-reload').click();
    await expect(dialog).toHaveCount(0);
    expect(await callsOf(page, 'reload')).toEqual(['tok-copy']);
    await expect(page.locator('.react-flow__node')).toHaveCount(0);
    expect(((await k.doc()) as unknown as { meta: { title: string } }).meta.title).toBe('Changed on disk');

    // Cancel leaves everything as it was.
    await k.load(small);
    await page.getByTestId('file-save').click();
    await page.evaluate(() => void ((window as unknown as { __fake: FakeState }).__fake.nextSave = 'conflict'));
    await page.getByTestId('file-save').click();
    await dialog.getByTestId('conflict-cancel').click();
    await expect(dialog).toHaveCount(0);
    await expect(page.locator('.react-flow__node')).toHaveCount(2);
  });

  test('a failed save says why and that the file on disk is unchanged', async ({ k, page }) => {
    await withFakeDesktop(page);
    await k.open({ lang: 'en' });
    await k.load(small);
    await page.evaluate(() => void ((window as unknown as { __fake: FakeState }).__fake.nextSave = 'EACCES'));
    await page.getByTestId('file-save').click();
    await expect(page.getByTestId('toast').last()).toContainText('You do not have permission to write there. The file on disk is unchanged.');
  });

  test('crash drafts: offered at start, restored as unsaved work, or discarded', async ({ k, page }) => {
    const restoredDoc = { ...small, meta: { ...small.meta, title: 'Recovered' } };
    await withFakeDesktop(page, [
      { id: 'draft-a', title: 'web.kumozu.json', savedAt: Date.UTC(2026, 10, 20, 9, 30), text: JSON.stringify(restoredDoc) },
      { id: 'draft-b', title: 'old.kumozu.json', savedAt: Date.UTC(2026, 10, 19, 9, 30), text: '{}' },
    ]);
    await k.open({ lang: 'en' });
    const dialog = page.getByTestId('desktop-drafts');
    await expect(dialog.getByTestId('draft')).toHaveCount(2);
    await expect(dialog).toContainText('web.kumozu.json');

    await dialog.locator('[data-draft-id="draft-b"]').getByTestId('draft-discard').click();
    await expect(dialog.getByTestId('draft')).toHaveCount(1);
    expect(await callsOf(page, 'drafts.discard')).toEqual(['draft-b']);

    await dialog.getByTestId('draft-restore').click();
    await expect(dialog).toHaveCount(0);
    await expect(page.locator('.react-flow__node[data-id="cp"]')).toBeVisible();
    await expect(page.getByTestId('toast').last()).toContainText('Restored');
    // Restored work is unsaved: main is told, and the draft keeps being written under its own id.
    await expect.poll(async () => (await callsOf(page, 'setDirty')).at(-1)).toBe(true);
    await expect.poll(async () => (await callsOf(page, 'drafts.write')).at(-1), { timeout: 10_000 }).toEqual({ id: 'draft-a', title: 'Recovered' });
    // A clean save removes it.
    await page.getByTestId('file-save').click();
    await expect.poll(async () => (await callsOf(page, 'drafts.discard')).at(-1)).toBe('draft-a');
  });

  test('closing with unsaved changes asks: cancel keeps the window, don’t save discards the draft and closes', async ({ k, page }) => {
    await withFakeDesktop(page);
    await k.open({ lang: 'ja' });
    await k.load(small);
    await k.node('cp').click();
    await page.keyboard.press('Delete');
    await expect.poll(async () => (await callsOf(page, 'drafts.write')).length, { timeout: 10_000 }).toBeGreaterThan(0);

    await fromMain(page, 'close');
    const dialog = page.getByTestId('desktop-close');
    await expect(dialog).toContainText('保存していない変更');
    expect((await callsOf(page, 'closeAcknowledged')).length).toBe(1);
    await page.keyboard.press('Escape');
    await expect(dialog).toHaveCount(0);
    expect(await callsOf(page, 'confirmClose')).toEqual([]);

    await fromMain(page, 'close');
    await dialog.getByTestId('close-discard').click();
    await expect.poll(async () => (await callsOf(page, 'confirmClose')).length).toBe(1);
    const [written] = (await callsOf(page, 'drafts.write')) as { id: string }[];
    expect(await callsOf(page, 'drafts.discard')).toEqual([written?.id]);
  });

  test('files main opens (command line, Open Recent, the OS) and dropped files open in the app', async ({ k, page }) => {
    await withFakeDesktop(page);
    await k.open({ lang: 'en' });
    const text = JSON.stringify(small);
    await page.evaluate((t) => {
      const listener = (window as unknown as { __fake: FakeState }).__fake.listeners.opened;
      listener?.({ ref: { name: 'argv.kumozu.json', handle: 'tok-argv' }, bytes: new TextEncoder().encode(t) });
    }, text);
    await expect(page.locator('.react-flow__node[data-id="cp"]')).toBeVisible();
    await expect.poll(async () => (await callsOf(page, 'setTitle')).at(-1)).toBe('argv.kumozu.json');

    // A file main could not open (gone since it was listed in Open Recent) is named, with the reason.
    await fromMain(page, 'openFailed', { name: 'gone.kumozu.json', reason: 'notFound' });
    await expect(page.getByTestId('toast').last()).toContainText('Could not open “gone.kumozu.json”: The file no longer exists. Your open diagram is unchanged.');
    await expect(page.locator('.react-flow__node[data-id="cp"]')).toBeVisible();

    // A file dropped on the window.
    const dropped = { ...small, meta: { ...small.meta, title: 'Dropped' }, nodes: small.nodes.slice(0, 1) };
    const transfer = await page.evaluateHandle((t) => {
      const dt = new DataTransfer();
      dt.items.add(new File([t], 'dropped.kumozu.json', { type: 'application/json' }));
      return dt;
    }, JSON.stringify(dropped));
    await k.canvas.dispatchEvent('dragover', { dataTransfer: transfer });
    await k.canvas.dispatchEvent('drop', { dataTransfer: transfer });
    await expect(page.locator('.react-flow__node')).toHaveCount(1);
    await expect.poll(async () => (await callsOf(page, 'setTitle')).at(-1)).toBe('dropped.kumozu.json');
  });
});
