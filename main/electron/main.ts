import { randomBytes } from 'node:crypto';
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { app, BrowserWindow, dialog, ipcMain, Menu, session, shell, type MenuItemConstructorOptions } from 'electron';
import { createDrafts } from './drafts';
import { nodeOpenFs, nodeSaveFs } from './files';
import { CHANNELS, createTokenTable, MENU_EVENT, OPENED_EVENT, type MenuAction } from './ipc-contract';
import { createRecentFiles, filesFromArgv } from './recent';
import { hardenSession, hardenWebContents, webPreferences } from './security';
import { createDesktopService, type Dialogs } from './service';

/**
 * The Electron main process: thin wiring only. Every decision lives in a
 * module tested without Electron (security, ipc-contract, service, files,
 * drafts, recent); this file connects them to Electron's objects.
 */

const here = dirname(fileURLToPath(import.meta.url));
const log = (message: string): void => console.warn(`[kumozu] ${message}`);

// Every renderer runs in the OS sandbox, whatever a webPreferences says.
app.enableSandbox();

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
  let win: BrowserWindow | null = null;
  let dirty = false;
  let lastDir = app.getPath('documents');
  /** Files named before the window could take them (command line, macOS open-file before ready). */
  const pending: string[] = filesFromArgv(process.argv, { packaged: app.isPackaged, cwd: process.cwd() });

  const diagramFilters = [
    { name: 'Kumozu diagram', extensions: ['kumozu.json', 'json'] },
    { name: 'Exported image with diagram', extensions: ['png', 'svg'] },
  ];
  const dialogs: Dialogs = {
    async showOpen() {
      if (!win) return null;
      const r = await dialog.showOpenDialog(win, { properties: ['openFile'], defaultPath: lastDir, filters: diagramFilters });
      const path = r.canceled ? undefined : r.filePaths[0];
      if (path === undefined) return null;
      lastDir = dirname(path);
      return path;
    },
    async showSave(suggestedName, kind) {
      if (!win) return null;
      const ext = suggestedName.includes('.') ? suggestedName.slice(suggestedName.lastIndexOf('.') + 1) : '';
      const filters = kind.diagram ? [diagramFilters[0]!] : [{ name: kind.mime, extensions: ext ? [ext] : ['*'] }];
      const r = await dialog.showSaveDialog(win, { defaultPath: join(lastDir, suggestedName), filters });
      if (r.canceled || !r.filePath) return null;
      lastDir = dirname(r.filePath);
      return r.filePath;
    },
  };

  const service = createDesktopService({
    dialogs,
    window: {
      setTitle: (title) => win?.setTitle(title ? `${title} — Kumozu` : 'Kumozu'),
      setDirty: (d) => {
        dirty = d;
        // The macOS close button shows unsaved changes.
        if (process.platform === 'darwin') win?.setDocumentEdited(d);
      },
    },
    tokens: createTokenTable(() => randomBytes(18).toString('base64url')),
    saveFs: nodeSaveFs,
    openFs: nodeOpenFs,
    drafts: createDrafts(join(userData, 'drafts')),
    recent: createRecentFiles({ file: join(userData, 'recent.json'), caseInsensitive: process.platform !== 'linux' }),
    sender: devOrigin !== undefined ? { appFileUrl, devOrigin } : { appFileUrl },
    log,
  });

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
      return r.response;
    });
  }

  async function openPending(): Promise<void> {
    if (!win || win.webContents.isLoading()) return;
    for (const path of pending.splice(0)) {
      const r = await service.openPath(path);
      if (r.ok) win.webContents.send(OPENED_EVENT, r.value);
      else log(`could not open ${path}: ${r.failure.reason}`);
    }
  }

  const send = (action: MenuAction) => (): void => win?.webContents.send(MENU_EVENT, action);
  function menu(): Menu {
    const template: MenuItemConstructorOptions[] = [
      ...(process.platform === 'darwin' ? [{ role: 'appMenu' as const }] : []),
      {
        label: 'File',
        submenu: [
          { label: 'New', accelerator: 'CmdOrCtrl+N', click: send('new') },
          { label: 'Open…', accelerator: 'CmdOrCtrl+O', click: send('open') },
          { label: 'Save', accelerator: 'CmdOrCtrl+S', click: send('save') },
          { label: 'Save As…', accelerator: 'CmdOrCtrl+Shift+S', click: send('saveAs') },
          { label: 'Export…', accelerator: 'CmdOrCtrl+E', click: send('export') },
          { type: 'separator' },
          process.platform === 'darwin' ? { role: 'close' } : { role: 'quit' },
        ],
      },
      // Undo/redo belong to the diagram's own history, not the text fields' (roles would act on the focused input only).
      { label: 'Edit', submenu: [{ label: 'Undo', accelerator: 'CmdOrCtrl+Z', click: send('undo') }, { label: 'Redo', accelerator: 'CmdOrCtrl+Shift+Z', click: send('redo') }, { type: 'separator' }, { role: 'cut' }, { role: 'copy' }, { role: 'paste' }, { role: 'selectAll' }, { type: 'separator' }, { label: 'Find…', accelerator: 'CmdOrCtrl+F', click: send('find') }] },
      { role: 'viewMenu' },
      { role: 'windowMenu' },
      { role: 'help', submenu: [{ label: 'About Kumozu', click: send('about') }] },
    ];
    return Menu.buildFromTemplate(template);
  }

  function createWindow(): void {
    win = new BrowserWindow({
      width: 1280,
      height: 820,
      title: 'Kumozu',
      show: false,
      webPreferences: webPreferences(join(here, 'preload.cjs'), !app.isPackaged),
    });
    win.once('ready-to-show', () => win?.show());
    win.webContents.on('did-finish-load', () => void openPending());
    win.on('close', (event) => {
      if (!dirty || !win) return;
      // The crash draft keeps the work either way; this asks so a quit is never a surprise.
      const choice = dialog.showMessageBoxSync(win, { type: 'question', buttons: ['Quit anyway', 'Cancel'], defaultId: 1, cancelId: 1, message: 'The diagram has unsaved changes.' });
      if (choice === 1) event.preventDefault();
    });
    win.on('closed', () => {
      win = null;
    });
    void (devServer !== undefined ? win.loadURL(devServer) : win.loadURL(appFileUrl));
  }

  // macOS delivers double-clicked files this way, possibly before ready.
  app.on('open-file', (event, path) => {
    event.preventDefault();
    pending.push(path);
    void openPending();
  });

  app.on('second-instance', (_event, argv, workingDirectory) => {
    pending.push(...filesFromArgv(argv, { packaged: app.isPackaged, cwd: workingDirectory }));
    if (win) {
      if (win.isMinimized()) win.restore();
      win.focus();
      void openPending();
    }
  });

  // Every webContents ever created (ours, and any a bug might create) gets the same lock-down.
  app.on('web-contents-created', (_event, contents) => {
    hardenWebContents(contents, { appFileUrl, ...(devOrigin !== undefined ? { devOrigin } : {}), openExternal: (url) => void shell.openExternal(url), log });
  });

  app.on('window-all-closed', () => {
    if (process.platform !== 'darwin') app.quit();
  });

  void app.whenReady().then(() => {
    hardenSession(session.defaultSession, log);
    Menu.setApplicationMenu(menu());
    createWindow();
    app.on('activate', () => {
      if (BrowserWindow.getAllWindows().length === 0) createWindow();
    });
  });
}
