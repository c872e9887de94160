import { MAX_BYTES } from '../../app/format/limits';

/**
 * The one IPC contract between the renderer (through the preload) and main
 * (design/architecture.md, example 8): every channel, its request and its
 * response, typed once. The preload exposes one function per channel and
 * nothing else; main validates every payload at runtime with the validators
 * below and checks the sender with `validateSender` before acting.
 *
 * Paths never cross the boundary from the renderer. Main hands out opaque
 * tokens for files the user chose in a dialog (or passed on the command line,
 * or picked from the recent list main itself keeps), and maps them back with
 * a `TokenTable`; a renderer that is compromised can name only files the
 * user already chose.
 */

// ---------------------------------------------------------------------------
// Limits

/** A diagram text: the format's own limit (format.md, "Reading untrusted files"). */
export const MAX_TEXT_BYTES = MAX_BYTES;
/** An export (PNG with embedded diagram, SVG, Markdown): the diagram plus generous room for pixels. */
export const MAX_EXPORT_BYTES = 4 * MAX_BYTES;
/** File names and window titles: the usual file-system name limit. */
export const MAX_NAME_LENGTH = 255;
/** MIME types are short; anything longer is not one we write. */
export const MAX_MIME_LENGTH = 100;
/** Tokens and draft ids are ours, short and plain. */
const ID_PATTERN = /^[A-Za-z0-9_-]{1,64}$/;

// ---------------------------------------------------------------------------
// Shapes

/** What the renderer holds for a file: a name to show and an opaque token main maps to a path. */
export interface FileHandle {
  readonly token: string;
  readonly name: string;
}

export interface OpenedDiagram {
  readonly file: FileHandle;
  /** The diagram JSON, already taken out of a PNG/SVG export when it was one; the renderer parses it. */
  readonly text: string;
}

/** Why a file operation did not happen; the renderer words it. */
export type FileFailure =
  | { readonly reason: 'cancelled' }
  /** The file changed on disk since it was opened: nothing was written; save elsewhere or reload. */
  | { readonly reason: 'conflict'; readonly file: FileHandle }
  | { readonly reason: 'unknownToken' }
  | { readonly reason: 'io'; readonly code: string; readonly message: string }
  | { readonly reason: 'notADiagram'; readonly detail: string };

export type FileResult<T> = { readonly ok: true; readonly value: T } | { readonly ok: false; readonly failure: FileFailure };

export interface DraftInfo {
  readonly id: string;
  readonly title: string;
  /** Milliseconds since the epoch of the last write. */
  readonly savedAt: number;
}

export type ExportData = { readonly kind: 'text'; readonly text: string } | { readonly kind: 'bytes'; readonly bytes: Uint8Array };

/**
 * The native menus are fed by the renderer's action registry: the renderer
 * sends what each menu holds (ids, labels in the UI language, accelerators,
 * enabled and checked state) with `menu:set`; a click comes back as the
 * action's id on MENU_EVENT (main → renderer only; never invoked). Main adds
 * the platform's own items (app menu, roles, Open Recent, window, about).
 */
export const MENU_EVENT = 'menu:action';
/** A file main opened on its own (command line, second instance, macOS open-file, Open Recent): main → renderer, carries an OpenedDiagram. */
export const OPENED_EVENT = 'file:opened';
/** A file main was asked to open on its own could not be opened: main → renderer, carries `{ name, reason }` (an OpenFailureReason). */
export const OPEN_FAILED_EVENT = 'file:openFailed';
/** Why a file could not be opened (the renderer words it): the reasons of main/cli/io.ts's InputFailure, plus `notAnImage`. */
export type OpenFailureReason = string;
/** The user closes the window or quits with unsaved changes: main → renderer; the renderer asks and answers with `app:confirmClose`. */
export const CLOSE_REQUEST_EVENT = 'app:closeRequested';

export const MENU_NAMES = ['file', 'edit', 'view', 'help'] as const;
export type MenuName = (typeof MENU_NAMES)[number];
export const UI_LANGS = ['en', 'ja'] as const;
export type UiLang = (typeof UI_LANGS)[number];

export interface MenuItemSpec {
  /** The renderer's action id, sent back on click. */
  readonly id: string;
  readonly menu: MenuName;
  readonly label: string;
  /** Electron accelerators, most preferred first (main picks the platform's usual one). */
  readonly accelerators: readonly string[];
  readonly enabled: boolean;
  /** null for a plain item; a boolean makes it a checkbox item (snap to grid, minimap). */
  readonly checked: boolean | null;
  /** Starts a new group (a separator before it). */
  readonly separatorBefore: boolean;
}

export interface MenuSpec {
  readonly lang: UiLang;
  readonly items: readonly MenuItemSpec[];
}

/** Text-field editing main performs on the focused field (menu Edit items while the user types in a field). */
export const EDIT_COMMANDS = ['undo', 'redo', 'cut', 'copy', 'paste', 'delete', 'selectAll'] as const;
export type EditCommand = (typeof EDIT_COMMANDS)[number];

export const MAX_MENU_ITEMS = 64;
export const MAX_LABEL_LENGTH = 100;
const ACTION_ID = /^[A-Za-z][A-Za-z0-9]{0,39}$/;
/** The accelerators the renderer's registry produces: up to three modifiers and one key. */
const ACCELERATOR = /^(?:(?:CmdOrCtrl|Alt|Shift)\+){0,3}(?:[A-Z0-9=-]|F[1-9]|F1[0-2]|Plus|Delete|Backspace|Enter|Escape|Up|Down|Left|Right|Space|Tab)$/;

/** Every renderer → main channel: request and response. */
export interface IpcContract {
  'file:open': { request: null; response: FileResult<OpenedDiagram> };
  'file:openRecent': { request: { readonly token: string }; response: FileResult<OpenedDiagram> };
  'file:save': { request: { readonly text: string; readonly token: string | null; readonly suggestedName: string }; response: FileResult<FileHandle> };
  'file:saveAs': { request: { readonly text: string; readonly suggestedName: string }; response: FileResult<FileHandle> };
  /** Reloads the file behind a token from disk (after a conflict). */
  'file:reload': { request: { readonly token: string }; response: FileResult<OpenedDiagram> };
  'file:export': { request: { readonly data: ExportData; readonly suggestedName: string; readonly mime: string }; response: FileResult<FileHandle> };
  'recent:list': { request: null; response: readonly FileHandle[] };
  'drafts:list': { request: null; response: readonly DraftInfo[] };
  'drafts:write': { request: { readonly id: string; readonly title: string; readonly text: string }; response: boolean };
  'drafts:restore': { request: { readonly id: string }; response: string | null };
  'drafts:discard': { request: { readonly id: string }; response: boolean };
  'app:setTitle': { request: { readonly title: string }; response: null };
  'app:setDirty': { request: { readonly dirty: boolean }; response: null };
  /** The menus, rebuilt whenever the language, the enabled state or the action set changes. */
  'menu:set': { request: MenuSpec; response: null };
  /** The renderer answered a CLOSE_REQUEST_EVENT: the user saved or chose to discard; main closes (or quits). */
  'app:confirmClose': { request: null; response: null };
  /** The renderer received CLOSE_REQUEST_EVENT and is asking the user (main stops waiting to ask natively). */
  'app:closeAcknowledged': { request: null; response: null };
  /** A menu Edit command while the user types in a text field: main runs it on the focused field. */
  'app:editText': { request: { readonly command: EditCommand }; response: null };
}

export type Channel = keyof IpcContract;
export type RequestOf<C extends Channel> = IpcContract[C]['request'];
export type ResponseOf<C extends Channel> = IpcContract[C]['response'];

// ---------------------------------------------------------------------------
// Validation

export type Validation<T> = { readonly ok: true; readonly value: T } | { readonly ok: false; readonly error: string };

type Validator<T> = (payload: unknown) => Validation<T>;

const valid = <T>(value: T): Validation<T> => ({ ok: true, value });
const invalid = (error: string): Validation<never> => ({ ok: false, error });

/** A plain object with exactly `keys` (no extras: a payload carries nothing we did not ask for). */
function record(payload: unknown, keys: readonly string[]): Record<string, unknown> | string {
  if (typeof payload !== 'object' || payload === null || Array.isArray(payload)) return 'not an object';
  const proto: unknown = Object.getPrototypeOf(payload);
  if (proto !== Object.prototype && proto !== null) return 'not a plain object';
  const own = Object.keys(payload);
  const extra = own.find((k) => !keys.includes(k));
  if (extra !== undefined) return `unexpected field ${JSON.stringify(extra.slice(0, 40))}`;
  const missing = keys.find((k) => !own.includes(k));
  if (missing !== undefined) return `missing field ${missing}`;
  return payload as Record<string, unknown>;
}

/** A short string without NULs or other control characters (names, titles, MIME types). */
function shortString(value: unknown, field: string, max: number, allowEmpty = false): string | { error: string } {
  if (typeof value !== 'string') return { error: `${field} is not a string` };
  if (value.length > max) return { error: `${field} is longer than ${max}` };
  if (!allowEmpty && value.length === 0) return { error: `${field} is empty` };
  // eslint-disable-next-line no-control-regex
  if (/[\u0000-\u001f\u007f]/.test(value)) return { error: `${field} contains control characters` };
  return value;
}

/** A file name offered to a Save dialog: a name, never a path. */
function fileName(value: unknown): string | { error: string } {
  const s = shortString(value, 'suggestedName', MAX_NAME_LENGTH);
  if (typeof s !== 'string') return s;
  if (/[/\\]/.test(s) || s === '.' || s === '..') return { error: 'suggestedName is not a plain file name' };
  return s;
}

function id(value: unknown, field: string): string | { error: string } {
  if (typeof value !== 'string' || !ID_PATTERN.test(value)) return { error: `${field} is not a valid id` };
  return value;
}

/** Diagram text up to the format's byte limit; length is checked first so a huge string costs nothing. */
function diagramText(value: unknown, max = MAX_TEXT_BYTES): string | { error: string } {
  if (typeof value !== 'string') return { error: 'text is not a string' };
  // A UTF-16 unit is at most 3 UTF-8 bytes and at least 1: decide most cases without encoding.
  if (value.length > max) return { error: 'text is too large' };
  if (value.length * 3 > max && Buffer.byteLength(value, 'utf8') > max) return { error: 'text is too large' };
  if (value.includes('\u0000')) return { error: 'text contains NUL' };
  return value;
}

const isError = (v: unknown): v is { error: string } => typeof v === 'object' && v !== null && 'error' in v;

function nullPayload(payload: unknown): Validation<null> {
  return payload === null || payload === undefined ? valid(null) : invalid('expected no payload');
}

function fields<T>(payload: unknown, keys: readonly string[], check: (r: Record<string, unknown>) => T | { error: string }): Validation<T> {
  const r = record(payload, keys);
  if (typeof r === 'string') return invalid(r);
  const v = check(r);
  return isError(v) ? invalid(v.error) : valid(v);
}

function exportData(value: unknown): ExportData | { error: string } {
  const r = record(value, ['kind', value !== null && typeof value === 'object' && 'bytes' in value ? 'bytes' : 'text']);
  if (typeof r === 'string') return { error: `data: ${r}` };
  if (r.kind === 'text') {
    const t = diagramText(r.text, MAX_EXPORT_BYTES);
    return isError(t) ? t : { kind: 'text', text: t };
  }
  if (r.kind === 'bytes') {
    // Structured clone delivers a Uint8Array as a Uint8Array: no base64 needed.
    if (!(r.bytes instanceof Uint8Array)) return { error: 'data.bytes is not a Uint8Array' };
    if (r.bytes.byteLength > MAX_EXPORT_BYTES) return { error: 'data is too large' };
    return { kind: 'bytes', bytes: r.bytes };
  }
  return { error: 'data.kind is unknown' };
}

const MIME = /^[a-z]+\/[a-z0-9.+-]+(?:;\s*charset=utf-8)?$/i;

/** One validator per channel; the table's type makes forgetting one a compile error. */
export const validators: { readonly [C in Channel]: Validator<RequestOf<C>> } = {
  'file:open': nullPayload,
  'recent:list': nullPayload,
  'drafts:list': nullPayload,
  'file:openRecent': (p) => fields(p, ['token'], (r) => {
    const token = id(r.token, 'token');
    return isError(token) ? token : { token };
  }),
  'file:reload': (p) => fields(p, ['token'], (r) => {
    const token = id(r.token, 'token');
    return isError(token) ? token : { token };
  }),
  'file:save': (p) => fields(p, ['text', 'token', 'suggestedName'], (r) => {
    const text = diagramText(r.text);
    if (isError(text)) return text;
    const token = r.token === null ? null : id(r.token, 'token');
    if (isError(token)) return token;
    const suggestedName = fileName(r.suggestedName);
    return isError(suggestedName) ? suggestedName : { text, token, suggestedName };
  }),
  'file:saveAs': (p) => fields(p, ['text', 'suggestedName'], (r) => {
    const text = diagramText(r.text);
    if (isError(text)) return text;
    const suggestedName = fileName(r.suggestedName);
    return isError(suggestedName) ? suggestedName : { text, suggestedName };
  }),
  'file:export': (p) => fields(p, ['data', 'suggestedName', 'mime'], (r) => {
    const data = exportData(r.data);
    if (isError(data)) return data;
    const suggestedName = fileName(r.suggestedName);
    if (isError(suggestedName)) return suggestedName;
    const mime = shortString(r.mime, 'mime', MAX_MIME_LENGTH);
    if (isError(mime)) return mime;
    return MIME.test(mime) ? { data, suggestedName, mime } : { error: 'mime is not a MIME type' };
  }),
  'drafts:write': (p) => fields(p, ['id', 'title', 'text'], (r) => {
    const draftId = id(r.id, 'id');
    if (isError(draftId)) return draftId;
    const title = shortString(r.title, 'title', MAX_NAME_LENGTH, true);
    if (isError(title)) return title;
    const text = diagramText(r.text);
    return isError(text) ? text : { id: draftId, title, text };
  }),
  'drafts:restore': (p) => fields(p, ['id'], (r) => {
    const draftId = id(r.id, 'id');
    return isError(draftId) ? draftId : { id: draftId };
  }),
  'drafts:discard': (p) => fields(p, ['id'], (r) => {
    const draftId = id(r.id, 'id');
    return isError(draftId) ? draftId : { id: draftId };
  }),
  'app:setTitle': (p) => fields(p, ['title'], (r) => {
    const title = shortString(r.title, 'title', MAX_NAME_LENGTH, true);
    return isError(title) ? title : { title };
  }),
  'app:setDirty': (p) =>
    fields<{ dirty: boolean }>(p, ['dirty'], (r) => (typeof r.dirty === 'boolean' ? { dirty: r.dirty } : { error: 'dirty is not a boolean' })),
  'menu:set': (p) => fields<MenuSpec>(p, ['lang', 'items'], (r) => {
    if (!(UI_LANGS as readonly unknown[]).includes(r.lang)) return { error: 'lang is unknown' };
    if (!Array.isArray(r.items)) return { error: 'items is not an array' };
    if (r.items.length > MAX_MENU_ITEMS) return { error: `more than ${MAX_MENU_ITEMS} items` };
    const items: MenuItemSpec[] = [];
    const seen = new Set<string>();
    for (const [i, raw] of (r.items as unknown[]).entries()) {
      const item = menuItem(raw);
      if (isError(item)) return { error: `items[${i}]: ${item.error}` };
      if (seen.has(item.id)) return { error: `items[${i}]: duplicate id` };
      seen.add(item.id);
      items.push(item);
    }
    return { lang: r.lang as UiLang, items };
  }),
  'app:confirmClose': nullPayload,
  'app:closeAcknowledged': nullPayload,
  'app:editText': (p) => fields<{ command: EditCommand }>(p, ['command'], (r) =>
    (EDIT_COMMANDS as readonly unknown[]).includes(r.command) ? { command: r.command as EditCommand } : { error: 'command is unknown' }),
};

function menuItem(value: unknown): MenuItemSpec | { error: string } {
  const r = record(value, ['id', 'menu', 'label', 'accelerators', 'enabled', 'checked', 'separatorBefore']);
  if (typeof r === 'string') return { error: r };
  if (typeof r.id !== 'string' || !ACTION_ID.test(r.id)) return { error: 'id is not an action id' };
  if (!(MENU_NAMES as readonly unknown[]).includes(r.menu)) return { error: 'menu is unknown' };
  const label = shortString(r.label, 'label', MAX_LABEL_LENGTH);
  if (isError(label)) return label;
  if (!Array.isArray(r.accelerators) || r.accelerators.length > 4) return { error: 'accelerators is not a short array' };
  const accelerators: string[] = [];
  for (const a of r.accelerators as unknown[]) {
    if (typeof a !== 'string' || a.length > 40 || !ACCELERATOR.test(a)) return { error: 'accelerator is not one we use' };
    accelerators.push(a);
  }
  if (typeof r.enabled !== 'boolean') return { error: 'enabled is not a boolean' };
  if (r.checked !== null && typeof r.checked !== 'boolean') return { error: 'checked is not a boolean or null' };
  if (typeof r.separatorBefore !== 'boolean') return { error: 'separatorBefore is not a boolean' };
  return { id: r.id, menu: r.menu as MenuName, label, accelerators, enabled: r.enabled, checked: r.checked, separatorBefore: r.separatorBefore };
}

export const CHANNELS = Object.keys(validators) as Channel[];

export function isChannel(name: unknown): name is Channel {
  return typeof name === 'string' && Object.prototype.hasOwnProperty.call(validators, name);
}

/** Validates `payload` for `channel`; an unknown channel is refused like a malformed payload. */
export function validateRequest(channel: unknown, payload: unknown): { ok: true; channel: Channel; value: unknown } | { ok: false; error: string } {
  if (!isChannel(channel)) return { ok: false, error: `unknown channel ${JSON.stringify(String(channel).slice(0, 60))}` };
  const v = (validators[channel] as Validator<unknown>)(payload);
  return v.ok ? { ok: true, channel, value: v.value } : { ok: false, error: `${channel}: ${v.error}` };
}

// ---------------------------------------------------------------------------
// Sender

/**
 * Whether a message comes from our own page in the main frame: the app's
 * file:// page (whose origin is opaque, so the URL is compared by its parsed
 * protocol and path), or the dev server's origin when one is given. An
 * iframe, a page navigated elsewhere or a data:/blob: URL is refused.
 */
export function validateSender(url: string, frameIsMain: boolean, allowed: { readonly appFileUrl: string; readonly devOrigin?: string }): boolean {
  if (!frameIsMain) return false;
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return false;
  }
  if (allowed.devOrigin !== undefined && parsed.origin === allowed.devOrigin && parsed.protocol.startsWith('http')) return true;
  if (parsed.protocol !== 'file:') return false;
  const app = new URL(allowed.appFileUrl);
  return parsed.host === app.host && parsed.pathname === app.pathname;
}

// ---------------------------------------------------------------------------
// Tokens

/**
 * Opaque tokens for paths main knows the user chose. Tokens are random, so a
 * renderer cannot guess one; a path is registered only by main (dialog,
 * command line, recent list, drop handled in main).
 */
export interface TokenTable {
  /** The token for `path`, the same one each time for the same path. */
  issue(path: string): string;
  resolve(token: string): string | undefined;
}

export function createTokenTable(randomId: () => string): TokenTable {
  const byToken = new Map<string, string>();
  const byPath = new Map<string, string>();
  return {
    issue(path) {
      const known = byPath.get(path);
      if (known !== undefined) return known;
      let token = randomId();
      while (byToken.has(token)) token = randomId();
      if (!ID_PATTERN.test(token)) throw new Error('token generator must produce [A-Za-z0-9_-]{1,64}');
      byToken.set(token, path);
      byPath.set(path, token);
      return token;
    },
    resolve: (token) => byToken.get(token),
  };
}
