import '@xyflow/react/dist/style.css';
import './styles.css';
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App } from './App';
import { installAutomation } from './automation';
import { createWebFiles } from './files/webFiles';
import { createDesktopSession, installDesktopSession } from './desktop/session';
import { systemLang } from './i18n/i18n';
import { createFindingsStore } from './findings/findingsStore';
import { createWorkspace } from './state/workspace';

function memoryStorage() {
  const map = new Map<string, string>();
  return {
    getItem: (k: string) => map.get(k) ?? null,
    setItem: (k: string, v: string) => void map.set(k, v),
    removeItem: (k: string) => void map.delete(k),
  };
}

function browserStorage() {
  try {
    const probe = '__kumozu_probe__';
    window.localStorage.setItem(probe, probe);
    window.localStorage.removeItem(probe);
    return window.localStorage;
  } catch {
    // Storage blocked (private mode, policies): keep working without persistence.
    return memoryStorage();
  }
}

/** The desktop shell's preload offers its own file interface (window.kumozuDesktop); the web edition uses the browser's. */
const desktop = window.kumozuDesktop ? createDesktopSession(window.kumozuDesktop) : null;
if (desktop) installDesktopSession(desktop);

const workspace = createWorkspace({
  files: desktop?.files ?? createWebFiles(),
  storage: browserStorage(),
  systemLang: systemLang(),
  systemTheme: window.matchMedia?.('(prefers-color-scheme: dark)').matches ? 'dark' : 'light',
  confirm: (message) => window.confirm(message),
});
// The web edition brings back the working diagram from browser storage; the
// desktop app starts clean and offers its crash drafts instead (DesktopBridge).
if (!desktop) workspace.restoreAutosave();
const findings = createFindingsStore(workspace.editor, () => workspace.ui.get().lang, (fn) => requestAnimationFrame(fn));
// Messages follow the UI language.
workspace.ui.subscribe(() => findings.request());
installAutomation(workspace, () => [...findings.current()]);

const root = document.getElementById('root');
if (root) {
  createRoot(root).render(
    <StrictMode>
      <App workspace={workspace} findings={findings} />
    </StrictMode>,
  );
}
