import { readFileSync } from 'node:fs';
import { describe, expect, it, vi } from 'vitest';
import { type WebContentsLike, CONTENT_SECURITY_POLICY, hardenSession, hardenWebContents, isAllowedExternalUrl, shouldAllowNavigation, createHardenedWindow, withCsp } from './security';

const app = { appFileUrl: 'file:///opt/Kumozu/resources/app.asar/dist/renderer/index.html' };

describe('security decisions', () => {
  it('CSP matches renderer/index.html', () => {
    const html = readFileSync(new URL('../../renderer/index.html', import.meta.url), 'utf8');
    const meta = /http-equiv="Content-Security-Policy"\s+content="([^"]+)"/.exec(html);
    expect(meta?.[1]).toBe(CONTENT_SECURITY_POLICY);
  });

  it('every window is created locked down, whatever options the caller passes', () => {
    class FakeWindow {
      readonly options: Record<string, unknown>;
      constructor(options: object) {
        this.options = options as Record<string, unknown>;
      }
    }
    const w = createHardenedWindow(FakeWindow, { width: 800, title: 'Kumozu' }, '/p.cjs', false);
    expect(w.options).toMatchObject({ width: 800, title: 'Kumozu' });
    expect(w.options.webPreferences).toMatchObject({
      preload: '/p.cjs',
      sandbox: true,
      contextIsolation: true,
      nodeIntegration: false,
      nodeIntegrationInWorker: false,
      nodeIntegrationInSubFrames: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
      webviewTag: false,
      disableBlinkFeatures: 'Auxclick',
      devTools: false,
      navigateOnDragDrop: false,
    });
    // A caller cannot slip its own webPreferences in.
    const sneaky = createHardenedWindow(FakeWindow, { webPreferences: { nodeIntegration: true } } as never, '/p.cjs', true);
    expect(sneaky.options.webPreferences).toMatchObject({ nodeIntegration: false, devTools: true });
  });

  it('opens only https links to allow-listed hosts', () => {
    expect(isAllowedExternalUrl('https://docs.aws.amazon.com/eks/latest/userguide/x.html')).toBe(true);
    expect(isAllowedExternalUrl('https://karpenter.sh/docs/')).toBe(true);
    expect(isAllowedExternalUrl('https://KARPENTER.SH/')).toBe(true);
    for (const url of [
      'http://docs.aws.amazon.com/',
      'https://evil-karpenter.sh/',
      'https://karpenter.sh.evil.com/',
      'https://user:pw@karpenter.sh/',
      'https://karpenter.sh:8443/',
      'file:///etc/passwd',
      'javascript:alert(1)',
      'ms-msdt:/id',
      'https://example.com/',
      'nonsense',
    ]) {
      expect(isAllowedExternalUrl(url), url).toBe(false);
    }
  });

  it('allows only reloads of our own page', () => {
    expect(shouldAllowNavigation(app.appFileUrl, app)).toBe(true);
    expect(shouldAllowNavigation('file:///etc/passwd', app)).toBe(false);
    expect(shouldAllowNavigation('https://karpenter.sh/', app)).toBe(false);
    expect(shouldAllowNavigation('http://localhost:5173/', { ...app, devOrigin: 'http://localhost:5173' })).toBe(true);
  });

  it('withCsp replaces any server CSP', () => {
    expect(withCsp({ 'content-security-policy': ['none'], 'X-A': 'b' })).toEqual({ 'X-A': ['b'], 'Content-Security-Policy': [CONTENT_SECURITY_POLICY] });
  });
});

describe('wiring', () => {
  it('denies permissions and sets the CSP header', () => {
    let headers: ((d: { responseHeaders?: Record<string, string[]> }, cb: (r: { responseHeaders: Record<string, string[]> }) => void) => void) | undefined;
    let request: ((wc: unknown, p: string, cb: (g: boolean) => void) => void) | undefined;
    let check: ((wc: unknown, p: string) => boolean) | undefined;
    const log = vi.fn();
    hardenSession(
      {
        webRequest: { onHeadersReceived: (l) => void (headers = l) },
        setPermissionRequestHandler: (h) => void (request = h),
        setPermissionCheckHandler: (h) => void (check = h),
      },
      log,
    );
    const granted = vi.fn();
    request?.(null, 'media', granted);
    expect(granted).toHaveBeenCalledWith(false);
    expect(log).toHaveBeenCalled();
    expect(check?.(null, 'notifications')).toBe(false);
    const cb = vi.fn();
    headers?.({}, cb);
    expect(cb).toHaveBeenCalledWith({ responseHeaders: { 'Content-Security-Policy': [CONTENT_SECURITY_POLICY] } });
  });

  it('blocks navigation and window.open, opening allow-listed links externally', () => {
    const listeners = new Map<string, (...a: unknown[]) => void>();
    let openHandler: ((d: { url: string }) => { action: 'deny' }) | undefined;
    const openExternal = vi.fn();
    hardenWebContents(
      {
        on: (event: string, l: (...a: unknown[]) => void) => void listeners.set(event, l),
        setWindowOpenHandler: (h: (d: { url: string }) => { action: 'deny' }) => void (openHandler = h),
      } as WebContentsLike,
      { ...app, openExternal, log: () => undefined },
    );
    const prevent = vi.fn();
    listeners.get('will-navigate')?.({ preventDefault: prevent }, 'https://karpenter.sh/docs/');
    expect(prevent).toHaveBeenCalled();
    expect(openExternal).toHaveBeenCalledWith('https://karpenter.sh/docs/');
    expect(openHandler?.({ url: 'https://example.com/' })).toEqual({ action: 'deny' });
    expect(openExternal).toHaveBeenCalledTimes(1);
    const prevent2 = vi.fn();
    listeners.get('will-attach-webview')?.({ preventDefault: prevent2 });
    expect(prevent2).toHaveBeenCalled();
  });
});
