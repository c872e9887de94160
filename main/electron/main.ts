import { randomBytes } from 'node:crypto';
import { basename, dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { app, BrowserWindow, dialog, ipcMain, Menu, session, shell } from 'electron';
import { createCloseGuard, type CloseGuard } from './close-guard';
import { createDrafts } from './drafts';
import { nodeOpenFs, nodeSaveFs } from './files';
import { CHANNELS, CLOSE_REQUEST_EVENT, createTokenTable, MENU_EVENT, OPEN_FAILED_EVENT, OPENED_EVENT, type Channel, type MenuSpec } from './ipc-contract';
import { initialMenuSpec, menuTemplate, NATIVE_TEXT, systemUiLang, windowTitle } from './menu';
import { createRecentFiles, filesFromArgv } from './recent';
import { createHardenedWindow, hardenSession, hardenWebContents } from './security';
import { createDesktopService, type Dialogs } from './service';

/**
 * The Electron main process: thin wiring only. Every decision lives in a
 * module tested without Electron (security, ipc-contract, service, files,
 * drafts, recent, menu, close-guard); this file connects them to Electron's
 * objects. Bundled by scripts/build-main.mjs into dist-main/main.js (ESM).
 */

const here = dirname(fileURLToPath(import.meta.url));
const log = (message: string): void => console.warn(`[kumozu] ${message}`);

/** How long a dirty window waits for the page to answer a close before asking natively. */
const CLOSE_FALLBACK_MS = 3000;

// Every renderer runs in the OS sandbox, whatever a webPreferences says.
app.enableSandbox();

// Development and tests only (never in a packaged app): a separate profile, so a test run
// neither reads the user's drafts and recent files nor hands its files to their running instance.
if (!app.isPackaged && process.env.KUMOZU_USER_DATA) app.setPath('userData', process.env.KUMOZU_USER_DATA);

// One instance: a second launch hands its files to the first and quits.
if (!app.requestSingleInstanceLock()) {
  app.quit();
} else {
  start();
}

function start(): void {
  const devServer = !app.isPackaged ? process.env.KUMOZU_DEV_SERVER_URL : undefined;
  const devOrigin = devServer !== undefined ? new URL(devServer).origin : undefined;
  const appFileUrl = pathToFileURL(join(app.getAppPath(), 'dist', 'renderer', 'index.html')).href;
  const userData = app.getPath('userData');
  const platform = process.platform;
  let win: BrowserWindow | null = null;
  let guard: CloseGuard | null = null;
  let lastDir = app.getPath('documents');
  let menuSpec: MenuSpec = initialMenuSpec(systemUiLang(app.getPreferredSystemLanguages()));
  let titleName = '';
  /** Files named before the window could take them (command line, macOS open-file before ready). */
  const pending: string[] = filesFromArgv(process.argv, { packaged: app.isPackaged, cwd: process.cwd() });
  const recent = createRecentFiles({ file: join(userData, 'recent.json'), caseInsensitive: platform !== 'linux' });

  const text = () => NATIVE_TEXT[menuSpec.lang];
  const dialogs: Dialogs = {
    async showOpen() {
      if (!win) return null;
      const r = await dialog.showOpenDialog(win, {
        properties: ['openFile'],
        defaultPath: lastDir,
        // Everything Kumozu opens first (GTK shows only the first filter until the user switches).
        filters: [
          { name: text().openableFilter, extensions: ['json', 'png', 'svg'] },
          { name: text().diagramFilter, extensions: ['json'] },
          { name: text().imageFilter, extensions: ['png', 'svg'] },
        ],
      });
      const path = r.canceled ? undefined : r.filePaths[0];
      if (path === undefined) return null;
      lastDir = dirname(path);
      return path;
    },
    async showSave(suggestedName, kind) {
      if (!win) return null;
      const ext = suggestedName.includes('.') ? suggestedName.slice(suggestedName.lastIndexOf('.') + 1) : '';
      // A diagram is always written as .kumozu.json (filters take one extension segment: "json").
      const name = kind.diagram && !suggestedName.endsWith('.kumozu.json') ? `${suggestedName.replace(/\.json$/, '')}.kumozu.json` : suggestedName;
      const filters = kind.diagram ? [{ name: text().diagramFilter, extensions: ['json'] }] : [{ name: kind.mime, extensions: ext ? [ext] : ['*'] }];
      const r = await dialog.showSaveDialog(win, { defaultPath: join(lastDir, name), filters, properties: ['showOverwriteConfirmation', 'createDirectory'] });
      if (r.canceled || !r.filePath) return null;
      lastDir = dirname(r.filePath);
      return r.filePath;
    },
  };

  function updateTitle(): void {
    if (!win) return;
    const dirty = guard?.dirty ?? false;
    win.setTitle(windowTitle(titleName, dirty, platform));
    // The macOS close button and window menu show unsaved changes.
    if (platform === 'darwin') win.setDocumentEdited(dirty);
  }

  const service = createDesktopService({
    dialogs,
    window: {
      setTitle: (title) => {
        titleName = title;
        updateTitle();
      },
      setDirty: (d) => {
        guard?.setDirty(d);
        updateTitle();
      },
      setMenu: (spec) => {
        menuSpec = spec;
        buildMenu();
      },
      confirmClose: () => guard?.confirm(),
      closeAcknowledged: () => guard?.acknowledge(),
      editText: (command) => {
        const wc = win?.webContents;
        if (!wc) return;
        // The focused field of the page does the edit, exactly as the role items would.
        switch (command) {
          case 'undo':
            return wc.undo();
          case 'redo':
            return wc.redo();
          case 'cut':
            return wc.cut();
          case 'copy':
            return wc.copy();
          case 'paste':
            return wc.paste();
          case 'delete':
            return wc.delete();
          case 'selectAll':
            return wc.selectAll();
        }
      },
    },
    tokens: createTokenTable(() => randomBytes(18).toString('base64url')),
    saveFs: nodeSaveFs,
    openFs: nodeOpenFs,
    drafts: createDrafts(join(userData, 'drafts')),
    recent,
    sender: devOrigin !== undefined ? { appFileUrl, devOrigin } : { appFileUrl },
    log,
  });

  /** File operations change the recent list shown in File › Open Recent. */
  const changesRecent = new Set<Channel>(['file:open', 'file:openRecent', 'file:save', 'file:saveAs']);
  for (const channel of CHANNELS) {
    ipcMain.handle(channel, async (event, payload: unknown) => {
      const frame = event.senderFrame;
      // Only our window's main frame may talk to main; the service checks the URL too.
      const fromOurWindow = win !== null && event.sender === win.webContents;
      const r = await service.dispatch(channel, payload, {
        url: frame?.url ?? '',
        isMainFrame: fromOurWindow && frame !== null && frame === event.sender.mainFrame,
      });
      // The page gets a bare refusal; the reason is in the log.
      if (!r.ok) throw new Error(r.error);
      if (changesRecent.has(channel)) void refreshRecent();
      return r.response;
    });
  }

  async function openPending(): Promise<void> {
    if (!win || win.webContents.isLoading()) return;
    for (const path of pending.splice(0)) {
      const r = await service.openPath(path);
      if (r.ok) win.webContents.send(OPENED_EVENT, r.value);
      else {
        const reason = r.failure.reason === 'notADiagram' ? r.failure.detail : r.failure.reason;
        log(`could not open ${path}: ${reason}`);
        // The page says so, with the file's name only (never the path).
        win.webContents.send(OPEN_FAILED_EVENT, { name: basename(path), reason });
      }
    }
    void refreshRecent();
  }

  let recentPaths: string[] = [];
  let osRecentKey: string | null = null;
  let recentReads = 0;
  /** Re-reads the recent files (after an open or save) and rebuilds the menu; of overlapping reads, the last one wins. */
  async function refreshRecent(): Promise<void> {
    const read = ++recentReads;
    const list = await recent.list().catch(() => []);
    if (read !== recentReads) return;
    recentPaths = list;
    buildMenu();
  }

  /** The application menu from the page's actions and the recent files last read (no disk access: runs on every menu update). */
  function buildMenu(): void {
    const shown = recentPaths;
    const template = menuTemplate(menuSpec, {
      platform,
      dev: !app.isPackaged,
      recent: recentPaths.map((p) => ({ name: basename(p), detail: dirname(p) })),
      onAction: (id) => win?.webContents.send(MENU_EVENT, id),
      onRecent: (index) => {
        const path = shown[index];
        if (path === undefined) return;
        // The page asks about unsaved changes before it replaces the diagram.
        pending.push(path);
        void openPending();
      },
    });
    Menu.setApplicationMenu(Menu.buildFromTemplate(template));
    // macOS lists recent documents in the Dock menu, Windows in the jump list: updated when the list changes.
    const key = recentPaths.join('\n');
    if ((platform === 'darwin' || platform === 'win32') && key !== osRecentKey) {
      osRecentKey = key;
      app.clearRecentDocuments();
      for (const p of [...recentPaths].reverse()) app.addRecentDocument(p);
    }
  }

  function createWindow(): void {
    const w = createHardenedWindow(BrowserWindow, { width: 1280, height: 820, minWidth: 720, minHeight: 480, title: 'Kumozu', show: false }, join(here, 'preload.cjs'), !app.isPackaged);
    win = w;
    const g = createCloseGuard({
      askRenderer: () => w.webContents.send(CLOSE_REQUEST_EVENT),
      askNative: async () => {
        const t = text();
        const r = await dialog.showMessageBox(w, { type: 'warning', buttons: [t.closeAnyway, t.cancel], defaultId: 1, cancelId: 1, message: t.unsavedMessage, detail: t.unsavedDetail });
        return r.response === 0;
      },
      close: (quit) => (quit ? app.quit() : w.close()),
      setTimer: (fn, ms) => setTimeout(fn, ms),
      clearTimer: (h) => clearTimeout(h as ReturnType<typeof setTimeout>),
      fallbackMs: CLOSE_FALLBACK_MS,
    });
    guard = g;
    w.once('ready-to-show', () => w.show());
    // The title is ours (file name and unsaved marker), not the page's <title>.
    w.on('page-title-updated', (event) => event.preventDefault());
    w.webContents.on('did-finish-load', () => void openPending());
    w.on('close', (event) => {
      if (!g.onClose()) event.preventDefault();
    });
    // The page's own beforeunload prompt would cancel a close silently; the close guard has already asked.
    w.webContents.on('will-prevent-unload', (event) => event.preventDefault());
    w.webContents.on('render-process-gone', (_event, details) => {
      log(`renderer gone: ${details.reason}`);
      g.rendererGone();
    });
    w.on('unresponsive', () => g.rendererGone());
    w.on('closed', () => {
      if (win === w) {
        win = null;
        guard = null;
      }
    });
    void (devServer !== undefined ? w.loadURL(devServer) : w.loadURL(appFileUrl));
  }

  // macOS delivers double-clicked files this way, possibly before ready.
  app.on('open-file', (event, path) => {
    event.preventDefault();
    pending.push(path);
    if (app.isReady() && !win) createWindow();
    else void openPending();
  });

  app.on('second-instance', (_event, argv, workingDirectory) => {
    pending.push(...filesFromArgv(argv, { packaged: app.isPackaged, cwd: workingDirectory }));
    if (win) {
      if (win.isMinimized()) win.restore();
      win.focus();
      void openPending();
    } else if (app.isReady()) createWindow();
  });

  app.on('before-quit', () => guard?.quitting());

  // Reached only through hardenWebContents, and only for https URLs on the allow-list of
  // security.ts (isAllowedExternalUrl, tested); Electronegativity cannot see that check, hence the comment.
  const openExternal = (url: string): void => void shell.openExternal(url); // eng-disable OPEN_EXTERNAL_JS_CHECK

  // Every webContents ever created (ours, and any a bug might create) gets the same lock-down.
  app.on('web-contents-created', (_event, contents) => {
    hardenWebContents(contents, { appFileUrl, ...(devOrigin !== undefined ? { devOrigin } : {}), openExternal, log });
  });

  app.on('window-all-closed', () => {
    if (platform !== 'darwin') app.quit();
  });

  void app.whenReady().then(() => {
    hardenSession(session.defaultSession, log);
    app.setAboutPanelOptions({ applicationName: 'Kumozu', applicationVersion: app.getVersion(), copyright: 'Copyright © Kumozu contributors' });
    void refreshRecent();
    createWindow();
    app.on('activate', () => {
      if (BrowserWindow.getAllWindows().length === 0) createWindow();
    });
  });
}
