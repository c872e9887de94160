/**
 * All hardening of the desktop shell, in one place (design/architecture.md,
 * example 9). Every line says why it is there. The decisions are plain
 * functions (`isAllowedExternalUrl`, `shouldAllowNavigation`, …) tested
 * without Electron; `harden*` wires them to Electron objects taken by the
 * small interfaces below, so this file imports nothing from Electron at
 * runtime.
 */
import type { BrowserWindowConstructorOptions } from 'electron';

/**
 * Must equal the meta CSP in renderer/index.html (a test compares them). Sent
 * as a header too: the header also covers responses the meta tag cannot
 * (it applies before any of the page's own markup is parsed).
 */
export const CONTENT_SECURITY_POLICY =
  "default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self' data: blob:; font-src 'self' data:; connect-src 'self'; worker-src 'self' blob:; base-uri 'none'; form-action 'none'; object-src 'none'";

/** Hosts whose https links (rule documentation) may open in the user's browser. */
export const EXTERNAL_HOSTS: readonly string[] = ['docs.aws.amazon.com', 'kubernetes-sigs.github.io', 'karpenter.sh'];

/** The subset of Electron's BrowserWindow constructor used here (injected: this file imports no Electron at runtime). */
export type WindowConstructor<W> = new (options: BrowserWindowConstructorOptions) => W;
/** Everything about a window except its webPreferences, which are always ours. */
export type WindowOptions = Omit<BrowserWindowConstructorOptions, 'webPreferences'>;

/**
 * Creates a BrowserWindow with our webPreferences. They are written out in
 * the constructor call itself (not built elsewhere) so that Electronegativity
 * checks the real values: sandbox, context isolation, no Node integration.
 */
export function createHardenedWindow<W>(BrowserWindow: WindowConstructor<W>, options: WindowOptions, preloadPath: string, devTools: boolean): W {
  return new BrowserWindow({
    ...options,
    webPreferences: {
      // The only bridge to main: one function per IPC message (preload.ts; reviewed: it exposes no
      // ipcRenderer, no event objects and no paths; preload.test.ts checks the exposed API). Electronegativity
      // asks to review every preload, hence the comment.
      preload: preloadPath, // eng-disable PRELOAD_JS_CHECK
      // The renderer process runs in Chromium's OS-level sandbox: a renderer exploit cannot reach the file system.
      sandbox: true,
      // The preload's world and the page's world are separate: the page cannot tamper with ipcRenderer or prototypes the preload uses.
      contextIsolation: true,
      // No require() or process in the page: it is a web page, not a Node program.
      nodeIntegration: false,
      // Same, for web workers and subframes.
      nodeIntegrationInWorker: false,
      nodeIntegrationInSubFrames: false,
      // Keep the same-origin policy; turning it off would let the page read any file:// URL.
      webSecurity: true,
      // No mixed content, ever (nothing is loaded over http anyway).
      allowRunningInsecureContent: false,
      // <webview> would be a second, less controlled browser inside ours.
      webviewTag: false,
      // Experimental web platform features widen the attack surface for nothing we use.
      experimentalFeatures: false,
      // A middle click on a link must not open anything (window.open is denied too); the canvas pans with mouse down/move, not auxclick.
      disableBlinkFeatures: 'Auxclick',
      // Spell checking would send text to a service on some platforms; diagrams do not need it.
      spellcheck: false,
      // DevTools only in development: in a release they are a way to run code in the page, and nothing needs them.
      devTools,
      // Navigating away on a drag-and-dropped file is blocked; drops are handled by the page.
      navigateOnDragDrop: false,
    },
  });
}

function parse(url: string): URL | null {
  try {
    return new URL(url);
  } catch {
    return null;
  }
}

/**
 * Links opened in the user's browser: https only (no file:, javascript:,
 * custom protocol handlers that could launch programs), no credentials in the
 * URL, the default port, and a host on the allow-list exactly (no suffix
 * matching: `evil-karpenter.sh` and `karpenter.sh.evil.com` are refused).
 */
export function isAllowedExternalUrl(url: string, hosts: readonly string[] = EXTERNAL_HOSTS): boolean {
  const u = parse(url);
  if (u === null) return false;
  if (u.protocol !== 'https:' || u.username !== '' || u.password !== '' || u.port !== '') return false;
  return hosts.includes(u.hostname.toLowerCase());
}

/**
 * The page never navigates: the app is one document. A reload of the same
 * page (same file URL, or the dev server's origin) is let through; anything
 * else is refused (a link that escaped the page's handling is opened
 * externally by `hardenWebContents` when it is on the allow-list).
 */
export function shouldAllowNavigation(url: string, app: { readonly appFileUrl: string; readonly devOrigin?: string }): boolean {
  const u = parse(url);
  if (u === null) return false;
  if (app.devOrigin !== undefined && (u.protocol === 'http:' || u.protocol === 'https:') && u.origin === app.devOrigin) return true;
  const a = new URL(app.appFileUrl);
  return u.protocol === 'file:' && u.host === a.host && u.pathname === a.pathname;
}

/** Permission requests (camera, microphone, notifications, geolocation, …): the app needs none. */
export function shouldGrantPermission(_permission: string): boolean {
  return false;
}

/** Adds our CSP to a response's headers, replacing any the server sent (the dev server sends none). */
export function withCsp(headers: Record<string, string[] | string> | undefined): Record<string, string[]> {
  const out: Record<string, string[]> = {};
  for (const [k, v] of Object.entries(headers ?? {})) {
    if (k.toLowerCase() === 'content-security-policy') continue;
    out[k] = Array.isArray(v) ? v : [v];
  }
  out['Content-Security-Policy'] = [CONTENT_SECURITY_POLICY];
  return out;
}

// ---------------------------------------------------------------------------
// Wiring, by interface (the subset of Electron's API we use)

export interface SessionLike {
  webRequest: {
    onHeadersReceived(listener: (details: { responseHeaders?: Record<string, string[]> }, callback: (response: { responseHeaders: Record<string, string[]> }) => void) => void): void;
  };
  setPermissionRequestHandler(handler: (webContents: unknown, permission: string, callback: (granted: boolean) => void) => void): void;
  setPermissionCheckHandler(handler: (webContents: unknown, permission: string) => boolean): void;
}

export interface WebContentsLike {
  on(event: 'will-navigate', listener: (event: { preventDefault(): void }, url: string) => void): void;
  on(event: 'will-attach-webview', listener: (event: { preventDefault(): void }) => void): void;
  setWindowOpenHandler(handler: (details: { url: string }) => { action: 'deny' }): void;
}

export interface HardenOptions {
  readonly appFileUrl: string;
  readonly devOrigin?: string;
  readonly openExternal: (url: string) => void;
  readonly log: (message: string) => void;
}

/** Session-wide: CSP header on every response, every permission denied. */
export function hardenSession(session: SessionLike, log: (message: string) => void): void {
  // The CSP as a header as well as the meta tag (see CONTENT_SECURITY_POLICY).
  session.webRequest.onHeadersReceived((details, callback) => callback({ responseHeaders: withCsp(details.responseHeaders) }));
  // Deny by default: the app asks for no permission, so any request is unexpected and logged.
  session.setPermissionRequestHandler((_wc, permission, callback) => {
    const granted = shouldGrantPermission(permission);
    if (!granted) log(`permission denied: ${permission}`);
    callback(granted);
  });
  // Synchronous permission checks (e.g. navigator.permissions.query) answer the same.
  session.setPermissionCheckHandler((_wc, permission) => shouldGrantPermission(permission));
}

/** Per window: no navigation, no new windows, no webviews; allow-listed links go to the browser. */
export function hardenWebContents(contents: WebContentsLike, opts: HardenOptions): void {
  const external = (url: string): void => {
    // Checked right here against the https allow-list; Electronegativity flags every openExternal it cannot evaluate.
    if (isAllowedExternalUrl(url)) opts.openExternal(url); // eng-disable OPEN_EXTERNAL_JS_CHECK
    else opts.log(`refused to open ${url.slice(0, 200)}`);
  };
  // A navigation would replace our page (and its preload bridge) with someone else's.
  contents.on('will-navigate', (event, url) => {
    if (shouldAllowNavigation(url, opts)) return;
    event.preventDefault();
    external(url);
  });
  // window.open and target=_blank never create an Electron window; allow-listed links open in the browser.
  contents.setWindowOpenHandler(({ url }) => {
    external(url);
    return { action: 'deny' };
  });
  // Belt and braces: webviewTag is off, and any attempt to attach one is refused.
  contents.on('will-attach-webview', (event) => event.preventDefault());
}
