import { contextBridge, ipcRenderer } from 'electron';
import type { Channel, CLOSE_REQUEST_EVENT, DraftInfo, OPEN_FAILED_EVENT, EditCommand, FileHandle, FileResult, MENU_EVENT, MenuSpec, OPENED_EVENT, OpenedDiagram, RequestOf, ResponseOf } from './ipc-contract';

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
const closeRequestEvent: typeof CLOSE_REQUEST_EVENT = 'app:closeRequested';
const openFailedEvent: typeof OPEN_FAILED_EVENT = 'file:openFailed';

/** Subscribes `listener` to a main → renderer event without handing it the IPC event object; returns an unsubscribe function. */
function subscribe(channel: string, listener: (...args: unknown[]) => void): () => void {
  const wrapped = (_event: unknown, ...args: unknown[]): void => listener(...args);
  ipcRenderer.on(channel, wrapped);
  return () => void ipcRenderer.removeListener(channel, wrapped);
}

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
  const f = r.failure;
  throw new Error(f.reason === 'io' ? `io:${f.code}: ${f.message}` : f.reason === 'notADiagram' ? `notADiagram:${f.detail}` : f.reason);
}

const opened = (o: OpenedDiagram) => ({ ref: toRef(o.file), bytes: new TextEncoder().encode(o.text) });

/**
 * A file named on the command line may arrive (or fail to open) before the
 * page has started listening (main sends it once the page has loaded, React
 * subscribes a little later): keep such events until a listener comes.
 */
function buffered<T>(channel: string): (listener: (value: T) => void) => () => void {
  const early: T[] = [];
  let current: ((value: T) => void) | null = null;
  ipcRenderer.on(channel, (_event: unknown, value: T) => {
    if (current) current(value);
    else if (early.length < 16) early.push(value);
  });
  return (listener) => {
    const mine = (value: T): void => listener(value);
    current = mine;
    for (const v of early.splice(0)) mine(v);
    return () => {
      if (current === mine) current = null;
    };
  };
}

const subscribeOpened = buffered<OpenedDiagram>(openedEvent);
const subscribeOpenFailed = buffered<unknown>(openFailedEvent);

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
  setMenu: (spec: MenuSpec) => invoke('menu:set', spec),
  confirmClose: () => invoke('app:confirmClose', null),
  closeAcknowledged: () => invoke('app:closeAcknowledged', null),
  editText: (command: EditCommand) => invoke('app:editText', { command }),
  /** Menu commands: the id of the renderer action that was clicked. */
  onMenu: (listener: (actionId: string) => void) =>
    subscribe(menuEvent, (id) => {
      if (typeof id === 'string') listener(id);
    }),
  /** Files main opened itself (command line, second instance, macOS open-file, Open Recent); those that arrived before the page listened are delivered first. */
  onOpened: (listener: (file: { ref: Ref; bytes: Uint8Array }) => void) => subscribeOpened((o) => listener(opened(o))),
  /** A file main was asked to open (command line, OS, Open Recent) could not be: its name and why. */
  onOpenFailed: (listener: (failure: { name: string; reason: string }) => void) =>
    subscribeOpenFailed((f) => {
      const { name, reason } = (f ?? {}) as { name?: unknown; reason?: unknown };
      if (typeof name === 'string' && typeof reason === 'string') listener({ name, reason });
    }),
  /** The user closes the window or quits with unsaved changes. */
  onCloseRequest: (listener: () => void) => subscribe(closeRequestEvent, () => listener()),
});
