import {
  FORMAT_ID,
  FORMAT_VERSION,
  type DiagramDocument,
  type DiagramEdge,
  type DiagramMeta,
  type DiagramNode,
  type DiagramNote,
  type DiagramPresentation,
  type Json,
  type JsonObject,
  type Lang,
  type Point,
  type PresentationStep,
  type Size,
} from '../model/types';
import { bytesOverLimit, MAX_BYTES, MAX_NODES, MAX_VALUE_DEPTH } from './limits';
import { edgePropEntries, nodePropEntries, objectFromEntries } from './props';
import { migrateToCurrent } from './migrate';
import { repairDocument } from './repairs';
import type { Expectation, Found, ParseError, ParseResult } from './result';

export type { Expectation, Found, IdCollection, ParseError, ParseErrorReason, ParseResult, Repair, RepairKind } from './result';
export { describeParseError, describeRepair } from './messages';

/**
 * Reading a diagram file (format.md, "Reading untrusted files").
 *
 * Steps, each refusing early with a closed error:
 *   1. size in bytes (before `JSON.parse`, so a huge file never freezes);
 *   2. JSON syntax;
 *   3. `format` and `version`;
 *   4. the migrations of migrate.ts, bringing an older file to the current shape;
 *   5. node count;
 *   6. field shapes, copied into a fresh document with defaults filled in and
 *      unknown fields kept in `extra`;
 *   7. the lossless repairs of repairs.ts, each reported.
 * Nothing here throws to the caller, whatever the input.
 */
export function parseDiagram(text: string): ParseResult {
  try {
    if (typeof text !== 'string') return fail({ reason: 'notJson', detail: 'the input is not text' });
    const bytes = bytesOverLimit(text);
    if (bytes !== undefined) return fail({ reason: 'tooLarge', limit: 'bytes', actual: bytes, max: MAX_BYTES });
    let value: unknown;
    try {
      // A UTF-8 byte order mark is not JSON but is common in files saved by editors on Windows.
      value = JSON.parse(text.charCodeAt(0) === 0xfeff ? text.slice(1) : text);
    } catch (e) {
      return fail({ reason: 'notJson', detail: e instanceof Error ? e.message : String(e) });
    }
    return parseValue(value);
  } catch (e) {
    return unexpected(e);
  }
}

/**
 * Reading an already parsed value: the automation hook's `loadDocument` and
 * diagrams carried in PNG/SVG exports. The value has the file's shape (what
 * `JSON.parse` of a file gives, or `diagramToJson`), not the in-memory
 * `DiagramDocument` shape: unknown fields sit beside the known ones, not under
 * `extra`. The value is copied, never kept or modified. Besides JSON's own
 * values it refuses anything JSON cannot carry (`undefined` in arrays,
 * functions, non-finite numbers, class instances, cycles); an object member
 * that is `undefined` counts as absent, as in `JSON.stringify`.
 */
export function parseDiagramValue(value: unknown): ParseResult {
  try {
    return parseValue(value);
  } catch (e) {
    return unexpected(e);
  }
}

function parseValue(value: unknown): ParseResult {
  if (!isPlainObject(value) || own(value, 'format') !== FORMAT_ID) return fail({ reason: 'notAKumozuFile' });
  const version = own(value, 'version');
  if (typeof version !== 'number' || !Number.isInteger(version) || version < 1) {
    return fail(invalidError(['version'], 'versionNumber', version));
  }
  if (version > FORMAT_VERSION) return fail({ reason: 'versionTooNew', version, supported: FORMAT_VERSION });
  // Older files are brought to the current shape first (format.md, "Versions").
  const { value: current, applied } = migrateToCurrent(value, version);

  const rawNodes = own(current, 'nodes');
  if (Array.isArray(rawNodes) && rawNodes.length > MAX_NODES) {
    return fail({ reason: 'tooLarge', limit: 'nodes', actual: rawNodes.length, max: MAX_NODES });
  }

  let read: DiagramDocument;
  try {
    read = readDocument(current);
  } catch (e) {
    if (e instanceof InvalidField) return fail(invalidError(e.path, e.expected, e.value));
    throw e;
  }
  const repairs = repairDocument(read);
  return { ok: true, document: read, repairs, migrations: applied };
}

// ---------------------------------------------------------------------------
// Errors

type Segment = string | number;

/** Thrown inside the reader only; `parseValue` turns it into an `invalid` result. */
class InvalidField {
  constructor(
    readonly path: readonly Segment[],
    readonly expected: Expectation,
    readonly value: unknown,
  ) {}
}

function fail(error: ParseError): ParseResult {
  return { ok: false, error };
}

/** Last resort for a bug or a hostile value (a throwing getter or proxy): still a closed result. */
function unexpected(e: unknown): ParseResult {
  const message = e instanceof Error ? e.message : String(e);
  return fail({ reason: 'invalid', path: '', expected: 'jsonValue', found: 'other', detail: `could not be read (${message})` });
}

/** RFC 6901 JSON pointer. */
export function jsonPointer(path: readonly Segment[]): string {
  let out = '';
  for (const s of path) out += '/' + String(s).replace(/~/g, '~0').replace(/\//g, '~1');
  return out;
}

const EXPECTED_EN: Record<Expectation, string> = {
  object: 'an object',
  array: 'an array',
  string: 'a string',
  nonEmptyString: 'a non-empty string',
  stringOrNull: 'a string or null',
  finiteNumber: 'a finite number',
  positiveNumber: 'a positive number',
  versionNumber: 'a whole number of 1 or more',
  lang: '"ja" or "en"',
  jsonValue: 'a JSON value',
  shallowerNesting: `a value nested at most ${MAX_VALUE_DEPTH} levels deep`,
};

function foundOf(value: unknown): Found {
  if (value === undefined) return 'missing';
  if (value === null) return 'null';
  switch (typeof value) {
    case 'boolean':
      return 'boolean';
    case 'number':
      return 'number';
    case 'string':
      return 'string';
    case 'object':
      return Array.isArray(value) ? 'array' : isPlainObject(value) ? 'object' : 'other';
    default:
      return 'other';
  }
}

function invalidError(path: readonly Segment[], expected: Expectation, value: unknown): ParseError {
  const found = foundOf(value);
  const detail =
    found === 'missing' ? `is missing; it must be ${EXPECTED_EN[expected]}` : `must be ${EXPECTED_EN[expected]} (found ${showValue(value)})`;
  const actual = shortJson(value);
  return { reason: 'invalid', path: jsonPointer(path), detail, expected, found, ...(actual === undefined ? {} : { actual }) };
}

/** Short primitives are quoted back to the user; anything else is described by its type. */
function shortJson(value: unknown): string | undefined {
  if (typeof value === 'string') return value.length <= 40 ? JSON.stringify(value) : undefined;
  if (typeof value === 'boolean' || (typeof value === 'number' && Number.isFinite(value))) return JSON.stringify(value);
  return undefined;
}

/** A short rendering of a wrong value for the English detail. */
function showValue(value: unknown): string {
  if (typeof value === 'string') return value.length <= 40 ? JSON.stringify(value) : 'a long string';
  if (typeof value === 'number' || typeof value === 'boolean' || value === null) return String(value);
  if (Array.isArray(value)) return 'an array';
  if (isPlainObject(value)) return 'an object';
  return typeof value === 'object' ? 'a non-JSON object' : `a ${typeof value}`;
}

// ---------------------------------------------------------------------------
// Generic readers. `at` is the path of the value being read; it grows and
// shrinks as the reader descends, so building paths costs nothing until one
// is reported.

type Raw = Readonly<Record<string, unknown>>;

function isPlainObject(value: unknown): value is Raw {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return false;
  const proto: unknown = Object.getPrototypeOf(value);
  // `Object.prototype` of this or another realm (an iframe, a worker), or none.
  return proto === null || Object.getPrototypeOf(proto) === null;
}

function own(o: Raw, key: string): unknown {
  return Object.hasOwn(o, key) ? o[key] : undefined;
}

class Reader {
  private readonly at: Segment[] = [];

  fail(expected: Expectation, value: unknown): never {
    throw new InvalidField([...this.at], expected, value);
  }

  /** Reads `o[key]` with `read`, with `key` on the path meanwhile. */
  field<T>(o: Raw, key: string, read: (value: unknown) => T): T {
    this.at.push(key);
    const out = read(own(o, key));
    this.at.pop();
    return out;
  }

  object(value: unknown): Raw {
    return isPlainObject(value) ? value : this.fail('object', value);
  }

  array(value: unknown): readonly unknown[] {
    return Array.isArray(value) ? value : this.fail('array', value);
  }

  /** Every element of an array field, read with `read`. */
  items<T>(values: readonly unknown[], read: (value: unknown) => T): T[] {
    const out: T[] = [];
    for (let i = 0; i < values.length; i++) {
      this.at.push(i);
      out.push(read(values[i]));
      this.at.pop();
    }
    return out;
  }

  nonEmptyString(value: unknown): string {
    return typeof value === 'string' && value !== '' ? value : this.fail('nonEmptyString', value);
  }

  optionalString(value: unknown): string {
    if (value === undefined) return '';
    return typeof value === 'string' ? value : this.fail('string', value);
  }

  finiteNumber(value: unknown): number {
    return typeof value === 'number' && Number.isFinite(value) ? value : this.fail('finiteNumber', value);
  }

  positiveNumber(value: unknown): number {
    return typeof value === 'number' && Number.isFinite(value) && value > 0 ? value : this.fail('positiveNumber', value);
  }

  /** A copy of any JSON value; refuses what JSON cannot carry and absurd nesting. */
  json(value: unknown, depth = 0): Json {
    if (value === null || typeof value === 'string' || typeof value === 'boolean') return value;
    if (typeof value === 'number') return Number.isFinite(value) ? value : this.fail('jsonValue', value);
    if (depth >= MAX_VALUE_DEPTH && typeof value === 'object') this.fail('shallowerNesting', value);
    if (Array.isArray(value)) {
      const out: Json[] = [];
      for (let i = 0; i < value.length; i++) {
        this.at.push(i);
        out.push(this.json(value[i] as unknown, depth + 1));
        this.at.pop();
      }
      return out;
    }
    if (isPlainObject(value)) return this.jsonMembers(value, Object.keys(value), depth);
    return this.fail('jsonValue', value);
  }

  /** A copy of the named members of `o`; members that are `undefined` are absent, as in JSON.stringify. */
  jsonMembers(o: Raw, keys: readonly string[], depth = 0): JsonObject {
    const entries: [string, Json][] = [];
    for (const key of keys) {
      const v = o[key];
      if (v === undefined) continue;
      this.at.push(key);
      entries.push([key, this.json(v, depth + 1)]);
      this.at.pop();
    }
    return objectFromEntries(entries);
  }

  jsonObject(value: unknown): JsonObject {
    if (value === undefined) return {};
    return this.jsonMembers(this.object(value), Object.keys(value as Raw));
  }

  /** Members of `o` this version does not know, or `undefined` when there are none. */
  extra(o: Raw, known: ReadonlySet<string>): JsonObject | undefined {
    const keys = Object.keys(o).filter((k) => !known.has(k) && o[k] !== undefined);
    return keys.length === 0 ? undefined : this.jsonMembers(o, keys);
  }
}

// ---------------------------------------------------------------------------
// The document

const TOP_KEYS: ReadonlySet<string> = new Set(['format', 'version', 'meta', 'nodes', 'edges', 'notes', 'presentation']);
const META_KEYS: ReadonlySet<string> = new Set(['title', 'description', 'lang']);
const NODE_KEYS: ReadonlySet<string> = new Set(['id', 'kind', 'label', 'parent', 'position', 'size', 'props']);
const EDGE_KEYS: ReadonlySet<string> = new Set(['id', 'kind', 'source', 'target', 'label', 'props']);
const NOTE_KEYS: ReadonlySet<string> = new Set(['id', 'text', 'position']);
const PRESENTATION_KEYS: ReadonlySet<string> = new Set(['steps']);
const STEP_KEYS: ReadonlySet<string> = new Set(['id', 'title', 'nodes', 'edges']);

/** Language of a file that does not say (the same default as `emptyDocument`). */
const DEFAULT_LANG: Lang = 'en';

function readDocument(raw: Raw): DiagramDocument {
  const r = new Reader();
  const meta = r.field(raw, 'meta', (v) => readMeta(r, v));
  const nodes = r.field(raw, 'nodes', (v) => r.items(r.array(v), (n) => readNode(r, n)));
  const edges = r.field(raw, 'edges', (v) => r.items(r.array(v), (e) => readEdge(r, e)));
  const notes = r.field(raw, 'notes', (v) => (v === undefined ? [] : r.items(r.array(v), (n) => readNote(r, n))));
  const presentation = r.field(raw, 'presentation', (v) => readPresentation(r, v));
  const extra = r.extra(raw, TOP_KEYS);
  const doc: DiagramDocument = { format: FORMAT_ID, version: FORMAT_VERSION, meta, nodes, edges, notes, presentation };
  if (extra) doc.extra = extra;
  return doc;
}

function readMeta(r: Reader, value: unknown): DiagramMeta {
  if (value === undefined) return { title: '', description: '', lang: DEFAULT_LANG };
  const o = r.object(value);
  const meta: DiagramMeta = {
    title: r.field(o, 'title', (v) => r.optionalString(v)),
    description: r.field(o, 'description', (v) => r.optionalString(v)),
    lang: r.field(o, 'lang', (v) => readLang(r, v)),
  };
  const extra = r.extra(o, META_KEYS);
  if (extra) meta.extra = extra;
  return meta;
}

function readLang(r: Reader, value: unknown): Lang {
  if (value === undefined) return DEFAULT_LANG;
  return value === 'ja' || value === 'en' ? value : r.fail('lang', value);
}

function readPoint(r: Reader, value: unknown): Point {
  const o = r.object(value);
  return { x: r.field(o, 'x', (v) => r.finiteNumber(v)), y: r.field(o, 'y', (v) => r.finiteNumber(v)) };
}

function readSize(r: Reader, value: unknown): Size | undefined {
  if (value === undefined) return undefined;
  const o = r.object(value);
  return { width: r.field(o, 'width', (v) => r.positiveNumber(v)), height: r.field(o, 'height', (v) => r.positiveNumber(v)) };
}

function readParent(r: Reader, value: unknown): string | null {
  if (value === undefined || value === null) return null;
  return typeof value === 'string' ? value : r.fail('stringOrNull', value);
}

function readNode(r: Reader, value: unknown): DiagramNode {
  const o = r.object(value);
  const id = r.field(o, 'id', (v) => r.nonEmptyString(v));
  const kind = r.field(o, 'kind', (v) => r.nonEmptyString(v));
  const label = r.field(o, 'label', (v) => r.optionalString(v));
  const parent = r.field(o, 'parent', (v) => readParent(r, v));
  const position = r.field(o, 'position', (v) => readPoint(r, v));
  const size = r.field(o, 'size', (v) => readSize(r, v));
  const stored = r.field(o, 'props', (v) => r.jsonObject(v));
  // Missing props take the catalog default; this is reading, not a repair.
  const props = objectFromEntries(nodePropEntries(kind, stored));
  const node: DiagramNode = { id, kind, label, parent, position, props };
  if (size) node.size = size;
  const extra = r.extra(o, NODE_KEYS);
  if (extra) node.extra = extra;
  return node;
}

function readEdge(r: Reader, value: unknown): DiagramEdge {
  const o = r.object(value);
  const id = r.field(o, 'id', (v) => r.nonEmptyString(v));
  const kind = r.field(o, 'kind', (v) => r.nonEmptyString(v));
  const source = r.field(o, 'source', (v) => r.nonEmptyString(v));
  const target = r.field(o, 'target', (v) => r.nonEmptyString(v));
  const label = r.field(o, 'label', (v) => r.optionalString(v));
  const stored = r.field(o, 'props', (v) => r.jsonObject(v));
  const props = objectFromEntries(edgePropEntries(kind, stored));
  const edge: DiagramEdge = { id, kind, source, target, label, props };
  const extra = r.extra(o, EDGE_KEYS);
  if (extra) edge.extra = extra;
  return edge;
}

function readNote(r: Reader, value: unknown): DiagramNote {
  const o = r.object(value);
  const note: DiagramNote = {
    id: r.field(o, 'id', (v) => r.nonEmptyString(v)),
    text: r.field(o, 'text', (v) => r.optionalString(v)),
    position: r.field(o, 'position', (v) => readPoint(r, v)),
  };
  const extra = r.extra(o, NOTE_KEYS);
  if (extra) note.extra = extra;
  return note;
}

/**
 * Version 2 writes `presentation` always; a file without it (hand-written)
 * has no steps, and a `presentation` without `steps` likewise.
 */
function readPresentation(r: Reader, value: unknown): DiagramPresentation {
  if (value === undefined) return { steps: [] };
  const o = r.object(value);
  const presentation: DiagramPresentation = {
    steps: r.field(o, 'steps', (v) => (v === undefined ? [] : r.items(r.array(v), (s) => readStep(r, s)))),
  };
  const extra = r.extra(o, PRESENTATION_KEYS);
  if (extra) presentation.extra = extra;
  return presentation;
}

function readStep(r: Reader, value: unknown): PresentationStep {
  const o = r.object(value);
  const ids = (v: unknown): string[] => (v === undefined ? [] : r.items(r.array(v), (id) => r.nonEmptyString(id)));
  const step: PresentationStep = {
    id: r.field(o, 'id', (v) => r.nonEmptyString(v)),
    title: r.field(o, 'title', (v) => r.optionalString(v)),
    nodes: r.field(o, 'nodes', ids),
    edges: r.field(o, 'edges', ids),
  };
  const extra = r.extra(o, STEP_KEYS);
  if (extra) step.extra = extra;
  return step;
}
