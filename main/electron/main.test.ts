import { EventEmitter } from 'node:events';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';

/**
 * main.ts wired to a stand-in for Electron's main-process API: what the
 * desktop app does on start (window, menus, the file from the command line),
 * on IPC (menus, title, close), on a second instance and on close. The
 * stand-in records what main asks of Electron; the modules main wires are
 * real, against a temp folder.
 */

const dir = mkdtempSync(join(tmpdir(), 'kumozu-main-'));
const appFileUrl = pathToFileURL(join(dir, 'app', 'dist', 'renderer', 'index.html')).href;

const h = vi.hoisted(() => ({
  appEvents: new Map<string, (...a: unknown[]) => void>(),
  handlers: new Map<string, (event: unknown, payload: unknown) => Promise<unknown>>(),
  windows: [] as unknown[],
  menus: [] as unknown[],
  quits: 0,
  paths: {} as Record<string, string>,
}));

class FakeWebContents extends EventEmitter {
  sent: [string, unknown][] = [];
  edits: string[] = [];
  mainFrame = { url: '' };
  send(channel: string, arg?: unknown) {
    this.sent.push([channel, arg]);
  }
  isLoading() {
    return false;
  }
  undo() {
    this.edits.push('undo');
  }
  redo() {}
  cut() {}
  copy() {
    this.edits.push('copy');
  }
  paste() {}
  delete() {}
  selectAll() {}
}

class FakeWindow extends EventEmitter {
  static getAllWindows = () => h.windows.filter((w) => !(w as FakeWindow).destroyed);
  webContents = new FakeWebContents();
  title = '';
  destroyed = false;
  constructor(readonly options: Record<string, unknown>) {
    super();
    h.windows.push(this);
  }
  async loadURL(url: string) {
    this.webContents.mainFrame.url = url;
    setTimeout(() => this.webContents.emit('did-finish-load'), 0);
  }
  setTitle(t: string) {
    this.title = t;
  }
  setDocumentEdited() {}
  show() {}
  isMinimized() {
    return false;
  }
  restore() {}
  focus() {}
  close() {
    let prevented = false;
    this.emit('close', { preventDefault: () => void (prevented = true) });
    if (!prevented) {
      this.destroyed = true;
      this.emit('closed');
    }
  }
}

vi.mock('electron', () => ({
  app: {
    isPackaged: false,
    enableSandbox: () => undefined,
    requestSingleInstanceLock: () => true,
    quit: () => void h.quits++,
    getAppPath: () => join(dir, 'app'),
    getPath: (name: string) => h.paths[name] ?? join(dir, name),
    setPath: (name: string, value: string) => void (h.paths[name] = value),
    getPreferredSystemLanguages: () => ['ja-JP', 'en-US'],
    on: (event: string, fn: (...a: unknown[]) => void) => void h.appEvents.set(event, fn),
    whenReady: () => Promise.resolve(),
    getVersion: () => '0.1.0',
    setAboutPanelOptions: () => undefined,
    isReady: () => true,
    clearRecentDocuments: () => undefined,
    addRecentDocument: () => undefined,
  },
  BrowserWindow: FakeWindow,
  dialog: {
    showOpenDialog: async () => ({ canceled: true, filePaths: [] }),
    showSaveDialog: async () => ({ canceled: true }),
    showMessageBox: async () => ({ response: 1 }),
  },
  ipcMain: { handle: (channel: string, fn: (event: unknown, payload: unknown) => Promise<unknown>) => void h.handlers.set(channel, fn) },
  Menu: { buildFromTemplate: (template: unknown) => ({ template }), setApplicationMenu: (m: unknown) => void h.menus.push(m) },
  session: {
    defaultSession: {
      webRequest: { onHeadersReceived: () => undefined },
      setPermissionRequestHandler: () => undefined,
      setPermissionCheckHandler: () => undefined,
    },
  },
  shell: { openExternal: async () => undefined },
}));

const DOC = JSON.stringify({ format: 'kumozu.diagram', version: 1, meta: { title: 'x', description: '', lang: 'en' }, nodes: [], edges: [], notes: [] });
const argvFile = join(dir, 'argv.kumozu.json');
let win: FakeWindow;
const savedArgv = process.argv;

type MenuItem = { id?: string; label?: string; role?: string; click?: () => void; submenu?: MenuItem[] };
const lastMenu = () => (h.menus.at(-1) as { template: MenuItem[] }).template;
const fromPage = (w: FakeWindow) => ({ sender: w.webContents, senderFrame: w.webContents.mainFrame });
const invoke = (channel: string, payload: unknown, event: unknown = fromPage(win)) => h.handlers.get(channel)!(event, payload);

beforeAll(async () => {
  writeFileSync(argvFile, DOC);
  process.env.KUMOZU_USER_DATA = join(dir, 'profile');
  process.argv = ['/opt/electron', join(dir, 'app'), '--inspect=0', argvFile];
  await import('./main');
  await vi.waitFor(() => expect(h.windows).toHaveLength(1));
  win = h.windows[0] as FakeWindow;
  // The command-line file is read and sent once the page has loaded.
  await vi.waitFor(() => expect(win.webContents.sent.some(([c]) => c === 'file:opened')).toBe(true), { timeout: 5000 });
});
afterAll(() => {
  process.argv = savedArgv;
  delete process.env.KUMOZU_USER_DATA;
  rmSync(dir, { recursive: true, force: true });
});

describe('main process wiring', () => {
  it('uses the test profile, creates one locked-down window on the app page, and a menu in the system language', () => {
    expect(h.paths.userData).toBe(join(dir, 'profile'));
    expect(h.windows).toHaveLength(1);
    expect(win.options.webPreferences).toMatchObject({ sandbox: true, contextIsolation: true, nodeIntegration: false });
    expect(String((win.options.webPreferences as { preload: string }).preload)).toMatch(/preload\.cjs$/);
    expect(win.webContents.mainFrame.url).toBe(appFileUrl);
    expect(lastMenu().map((m) => m.label)).toEqual(expect.arrayContaining(['ファイル(&F)', '編集(&E)', '表示(&V)', 'ヘルプ(&H)']));
    expect([...h.handlers.keys()]).toEqual(expect.arrayContaining(['file:open', 'menu:set', 'app:confirmClose', 'app:editText']));
  });

  it('sends the file named on the command line to the page once it has loaded', () => {
    const opened = win.webContents.sent.filter(([c]) => c === 'file:opened');
    expect(opened).toHaveLength(1);
    expect(opened[0]?.[1]).toMatchObject({ file: { name: 'argv.kumozu.json' }, text: DOC });
  });

  it('builds the menus from the page: labels, and clicks sent back as action ids', async () => {
    const items = [
      { id: 'open', menu: 'file', label: 'Open…', accelerators: ['CmdOrCtrl+O'], enabled: true, checked: null, separatorBefore: false },
      { id: 'save', menu: 'file', label: 'Save', accelerators: ['CmdOrCtrl+S'], enabled: true, checked: null, separatorBefore: false },
    ];
    expect(await invoke('menu:set', { lang: 'en', items })).toBeNull();
    // The menu is rebuilt after the recent list is read.
    await vi.waitFor(() => expect(lastMenu().find((m) => m.label === '&File')?.submenu?.some((i) => i.id === 'save')).toBe(true), { timeout: 5000 });
    const file = lastMenu().find((m) => m.label === '&File');
    const save = file?.submenu?.find((i) => i.id === 'save');
    save?.click?.();
    expect(win.webContents.sent.at(-1)).toEqual(['menu:action', 'save']);
    // Open Recent lists the file opened from the command line.
    const recent = file?.submenu?.find((i) => i.label === 'Open &Recent');
    expect(recent?.submenu?.map((i) => i.label)).toEqual(['argv.kumozu.json']);
  });

  it('titles the window with the file name and the unsaved marker', async () => {
    await invoke('app:setTitle', { title: 'argv.kumozu.json' });
    await invoke('app:setDirty', { dirty: true });
    expect(win.title).toBe(process.platform === 'darwin' ? 'argv.kumozu.json — Kumozu' : '● argv.kumozu.json — Kumozu');
  });

  it('refuses messages from another page or frame', async () => {
    const other = new FakeWebContents();
    await expect(invoke('app:setTitle', { title: 'evil' }, { sender: other, senderFrame: other.mainFrame })).rejects.toThrow('refused');
    await expect(invoke('app:setTitle', { title: 'evil' }, { sender: win.webContents, senderFrame: { url: appFileUrl } })).rejects.toThrow('refused');
    expect(win.title).not.toContain('evil');
  });

  it('runs text edits on the page', async () => {
    await invoke('app:editText', { command: 'copy' });
    expect(win.webContents.edits).toEqual(['copy']);
  });

  it('hands files from a second instance to the page', async () => {
    const second = join(dir, 'second.kumozu.json');
    writeFileSync(second, DOC);
    h.appEvents.get('second-instance')?.({}, ['/opt/electron', join(dir, 'app'), 'second.kumozu.json'], dir);
    await vi.waitFor(() => expect(win.webContents.sent.filter(([c]) => c === 'file:opened').at(-1)?.[1]).toMatchObject({ file: { name: 'second.kumozu.json' } }), { timeout: 5000 });
  });

  it('a file it cannot open is reported to the page by name, never by path', async () => {
    h.appEvents.get('second-instance')?.({}, ['/opt/electron', join(dir, 'app'), 'gone.kumozu.json'], dir);
    await vi.waitFor(() => expect(win.webContents.sent.filter(([c]) => c === 'file:openFailed').at(-1)?.[1]).toEqual({ name: 'gone.kumozu.json', reason: 'notFound' }), { timeout: 5000 });
  });

  it('closing with unsaved changes asks the page first, and closes once it confirms', async () => {
    win.close();
    expect(win.destroyed).toBe(false);
    expect(win.webContents.sent.at(-1)).toEqual(['app:closeRequested', undefined]);
    await invoke('app:closeAcknowledged', null);
    await invoke('app:confirmClose', null);
    expect(win.destroyed).toBe(true);
  });
});
