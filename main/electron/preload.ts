import { contextBridge, ipcRenderer } from 'electron';
import type { Channel, DraftInfo, FileHandle, FileResult, MENU_EVENT, MenuAction, OPENED_EVENT, OpenedDiagram, RequestOf, ResponseOf } from './ipc-contract';

/**
 * The only bridge between the page and main (design/architecture.md, example
 * 8): one function per IPC message and nothing else; no ipcRenderer, no
 * event objects, no paths ever reach the page. Main validates every payload
 * again, so nothing here is trusted for safety; this file only adapts.
 *
 * Runs sandboxed: it may import only `electron` at runtime (the contract is
 * imported for types), and must be bundled as CommonJS (`preload.cjs`), since
 * sandboxed preloads cannot be ES modules.
 */

function invoke<C extends Channel>(channel: C, request: RequestOf<C>): Promise<ResponseOf<C>> {
  return ipcRenderer.invoke(channel, request) as Promise<ResponseOf<C>>;
}

const menuEvent: typeof MENU_EVENT = 'menu:action';
const openedEvent: typeof OPENED_EVENT = 'file:opened';

/** FileRef of renderer/src/files/types.ts: the token travels as the opaque handle. */
interface Ref {
  readonly name: string;
  readonly handle?: unknown;
}

const toRef = (file: FileHandle): Ref => ({ name: file.name, handle: file.token });
const tokenOf = (ref: Ref | null): string | null => (ref !== null && typeof ref.handle === 'string' ? ref.handle : null);

/** DiagramFiles answers null for a cancel and throws for anything else; the message is the failure's reason. */
function unwrap<T, R>(r: FileResult<T>, map: (v: T) => R): R | null {
  if (r.ok) return map(r.value);
  if (r.failure.reason === 'cancelled') return null;
  throw new Error(r.failure.reason === 'io' ? `io:${r.failure.code}: ${r.failure.message}` : r.failure.reason);
}

const opened = (o: OpenedDiagram) => ({ ref: toRef(o.file), bytes: new TextEncoder().encode(o.text) });

contextBridge.exposeInMainWorld('kumozuDesktop', {
  /** renderer/src/files/types.ts DiagramFiles. */
  files: {
    edition: 'desktop',
    open: async () => unwrap(await invoke('file:open', null), opened),
    save: async (text: string, ref: Ref | null, suggestedName: string) => unwrap(await invoke('file:save', { text, token: tokenOf(ref), suggestedName }), toRef),
    saveAs: async (text: string, suggestedName: string) => unwrap(await invoke('file:saveAs', { text, suggestedName }), toRef),
    exportFile: async (data: Uint8Array | string, suggestedName: string, mime: string) =>
      unwrap(await invoke('file:export', { data: typeof data === 'string' ? { kind: 'text', text: data } : { kind: 'bytes', bytes: data }, suggestedName, mime }), toRef),
  },
  openRecent: async (token: string) => unwrap(await invoke('file:openRecent', { token }), opened),
  reload: async (token: string) => unwrap(await invoke('file:reload', { token }), opened),
  recentFiles: async (): Promise<readonly FileHandle[]> => invoke('recent:list', null),
  drafts: {
    list: (): Promise<readonly DraftInfo[]> => invoke('drafts:list', null),
    write: (id: string, title: string, text: string) => invoke('drafts:write', { id, title, text }),
    restore: (id: string) => invoke('drafts:restore', { id }),
    discard: (id: string) => invoke('drafts:discard', { id }),
  },
  setTitle: (title: string) => invoke('app:setTitle', { title }),
  setDirty: (dirty: boolean) => invoke('app:setDirty', { dirty }),
  /** Menu commands; the IPC event object is never handed to the page. Returns an unsubscribe function. */
  onMenu: (listener: (action: MenuAction) => void) => {
    const wrapped = (_event: unknown, action: unknown) => {
      if (typeof action === 'string') listener(action as MenuAction);
    };
    ipcRenderer.on(menuEvent, wrapped);
    return () => void ipcRenderer.removeListener(menuEvent, wrapped);
  },
  /** Files main opened itself (command line, second instance, macOS open-file). */
  onOpened: (listener: (file: { ref: Ref; bytes: Uint8Array }) => void) => {
    const wrapped = (_event: unknown, o: OpenedDiagram) => listener(opened(o));
    ipcRenderer.on(openedEvent, wrapped);
    return () => void ipcRenderer.removeListener(openedEvent, wrapped);
  },
});
