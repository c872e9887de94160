import { basename } from 'node:path';
import type { Drafts } from './drafts';
import { openFile, saveAtomic, type FileStamp, type OpenFs, type OpenResult, type SaveFs } from './files';
import {
  validateRequest,
  validateSender,
  type Channel,
  type EditCommand,
  type FileFailure,
  type FileHandle,
  type FileResult,
  type IpcContract,
  type MenuSpec,
  type OpenedDiagram,
  type RequestOf,
  type ResponseOf,
  type TokenTable,
} from './ipc-contract';
import type { RecentFiles } from './recent';

/**
 * What main does for each IPC message, without Electron: main.ts only adapts
 * `ipcMain.handle` to `dispatch` and supplies dialogs and the window. Every
 * message is checked (sender, then payload) before anything is done; a
 * refused one is logged and answered with a refusal carrying no detail.
 */

export interface Dialogs {
  /** Absolute path the user chose to open, or null. */
  showOpen(): Promise<string | null>;
  /** Absolute path the user chose to write, or null; `kind` picks the filters. */
  showSave(suggestedName: string, kind: { readonly diagram: true } | { readonly diagram: false; readonly mime: string }): Promise<string | null>;
}

export interface WindowState {
  setTitle(title: string): void;
  setDirty(dirty: boolean): void;
  /** Rebuilds the native menus from the renderer's (validated) spec. */
  setMenu(spec: MenuSpec): void;
  /** The renderer confirmed closing (saved or discarded). */
  confirmClose(): void;
  /** The renderer is asking the user about a close. */
  closeAcknowledged(): void;
  /** Runs a text editing command on the focused field. */
  editText(command: EditCommand): void;
}

export interface ServiceDeps {
  readonly dialogs: Dialogs;
  readonly window: WindowState;
  readonly tokens: TokenTable;
  readonly saveFs: SaveFs;
  readonly openFs: OpenFs;
  readonly drafts: Drafts;
  readonly recent: RecentFiles;
  readonly sender: { readonly appFileUrl: string; readonly devOrigin?: string };
  readonly log: (message: string) => void;
}

export interface Sender {
  readonly url: string;
  readonly isMainFrame: boolean;
}

export type DispatchResult = { readonly ok: true; readonly response: unknown } | { readonly ok: false; readonly error: string };

type Handlers = { readonly [C in Channel]: (request: RequestOf<C>) => Promise<ResponseOf<C>> };

export interface DesktopService {
  dispatch(channel: unknown, payload: unknown, sender: Sender): Promise<DispatchResult>;
  /** For main itself (command line, second instance): opens a path main got from the OS, not the renderer. */
  openPath(path: string): Promise<FileResult<OpenedDiagram>>;
  readonly handlers: Handlers;
}

export function createDesktopService(deps: ServiceDeps): DesktopService {
  /** What we know about each file by token: when it was read or written, and whether saving there writes a diagram. */
  const known = new Map<string, { stamp: FileStamp; writable: boolean }>();

  const handle = (path: string): FileHandle => ({ token: deps.tokens.issue(path), name: basename(path) });
  const fail = (failure: FileFailure): { ok: false; failure: FileFailure } => ({ ok: false, failure });

  /** The recent list is a convenience: failing to update it never fails the open or save. */
  async function remember(path: string): Promise<void> {
    await deps.recent.add(path).catch((e: unknown) => deps.log(`recent: ${String(e)}`));
  }

  async function opened(path: string, r: OpenResult): Promise<FileResult<OpenedDiagram>> {
    if (!r.ok) return fail({ reason: 'notADiagram', detail: r.failure.reason });
    const file = handle(path);
    // An opened PNG or SVG is never overwritten with JSON: saving it asks where.
    known.set(file.token, { stamp: r.stamp, writable: r.kind === 'json' });
    if (r.kind === 'json') await remember(path);
    return { ok: true, value: { file, text: r.text } };
  }

  async function openPath(path: string): Promise<FileResult<OpenedDiagram>> {
    return opened(path, await openFile(deps.openFs, path));
  }

  async function writeDiagram(path: string, text: string, expected?: FileStamp): Promise<FileResult<FileHandle>> {
    const r = await saveAtomic(deps.saveFs, path, new TextEncoder().encode(text), expected);
    const file = handle(path);
    if (r.ok) {
      known.set(file.token, { stamp: r.stamp, writable: true });
      await remember(path);
      return { ok: true, value: file };
    }
    if (r.reason === 'conflict') return fail({ reason: 'conflict', file });
    return fail({ reason: 'io', code: r.code, message: r.message });
  }

  async function saveAs(text: string, suggestedName: string): Promise<FileResult<FileHandle>> {
    const path = await deps.dialogs.showSave(suggestedName, { diagram: true });
    if (path === null) return fail({ reason: 'cancelled' });
    // The user chose this file, and the dialog already asked about replacing it.
    return writeDiagram(path, text);
  }

  const handlers: Handlers = {
    'file:open': async () => {
      const path = await deps.dialogs.showOpen();
      return path === null ? fail({ reason: 'cancelled' }) : openPath(path);
    },
    'file:openRecent': async ({ token }) => {
      const path = deps.tokens.resolve(token);
      return path === undefined ? fail({ reason: 'unknownToken' }) : openPath(path);
    },
    'file:reload': async ({ token }) => {
      const path = deps.tokens.resolve(token);
      return path === undefined ? fail({ reason: 'unknownToken' }) : openPath(path);
    },
    'file:save': async ({ text, token, suggestedName }) => {
      if (token === null) return saveAs(text, suggestedName);
      const path = deps.tokens.resolve(token);
      if (path === undefined) return fail({ reason: 'unknownToken' });
      const state = known.get(token);
      if (!state?.writable) return saveAs(text, suggestedName);
      return writeDiagram(path, text, state.stamp);
    },
    'file:saveAs': ({ text, suggestedName }) => saveAs(text, suggestedName),
    'file:export': async ({ data, suggestedName, mime }) => {
      const path = await deps.dialogs.showSave(suggestedName, { diagram: false, mime });
      if (path === null) return fail({ reason: 'cancelled' });
      const bytes = data.kind === 'bytes' ? data.bytes : new TextEncoder().encode(data.text);
      const r = await saveAtomic(deps.saveFs, path, bytes);
      if (!r.ok) return fail(r.reason === 'io' ? { reason: 'io', code: r.code, message: r.message } : { reason: 'conflict', file: handle(path) });
      return { ok: true, value: handle(path) };
    },
    'recent:list': async () => (await deps.recent.list()).map(handle),
    'drafts:list': async () => {
      const { drafts, skipped } = await deps.drafts.list();
      for (const s of skipped) deps.log(`draft ${s.file} skipped: ${s.reason}`);
      return drafts;
    },
    'drafts:write': async ({ id, title, text }) => {
      try {
        await deps.drafts.write(id, title, text);
        return true;
      } catch (e) {
        deps.log(`draft ${id} not written: ${String(e)}`);
        return false;
      }
    },
    'drafts:restore': ({ id }) => deps.drafts.restore(id),
    'drafts:discard': ({ id }) => deps.drafts.discard(id),
    'app:setTitle': async ({ title }) => {
      deps.window.setTitle(title);
      return null;
    },
    'app:setDirty': async ({ dirty }) => {
      deps.window.setDirty(dirty);
      return null;
    },
    'menu:set': async (spec) => {
      deps.window.setMenu(spec);
      return null;
    },
    'app:confirmClose': async () => {
      deps.window.confirmClose();
      return null;
    },
    'app:closeAcknowledged': async () => {
      deps.window.closeAcknowledged();
      return null;
    },
    'app:editText': async ({ command }) => {
      deps.window.editText(command);
      return null;
    },
  };

  return {
    handlers,
    openPath,
    async dispatch(channel, payload, sender) {
      const name = typeof channel === 'string' ? channel.slice(0, 60) : typeof channel;
      if (!validateSender(sender.url, sender.isMainFrame, deps.sender)) {
        deps.log(`refused ${name} from ${sender.isMainFrame ? '' : 'a subframe at '}${sender.url.slice(0, 200)}`);
        return { ok: false, error: 'refused' };
      }
      const v = validateRequest(channel, payload);
      if (!v.ok) {
        deps.log(`refused: ${v.error}`);
        return { ok: false, error: 'refused' };
      }
      const run = handlers[v.channel] as (request: unknown) => Promise<IpcContract[Channel]['response']>;
      try {
        return { ok: true, response: await run(v.value) };
      } catch (e) {
        deps.log(`${v.channel} failed: ${e instanceof Error ? e.message : String(e)}`);
        return { ok: false, error: 'failed' };
      }
    },
  };
}
