import { afterEach, describe, expect, it, vi } from 'vitest';
import * as fc from 'fast-check';
import type { DiagramDocument, Json, JsonObject } from '../model/types';
import { defaultProps, getKind } from '../catalog/registry';
import { parseDiagram, parseDiagramValue, type ParseError, type ParseResult, type Repair } from './parse';
import { serializeDiagram } from './serialize';
import { MAX_BYTES, MAX_NODES, MAX_VALUE_DEPTH } from './limits';
import fullExample from './fixtures/full-example.kumozu.json?raw';
import everyRepair from './fixtures/every-repair.kumozu.json?raw';
import minimal from './fixtures/minimal.kumozu.json?raw';
import tooNew from './fixtures/too-new.kumozu.json?raw';
import unknownThings from './fixtures/unknown-things.kumozu.json?raw';

// ---------------------------------------------------------------------------
// Helpers

function ok(result: ParseResult): { document: DiagramDocument; repairs: readonly Repair[]; migrations: readonly string[] } {
  if (!result.ok) throw new Error(`expected ok, got ${JSON.stringify(result.error)}`);
  return result;
}

function err(result: ParseResult): ParseError {
  if (result.ok) throw new Error('expected an error, got a document');
  return result.error;
}

/** A small valid document as a JSON value, to break one field at a time. */
function base(): { [key: string]: Json } {
  return {
    format: 'kumozu.diagram',
    version: 2,
    meta: { title: 't', description: '', lang: 'en' },
    nodes: [
      { id: 'vpc', kind: 'vpc', label: '', parent: null, position: { x: 0, y: 0 }, size: { width: 1040, height: 680 }, props: {} },
      { id: 'subnet', kind: 'subnet', label: '', parent: 'vpc', position: { x: 10, y: 10 }, size: { width: 440, height: 240 }, props: {} },
      { id: 'nat', kind: 'natGateway', label: '', parent: 'subnet', position: { x: 10, y: 10 }, props: {} },
      { id: 'igw', kind: 'internetGateway', label: '', parent: 'vpc', position: { x: 500, y: 10 }, props: {} },
    ],
    edges: [{ id: 'e1', kind: 'egressVia', source: 'subnet', target: 'nat', label: '', props: {} }],
    notes: [{ id: 'n1', text: 'hello', position: { x: 0, y: 900 } }],
    presentation: { steps: [{ id: 's1', title: 'Network', nodes: ['vpc', 'subnet'], edges: ['e1'] }] },
  };
}

type Mutable = { [key: string]: Json | undefined } | Json[];

/** `base()` with the value at `path` replaced (or removed when `value` is undefined). */
function withField(path: readonly (string | number)[], value: Json | undefined): { [key: string]: Json } {
  const doc = base();
  let cur = doc as Mutable;
  for (const seg of path.slice(0, -1)) cur = (cur as Record<string | number, Json>)[seg] as Mutable;
  const last = path[path.length - 1] as string | number;
  if (value === undefined) delete (cur as Record<string | number, unknown>)[last];
  else (cur as Record<string | number, Json>)[last] = value;
  return doc;
}

function parseJson(value: unknown): ParseResult {
  return parseDiagram(JSON.stringify(value));
}

afterEach(() => {
  vi.restoreAllMocks();
});

// ---------------------------------------------------------------------------

describe('parseDiagram: refusals', () => {
  it('refuses text that is not JSON', () => {
    for (const text of ['', '{', 'nope', '{"format": "kumozu.diagram",}', '\u0000']) {
      const e = err(parseDiagram(text));
      expect(e.reason).toBe('notJson');
      if (e.reason === 'notJson') expect(e.detail).not.toBe('');
    }
  });

  it('refuses JSON that is not a Kumozu diagram', () => {
    for (const value of [null, 42, 'kumozu.diagram', [], [base()], {}, { format: 'excalidraw', version: 1 }, { ...base(), format: 'Kumozu.Diagram' }]) {
      expect(err(parseJson(value))).toEqual({ reason: 'notAKumozuFile' });
    }
  });

  it('refuses a newer version with the versions involved, never half-reading it', () => {
    expect(err(parseDiagram(tooNew))).toEqual({ reason: 'versionTooNew', version: 3, supported: 2 });
    // Even a file whose body would be invalid in version 2.
    expect(err(parseJson({ format: 'kumozu.diagram', version: 7, nodes: 'whatever' }))).toEqual({
      reason: 'versionTooNew',
      version: 7,
      supported: 2,
    });
  });

  it('refuses a version that is not a whole number of 1 or more', () => {
    for (const version of ['1', 0, -1, 1.5, null, true]) {
      expect(err(parseJson({ ...base(), version }))).toMatchObject({ reason: 'invalid', path: '/version', expected: 'versionNumber' });
    }
    const rest = base();
    delete rest.version;
    expect(err(parseJson(rest))).toMatchObject({ reason: 'invalid', path: '/version', found: 'missing' });
  });

  it('refuses a file over 20 MB before parsing it, quickly', () => {
    const parse = vi.spyOn(JSON, 'parse');
    // Valid JSON, so only the size limit can refuse it.
    const text = JSON.stringify({ ...base(), meta: { title: '', description: 'x'.repeat(MAX_BYTES), lang: 'en' } });
    const started = performance.now();
    const e = err(parseDiagram(text));
    const elapsed = performance.now() - started;
    expect(e).toEqual({ reason: 'tooLarge', limit: 'bytes', actual: text.length, max: MAX_BYTES });
    expect(parse).not.toHaveBeenCalled();
    expect(elapsed).toBeLessThan(500);
  });

  it('counts UTF-8 bytes, not UTF-16 code units', () => {
    // 7.2 M characters of 3 bytes each: 21.6 MB although the string is shorter than 20 M units.
    const over = '"' + '雲'.repeat(7_200_000) + '"';
    expect(err(parseDiagram(over))).toMatchObject({ reason: 'tooLarge', limit: 'bytes', actual: 7_200_000 * 3 + 2 });
    // 6.5 M of them is 19.5 MB: read (and then found not to be a diagram).
    expect(err(parseDiagram('"' + '雲'.repeat(6_500_000) + '"'))).toEqual({ reason: 'notAKumozuFile' });
  });

  it('accepts exactly 20 MB', () => {
    const head = JSON.stringify({ ...base(), meta: { title: '', description: '', lang: 'en' } });
    const pad = MAX_BYTES - head.length;
    const text = head.slice(0, -1) + ',"padding":"' + 'p'.repeat(pad - ',"padding":""'.length) + '"}';
    expect(text.length).toBe(MAX_BYTES);
    expect(parseDiagram(text).ok).toBe(true);
    expect(err(parseDiagram(text + ' '))).toMatchObject({ reason: 'tooLarge', limit: 'bytes', actual: MAX_BYTES + 1 });
  });

  it('refuses more than 20,000 nodes quickly, before reading any of them', () => {
    const nodes = Array.from({ length: MAX_NODES + 1 }, (_, i) => ({ id: `n${i}`, kind: 'workload', position: { x: 0, y: 0 } }));
    const text = JSON.stringify({ format: 'kumozu.diagram', version: 1, nodes, edges: [] });
    const started = performance.now();
    expect(err(parseDiagram(text))).toEqual({ reason: 'tooLarge', limit: 'nodes', actual: MAX_NODES + 1, max: MAX_NODES });
    expect(performance.now() - started).toBeLessThan(1000);
    // The count is checked before the fields: broken nodes do not change the answer.
    expect(err(parseDiagramValue({ format: 'kumozu.diagram', version: 1, nodes: new Array(MAX_NODES + 1).fill(7), edges: [] }))).toMatchObject({
      reason: 'tooLarge',
      limit: 'nodes',
    });
  });

  it('reads 20,000 nodes, even in the worst order for the repairs', () => {
    // A 20,000-deep parent chain listed child-first: deep enough to break any recursive pass.
    const nodes = Array.from({ length: MAX_NODES }, (_, i) => ({
      id: `n${i}`,
      kind: 'vpc',
      parent: i === MAX_NODES - 1 ? null : `n${i + 1}`,
      position: { x: 1, y: 1 },
    }));
    const started = performance.now();
    const { document, repairs } = ok(parseJson({ format: 'kumozu.diagram', version: 1, nodes, edges: [] }));
    expect(performance.now() - started).toBeLessThan(5000);
    expect(document.nodes).toHaveLength(MAX_NODES);
    expect(document.nodes[0]?.id).toBe(`n${MAX_NODES - 1}`);
    expect(document.nodes[MAX_NODES - 1]?.id).toBe('n0');
    expect(repairs.filter((r) => r.kind === 'nodesReordered')).toEqual([{ kind: 'nodesReordered', moved: MAX_NODES - 1 }]);
    const writing = performance.now();
    const text = serializeDiagram(document);
    expect(performance.now() - writing).toBeLessThan(5000);
    expect(ok(parseDiagram(text)).repairs).toEqual([]);
  });
});

describe('parseDiagram: invalid fields name their path', () => {
  const cases: [string, readonly (string | number)[], Json | undefined, Partial<ParseError>][] = [
    ['node id empty', ['nodes', 0, 'id'], '', { path: '/nodes/0/id', expected: 'nonEmptyString', found: 'string' }],
    ['node id missing', ['nodes', 1, 'id'], undefined, { path: '/nodes/1/id', expected: 'nonEmptyString', found: 'missing' }],
    ['node id a number', ['nodes', 2, 'id'], 3, { path: '/nodes/2/id', expected: 'nonEmptyString', found: 'number' }],
    ['node kind', ['nodes', 0, 'kind'], null, { path: '/nodes/0/kind', expected: 'nonEmptyString', found: 'null' }],
    ['node label', ['nodes', 0, 'label'], 12, { path: '/nodes/0/label', expected: 'string', found: 'number' }],
    ['node parent', ['nodes', 1, 'parent'], ['vpc'], { path: '/nodes/1/parent', expected: 'stringOrNull', found: 'array' }],
    ['position.x a string', ['nodes', 3, 'position', 'x'], '12', { path: '/nodes/3/position/x', expected: 'finiteNumber', found: 'string' }],
    ['position.y missing', ['nodes', 3, 'position', 'y'], undefined, { path: '/nodes/3/position/y', found: 'missing' }],
    ['position missing', ['nodes', 0, 'position'], undefined, { path: '/nodes/0/position', expected: 'object', found: 'missing' }],
    ['position an array', ['nodes', 0, 'position'], [0, 0], { path: '/nodes/0/position', expected: 'object', found: 'array' }],
    ['size.width zero', ['nodes', 0, 'size', 'width'], 0, { path: '/nodes/0/size/width', expected: 'positiveNumber', found: 'number' }],
    ['size.height negative', ['nodes', 1, 'size', 'height'], -3, { path: '/nodes/1/size/height', expected: 'positiveNumber' }],
    ['size a string', ['nodes', 0, 'size'], '1040x680', { path: '/nodes/0/size', expected: 'object', found: 'string' }],
    ['props an array', ['nodes', 2, 'props'], [], { path: '/nodes/2/props', expected: 'object', found: 'array' }],
    ['props null', ['nodes', 2, 'props'], null, { path: '/nodes/2/props', expected: 'object', found: 'null' }],
    ['a node that is not an object', ['nodes', 1], 'subnet', { path: '/nodes/1', expected: 'object', found: 'string' }],
    ['nodes not an array', ['nodes'], {}, { path: '/nodes', expected: 'array', found: 'object' }],
    ['nodes missing', ['nodes'], undefined, { path: '/nodes', expected: 'array', found: 'missing' }],
    ['edges missing', ['edges'], undefined, { path: '/edges', expected: 'array', found: 'missing' }],
    ['edge id', ['edges', 0, 'id'], '', { path: '/edges/0/id', expected: 'nonEmptyString' }],
    ['edge source', ['edges', 0, 'source'], 1, { path: '/edges/0/source', expected: 'nonEmptyString', found: 'number' }],
    ['edge target missing', ['edges', 0, 'target'], undefined, { path: '/edges/0/target', found: 'missing' }],
    ['edge label', ['edges', 0, 'label'], false, { path: '/edges/0/label', expected: 'string', found: 'boolean' }],
    ['edge props', ['edges', 0, 'props'], 'x', { path: '/edges/0/props', expected: 'object', found: 'string' }],
    ['note text', ['notes', 0, 'text'], { md: 'x' }, { path: '/notes/0/text', expected: 'string', found: 'object' }],
    ['note position.y', ['notes', 0, 'position', 'y'], null, { path: '/notes/0/position/y', expected: 'finiteNumber', found: 'null' }],
    ['notes not an array', ['notes'], 'none', { path: '/notes', expected: 'array', found: 'string' }],
    ['meta not an object', ['meta'], [], { path: '/meta', expected: 'object', found: 'array' }],
    ['meta.title', ['meta', 'title'], 1, { path: '/meta/title', expected: 'string', found: 'number' }],
    ['meta.lang', ['meta', 'lang'], 'fr', { path: '/meta/lang', expected: 'lang', found: 'string' }],
    ['presentation not an object', ['presentation'], [], { path: '/presentation', expected: 'object', found: 'array' }],
    ['presentation null', ['presentation'], null, { path: '/presentation', expected: 'object', found: 'null' }],
    ['steps not an array', ['presentation', 'steps'], { s1: {} }, { path: '/presentation/steps', expected: 'array', found: 'object' }],
    ['a step that is not an object', ['presentation', 'steps', 0], 's1', { path: '/presentation/steps/0', expected: 'object', found: 'string' }],
    ['step id missing', ['presentation', 'steps', 0, 'id'], undefined, { path: '/presentation/steps/0/id', expected: 'nonEmptyString', found: 'missing' }],
    ['step id empty', ['presentation', 'steps', 0, 'id'], '', { path: '/presentation/steps/0/id', expected: 'nonEmptyString', found: 'string' }],
    ['step title', ['presentation', 'steps', 0, 'title'], 3, { path: '/presentation/steps/0/title', expected: 'string', found: 'number' }],
    ['step nodes a string', ['presentation', 'steps', 0, 'nodes'], 'vpc', { path: '/presentation/steps/0/nodes', expected: 'array', found: 'string' }],
    ['step node id a number', ['presentation', 'steps', 0, 'nodes', 1], 7, { path: '/presentation/steps/0/nodes/1', expected: 'nonEmptyString', found: 'number' }],
    ['step edge id empty', ['presentation', 'steps', 0, 'edges', 0], '', { path: '/presentation/steps/0/edges/0', expected: 'nonEmptyString' }],
    ['step edges null', ['presentation', 'steps', 0, 'edges'], null, { path: '/presentation/steps/0/edges', expected: 'array', found: 'null' }],
  ];
  it.each(cases)('%s', (_name, path, value, expected) => {
    const e = err(parseJson(withField(path, value)));
    expect(e).toMatchObject({ reason: 'invalid', ...expected });
    if (e.reason === 'invalid') expect(e.detail).not.toBe('');
  });

  it('reports the first broken field in document order', () => {
    const doc = withField(['nodes', 2, 'position', 'x'], 'a');
    (((doc.edges as Json[])[0] as JsonObject).id as Json) = 4;
    expect(err(parseJson(doc))).toMatchObject({ path: '/nodes/2/position/x' });
  });

  it('escapes keys in the path as a JSON pointer', () => {
    const doc = base() as Record<string, unknown>;
    ((doc.nodes as Record<string, unknown>[])[0] as Record<string, unknown>).props = { 'a/b~c': { inner: [1, () => 2] } };
    expect(err(parseDiagramValue(doc))).toMatchObject({
      reason: 'invalid',
      path: '/nodes/0/props/a~1b~0c/inner/1',
      expected: 'jsonValue',
      found: 'other',
    });
  });

  it('refuses absurdly deep values in props and unknown fields', () => {
    let deep: Json = 'bottom';
    for (let i = 0; i < MAX_VALUE_DEPTH + 5; i++) deep = [deep];
    const e = err(parseJson(withField(['nodes', 0, 'props'], { rules: deep })));
    expect(e).toMatchObject({ reason: 'invalid', expected: 'shallowerNesting' });
    if (e.reason === 'invalid') expect(e.path.startsWith('/nodes/0/props/rules/0/0/0')).toBe(true);
    expect(err(parseJson({ ...base(), future: deep }))).toMatchObject({ expected: 'shallowerNesting' });
  });
});

describe('parseDiagramValue: values JSON cannot carry', () => {
  it('refuses non-finite numbers, functions, class instances and cycles', () => {
    const nan = withField(['nodes', 0, 'position', 'x'], 0) as Record<string, unknown>;
    (((nan.nodes as Record<string, unknown>[])[0] as Record<string, unknown>).position as Record<string, unknown>).x = Number.NaN;
    expect(err(parseDiagramValue(nan))).toMatchObject({ path: '/nodes/0/position/x', expected: 'finiteNumber' });

    const inf = base() as Record<string, unknown>;
    ((inf.nodes as Record<string, unknown>[])[1] as Record<string, unknown>).size = { width: Infinity, height: 1 };
    expect(err(parseDiagramValue(inf))).toMatchObject({ path: '/nodes/1/size/width', expected: 'positiveNumber' });

    expect(err(parseDiagramValue({ ...base(), when: new Date(0) }))).toMatchObject({ path: '/when', expected: 'jsonValue', found: 'other' });
    expect(err(parseDiagramValue({ ...base(), n: 10n }))).toMatchObject({ path: '/n', found: 'other' });

    const cyclic: Record<string, unknown> = { name: 'loop' };
    cyclic.self = cyclic;
    expect(err(parseDiagramValue({ ...base(), cyclic }))).toMatchObject({ reason: 'invalid', expected: 'shallowerNesting' });

    const sparse: unknown[] = [];
    sparse[2] = 1;
    expect(err(parseDiagramValue({ ...base(), sparse }))).toMatchObject({ path: '/sparse/0', expected: 'jsonValue', found: 'missing' });
  });

  it('treats undefined members as absent, as JSON.stringify does', () => {
    const doc = base() as Record<string, unknown>;
    const node = (doc.nodes as Record<string, unknown>[])[2] as Record<string, unknown>;
    node.size = undefined;
    node.label = undefined;
    node.props = { connectivity: undefined, extraThing: undefined };
    doc.meta = { title: undefined, lang: 'ja' };
    doc.unused = undefined;
    const { document } = ok(parseDiagramValue(doc));
    const nat = document.nodes.find((n) => n.id === 'nat');
    expect(nat?.size).toBeUndefined();
    expect(nat?.label).toBe('');
    expect(nat?.props).toEqual(defaultProps('natGateway'));
    expect(document.meta).toEqual({ title: '', description: '', lang: 'ja' });
    expect(document.extra).toBeUndefined();
  });

  it('copies the value: the document shares nothing with the input', () => {
    const input = base();
    const { document } = ok(parseDiagramValue(input));
    (document.nodes[0] as { props: JsonObject }).props.cidr = 'changed';
    document.nodes[0]!.position.x = 99;
    expect(input).toEqual(base());
  });

  it('accepts objects without a prototype', () => {
    const doc = Object.assign(Object.create(null) as Record<string, unknown>, base());
    expect(ok(parseDiagramValue(doc)).document.nodes).toHaveLength(4);
  });

  it('never throws, even for hostile objects', () => {
    const getter = base() as Record<string, unknown>;
    Object.defineProperty(getter, 'nodes', {
      enumerable: true,
      get() {
        throw new Error('boom');
      },
    });
    const e = err(parseDiagramValue(getter));
    expect(e).toMatchObject({ reason: 'invalid', path: '' });
    const revoked = Proxy.revocable({}, {});
    revoked.revoke();
    expect(() => parseDiagramValue(revoked.proxy)).not.toThrow();
    expect(() => parseDiagram(undefined as unknown as string)).not.toThrow();
    expect(err(parseDiagram(42 as unknown as string)).reason).toBe('notJson');
  });
});

describe('parseDiagram: reading', () => {
  it('reads the realistic example without repairs', () => {
    const { document, repairs } = ok(parseDiagram(fullExample));
    expect(repairs).toEqual([]);
    expect(document.meta.title).toBe('Web app on managed node groups');
    expect(document.nodes.map((n) => n.kind)).toContain('eksControlPlane');
    expect(document.edges.find((e) => e.kind === 'egressVia')?.props).toEqual({ destination: '0.0.0.0/0', internetEgress: false });
  });

  it('fills what a minimal file leaves out', () => {
    const { document, repairs } = ok(parseDiagram(minimal));
    expect(repairs).toEqual([]);
    expect(document.meta).toEqual({ title: '', description: '', lang: 'en' });
    expect(document.notes).toEqual([]);
    const cp = document.nodes[0]!;
    expect(cp.label).toBe('');
    expect(cp.parent).toBeNull();
    expect(cp.size).toBeUndefined();
    // Missing props take the catalog default (plain reading, not a repair), in catalog order.
    expect(cp.props).toEqual({ ...defaultProps('eksControlPlane'), kubernetesVersion: '1.31' });
    expect(Object.keys(cp.props)).toEqual(getKind('eksControlPlane')!.props.map((p) => p.name));
  });

  it('tolerates a UTF-8 byte order mark', () => {
    expect(ok(parseDiagram('\uFEFF' + minimal)).document.nodes).toHaveLength(1);
  });

  it('keeps prop values that do not fit their type, exactly as written', () => {
    const doc = withField(['nodes', 0, 'props'], { cidr: 10, dualStack: 'yes', enableDnsSupport: null });
    const vpc = ok(parseJson(doc)).document.nodes[0]!;
    expect(vpc.props).toEqual({ cidr: 10, dualStack: 'yes', enableDnsSupport: null, enableDnsHostnames: true });
  });

  it('keeps unknown props after the catalog props, in their stored order', () => {
    const doc = withField(['nodes', 2, 'props'], { zeta: 1, publicIp: '203.0.113.10', alpha: { a: [1] } });
    const nat = ok(parseJson(doc)).document.nodes.find((n) => n.id === 'nat')!;
    expect(Object.keys(nat.props)).toEqual(['connectivity', 'publicIp', 'zeta', 'alpha']);
    expect(nat.props.publicIp).toBe('203.0.113.10');
  });

  it('keeps unknown fields at every level in `extra`', () => {
    const { document } = ok(parseDiagram(unknownThings));
    expect(document.extra).toEqual({ theme: 'dark', 'x-generator': { name: 'kumozu', version: '2.0.0' } });
    expect(document.meta.extra).toEqual({ author: 'platform-team', tags: ['eks', 'draft'] });
    expect(document.nodes[0]?.extra).toEqual({ 7: 'an integer-like field stays after props', locked: true });
    expect(document.edges[1]?.extra).toEqual({ waypoints: [{ x: 1, y: 2 }] });
    expect(document.notes[0]?.extra).toEqual({ color: 'yellow' });
    expect(document.nodes[2]?.extra).toBeUndefined();
  });

  it('keeps a node of an unknown kind opaque: props untouched, no size added', () => {
    const { document, repairs } = ok(parseDiagram(unknownThings));
    expect(repairs).toEqual([]);
    const future = document.nodes.find((n) => n.id === 'future')!;
    expect(future.kind).toBe('eksAutoModeNodePool');
    expect(future.size).toBeUndefined();
    expect(future.props).toEqual({ zeta: 1, alpha: { nested: [1, 2.5, { deep: null }], empty: {} }, nodeClass: 'default', tags: [] });
    expect(Object.keys(future.props)).toEqual(['zeta', 'alpha', 'nodeClass', 'tags']);
    // Unknown kinds still take part in the structure: a parent, an edge endpoint.
    expect(document.nodes.find((n) => n.id === 'nat')?.parent).toBe('future');
    expect(document.edges.map((e) => e.id)).toEqual(['e1', 'e2']);
  });

  it('keeps unknown connection kinds with their props', () => {
    const e2 = ok(parseDiagram(unknownThings)).document.edges[1]!;
    expect(e2).toMatchObject({ kind: 'futureConnection', props: { b: 1, a: 2 } });
  });

  it('reads a "__proto__" key as plain data, never as a prototype', () => {
    const { document } = ok(parseDiagram(unknownThings));
    const nat = document.nodes.find((n) => n.id === 'nat')!;
    expect(Object.hasOwn(nat.props, '__proto__')).toBe(true);
    expect(Object.getPrototypeOf(nat.props)).toBe(Object.prototype);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });

  it('fills egressVia props with their defaults', () => {
    const edge = ok(parseJson(base())).document.edges[0]!;
    expect(edge.props).toEqual({ destination: '0.0.0.0/0', internetEgress: false });
    const custom = ok(parseJson(withField(['edges', 0, 'props'], { internetEgress: true, metric: 5 }))).document.edges[0]!;
    expect(Object.entries(custom.props)).toEqual([
      ['destination', '0.0.0.0/0'],
      ['internetEgress', true],
      ['metric', 5],
    ]);
  });

  it('does not modify the input text or value', () => {
    const value = JSON.parse(everyRepair) as unknown;
    const before = JSON.stringify(value);
    ok(parseDiagramValue(value));
    expect(JSON.stringify(value)).toBe(before);
  });

  it('reads the example of format.md, repairing its two loose references', () => {
    const example = {
      format: 'kumozu.diagram',
      version: 1,
      meta: { title: 'Web app on managed node groups', description: 'Optional free text, Markdown allowed.', lang: 'ja' },
      nodes: [
        { id: 'acct', kind: 'customerAccount', label: 'Production account', parent: null, position: { x: 0, y: 0 }, size: { width: 1200, height: 800 }, props: { accountId: '' } },
        { id: 'mng-a', kind: 'managedNodeGroup', label: 'general-purpose', parent: 'subnet-priv-a', position: { x: 24, y: 48 }, size: { width: 320, height: 180 }, props: { capacityType: 'ON_DEMAND', minSize: 2, maxSize: 6 } },
      ],
      edges: [{ id: 'e1', kind: 'joins', source: 'mng-a', target: 'cp', label: '', props: {} }],
      notes: [{ id: 'n1', text: 'Free-text sticky note', position: { x: 40, y: 900 } }],
    };
    expect(ok(parseJson(example)).repairs).toEqual([
      { kind: 'droppedDanglingEdge', edgeId: 'e1', missing: 'cp' },
      { kind: 'orphanReparented', nodeId: 'mng-a', missingParent: 'subnet-priv-a' },
    ]);
  });
});

describe('parseDiagram: presentation steps (version 2)', () => {
  it('reads steps in order with every field', () => {
    const { document, repairs, migrations } = ok(parseJson(base()));
    expect(repairs).toEqual([]);
    expect(migrations).toEqual([]);
    expect(document.presentation).toEqual({ steps: [{ id: 's1', title: 'Network', nodes: ['vpc', 'subnet'], edges: ['e1'] }] });
  });

  it('reads a version 2 file without presentation, or a step without lists, as empty', () => {
    const rest = base();
    delete rest.presentation;
    expect(ok(parseJson(rest)).document.presentation).toEqual({ steps: [] });
    expect(ok(parseJson(withField(['presentation'], {}))).document.presentation).toEqual({ steps: [] });
    const bare = ok(parseJson(withField(['presentation', 'steps', 0], { id: 's9' }))).document.presentation.steps;
    expect(bare).toEqual([{ id: 's9', title: '', nodes: [], edges: [] }]);
  });

  it('keeps unknown fields of the presentation and of a step', () => {
    const { document } = ok(parseDiagram(unknownThings));
    expect(document.presentation.extra).toEqual({ transition: 'fade', autoAdvance: { seconds: 0 } });
    expect(document.presentation.steps[0]?.extra).toEqual({ 3: 'an integer-like field stays after edges', speakerNotes: 'VPC から説明する' });
  });

  it('drops references to what does not exist, and repeats, keeping the step', () => {
    const { document, repairs } = ok(
      parseJson(withField(['presentation', 'steps'], [
        { id: 'a', title: '', nodes: ['nat', 'n1', 'nat', 'igw'], edges: ['vpc', 'e1', 'e1'] },
        { id: 'b', title: 'only missing things', nodes: ['gone'], edges: [] },
      ])),
    );
    expect(document.presentation.steps).toEqual([
      { id: 'a', title: '', nodes: ['nat', 'igw'], edges: ['e1'] },
      { id: 'b', title: 'only missing things', nodes: [], edges: [] },
    ]);
    expect(repairs).toEqual([
      // A note is not a component, and a node is not a connection.
      { kind: 'stepReferenceDropped', stepId: 'a', collection: 'nodes', ref: 'n1', why: 'missing' },
      { kind: 'stepReferenceDropped', stepId: 'a', collection: 'nodes', ref: 'nat', why: 'repeated' },
      { kind: 'stepReferenceDropped', stepId: 'a', collection: 'edges', ref: 'vpc', why: 'missing' },
      { kind: 'stepReferenceDropped', stepId: 'a', collection: 'edges', ref: 'e1', why: 'repeated' },
      { kind: 'stepReferenceDropped', stepId: 'b', collection: 'nodes', ref: 'gone', why: 'missing' },
    ]);
  });

  it('gives steps with the same id fresh ids, in their own namespace', () => {
    const { document, repairs } = ok(
      parseJson(withField(['presentation', 'steps'], [
        { id: 'vpc', nodes: [] },
        { id: 'vpc', nodes: [] },
        { id: 'vpc-2', nodes: [] },
      ])),
    );
    // A step may share an id with a node; only the second "vpc" step is renamed, past the taken "vpc-2".
    expect(document.presentation.steps.map((st) => st.id)).toEqual(['vpc', 'vpc-3', 'vpc-2']);
    expect(repairs).toEqual([{ kind: 'duplicateIdRenamed', collection: 'steps', oldId: 'vpc', newId: 'vpc-3' }]);
  });
});

describe('parseDiagram: repairs', () => {
  it('makes every repair of the fixture, in pass order', () => {
    const { document, repairs } = ok(parseDiagram(everyRepair));
    expect(repairs).toEqual([
      { kind: 'duplicateIdRenamed', collection: 'nodes', oldId: 'vpc', newId: 'vpc-3' },
      { kind: 'duplicateIdRenamed', collection: 'edges', oldId: 'e2', newId: 'e2-2' },
      { kind: 'duplicateIdRenamed', collection: 'notes', oldId: 'n1', newId: 'n1-2' },
      { kind: 'duplicateIdRenamed', collection: 'steps', oldId: 's1', newId: 's1-2' },
      { kind: 'droppedDanglingEdge', edgeId: 'e1', missing: 'ghost' },
      { kind: 'stepReferenceDropped', stepId: 's1', collection: 'nodes', ref: 'ghost-node', why: 'missing' },
      { kind: 'stepReferenceDropped', stepId: 's1', collection: 'nodes', ref: 'vpc', why: 'repeated' },
      { kind: 'stepReferenceDropped', stepId: 's1', collection: 'edges', ref: 'e1', why: 'missing' },
      { kind: 'orphanReparented', nodeId: 'nat', missingParent: 'deleted-subnet' },
      { kind: 'parentCycleBroken', nodeId: 'loop-b', formerParent: 'loop-a' },
      { kind: 'parentCycleBroken', nodeId: 'self', formerParent: 'self' },
      { kind: 'containerSizeAdded', nodeId: 'vpc', size: { width: 1040, height: 680 } },
      { kind: 'nodesReordered', moved: 2 },
    ]);
    expect(document.nodes.map((n) => `${n.id}<${n.parent ?? 'root'}`)).toEqual([
      'vpc<root',
      'subnet-a<vpc',
      'vpc-3<root',
      'nat<root',
      'inside-leaf<nat',
      'loop-b<root',
      'loop-a<loop-b',
      'self<root',
      'tgw<root',
    ]);
    // References to a duplicated id keep meaning its first holder.
    expect(document.nodes[0]?.label).toBe('container without a size');
    expect(document.edges.map((e) => [e.id, e.source, e.target])).toEqual([
      ['e2', 'subnet-a', 'nat'],
      ['e2-2', 'tgw', 'vpc'],
    ]);
    expect(document.notes.map((n) => n.id)).toEqual(['vpc-2', 'n1', 'n1-2']);
    // A step keeps what exists, once, in its order; a reference to a duplicated id means the first holder.
    expect(document.presentation.steps).toEqual([
      { id: 's1', title: 'names a missing node, a dropped edge and the vpc twice', nodes: ['vpc', 'subnet-a'], edges: ['e2'] },
      { id: 's1-2', title: 'second step with the id s1', nodes: ['nat'], edges: [] },
    ]);
  });

  it('leaves a repaired document with nothing left to repair', () => {
    const once = serializeDiagram(ok(parseDiagram(everyRepair)).document);
    const again = ok(parseDiagram(once));
    expect(again.repairs).toEqual([]);
    expect(serializeDiagram(again.document)).toBe(once);
  });

  it('drops a connection whose endpoint does not exist', () => {
    const doc = base();
    doc.edges = [
      { id: 'a', kind: 'usesSubnet', source: 'gone', target: 'subnet', label: '', props: {} },
      { id: 'b', kind: 'usesSubnet', source: 'nat', target: 'gone-too', label: '', props: {} },
      { id: 'c', kind: 'usesSubnet', source: 'n1', target: 'subnet', label: 'notes are not endpoints', props: {} },
    ];
    doc.presentation = { steps: [] };
    const { document, repairs } = ok(parseJson(doc));
    expect(document.edges).toEqual([]);
    expect(repairs).toEqual([
      { kind: 'droppedDanglingEdge', edgeId: 'a', missing: 'gone' },
      { kind: 'droppedDanglingEdge', edgeId: 'b', missing: 'gone-too' },
      { kind: 'droppedDanglingEdge', edgeId: 'c', missing: 'n1' },
    ]);
  });

  it('moves a node whose parent does not exist to the root, keeping its position', () => {
    const { document, repairs } = ok(parseJson(withField(['nodes', 2, 'parent'], 'nowhere')));
    expect(document.nodes[2]).toMatchObject({ id: 'nat', parent: null, position: { x: 10, y: 10 } });
    expect(repairs).toEqual([{ kind: 'orphanReparented', nodeId: 'nat', missingParent: 'nowhere' }]);
    const empty = ok(parseJson(withField(['nodes', 2, 'parent'], '')));
    expect(empty.repairs).toEqual([{ kind: 'orphanReparented', nodeId: 'nat', missingParent: '' }]);
  });

  it('keeps a leaf parent or an unknown-kind parent', () => {
    const doc = withField(['nodes', 3, 'parent'], 'nat');
    expect(ok(parseJson(doc)).repairs).toEqual([]);
  });

  it('renames duplicate ids deterministically, skipping taken ids', () => {
    const doc = base();
    const nodes = doc.nodes as JsonObject[];
    nodes.push({ ...nodes[3]!, position: { x: 1, y: 2 } }, { ...nodes[3]!, position: { x: 3, y: 4 } });
    doc.notes = [{ id: 'igw-2', text: '', position: { x: 0, y: 0 } }];
    doc.edges = [
      { id: 'igw', kind: 'usesSubnet', source: 'nat', target: 'subnet', label: '', props: {} },
      { id: 'e1', kind: 'egressVia', source: 'subnet', target: 'nat', label: '', props: {} },
    ];
    const { document, repairs } = ok(parseJson(doc));
    expect(repairs).toEqual([
      { kind: 'duplicateIdRenamed', collection: 'nodes', oldId: 'igw', newId: 'igw-3' },
      { kind: 'duplicateIdRenamed', collection: 'nodes', oldId: 'igw', newId: 'igw-4' },
      { kind: 'duplicateIdRenamed', collection: 'edges', oldId: 'igw', newId: 'igw-5' },
    ]);
    expect(document.nodes.map((n) => n.id)).toEqual(['vpc', 'subnet', 'nat', 'igw', 'igw-3', 'igw-4']);
    // The same input always gives the same names.
    expect(ok(parseJson(doc)).repairs).toEqual(repairs);
  });

  it('stays fast with thousands of copies of one id', () => {
    const nodes = Array.from({ length: 5000 }, () => ({ id: 'same', kind: 'workload', position: { x: 0, y: 0 } }));
    const started = performance.now();
    const { document } = ok(parseJson({ format: 'kumozu.diagram', version: 1, nodes, edges: [] }));
    expect(performance.now() - started).toBeLessThan(2000);
    expect(new Set(document.nodes.map((n) => n.id)).size).toBe(5000);
    expect(document.nodes[4999]?.id).toBe('same-5000');
  });

  it('breaks a parent cycle at the node reached last', () => {
    const doc = base();
    doc.nodes = ['a:c', 'b:a', 'c:b'].map((spec) => {
      const [id, parent] = spec.split(':') as [string, string];
      return { id, kind: 'k8sNamespace', parent, position: { x: 0, y: 0 }, size: { width: 100, height: 100 } };
    });
    doc.edges = [];
    doc.presentation = { steps: [] };
    const { document, repairs } = ok(parseJson(doc));
    // Walking from a: a -> c -> b -> a. b closes the loop.
    expect(repairs).toEqual([
      { kind: 'parentCycleBroken', nodeId: 'b', formerParent: 'a' },
      { kind: 'nodesReordered', moved: 2 },
    ]);
    expect(document.nodes.map((n) => `${n.id}<${n.parent ?? 'root'}`)).toEqual(['b<root', 'c<b', 'a<c']);
  });

  it('gives a container without a size its default size, but not a leaf or an unknown kind', () => {
    const doc = withField(['nodes', 1, 'size'], undefined);
    (doc.nodes as JsonObject[]).push({ id: 'x', kind: 'futureBox', parent: null, position: { x: 0, y: 0 } });
    const { document, repairs } = ok(parseJson(doc));
    expect(repairs).toEqual([{ kind: 'containerSizeAdded', nodeId: 'subnet', size: getKind('subnet')!.defaultSize }]);
    expect(document.nodes[1]?.size).toEqual({ width: 440, height: 240 });
    expect(document.nodes.find((n) => n.id === 'nat')?.size).toBeUndefined();
    expect(document.nodes.find((n) => n.id === 'x')?.size).toBeUndefined();
  });

  it('puts parents before children, moving the parent and keeping the rest in order', () => {
    const doc = base();
    const [vpc, subnet, nat, igw] = doc.nodes as JsonObject[];
    doc.nodes = [igw!, nat!, vpc!, subnet!] as Json[];
    const { document, repairs } = ok(parseJson(doc));
    expect(document.nodes.map((n) => n.id)).toEqual(['vpc', 'igw', 'subnet', 'nat']);
    expect(repairs).toEqual([{ kind: 'nodesReordered', moved: 2 }]);
  });
});

describe('parseDiagram: repairs leave a sound document', () => {
  it('for any tangle of ids, parents, endpoints, orders and missing sizes', () => {
    const example = JSON.parse(fullExample) as { nodes: JsonObject[]; edges: JsonObject[]; notes: JsonObject[] } & JsonObject;
    const pool = [...example.nodes.map((n) => n.id as string), 'ghost', 'note-1', 'e-join'];
    const ref = fc.constantFrom(...pool);
    const tangle = fc.record({
      order: fc.shuffledSubarray(example.nodes.map((_, i) => i), { minLength: 1 }),
      ids: fc.array(fc.option(ref, { nil: undefined }), { minLength: example.nodes.length, maxLength: example.nodes.length }),
      parents: fc.array(fc.option(fc.option(ref, { nil: null }), { nil: undefined }), { minLength: example.nodes.length, maxLength: example.nodes.length }),
      unsized: fc.array(fc.boolean(), { minLength: example.nodes.length, maxLength: example.nodes.length }),
      endpoints: fc.array(fc.tuple(fc.option(ref, { nil: undefined }), fc.option(ref, { nil: undefined })), { minLength: example.edges.length, maxLength: example.edges.length }),
      steps: fc.array(fc.record({ id: fc.constantFrom('s1', 's2', 's1-2'), nodes: fc.array(ref, { maxLength: 5 }), edges: fc.array(fc.constantFrom('e-join', 'e-users', 'cp', 'ghost'), { maxLength: 3 }) }), { maxLength: 4 }),
    });
    fc.assert(
      fc.property(tangle, ({ order, ids, parents, unsized, endpoints, steps }) => {
        const nodes = order.map((i) => {
          const n: JsonObject = { ...example.nodes[i]! };
          if (ids[i] !== undefined) n.id = ids[i]!;
          if (parents[i] !== undefined) n.parent = parents[i]!;
          if (unsized[i]) delete n.size;
          return n;
        });
        const edges = example.edges.map((e, i) => {
          const [s, t] = endpoints[i]!;
          return { ...e, ...(s === undefined ? {} : { source: s }), ...(t === undefined ? {} : { target: t }) };
        });
        const { document } = ok(parseJson({ ...example, nodes, edges, presentation: { steps } }));

        const all = [...document.nodes, ...document.edges, ...document.notes].map((x) => x.id);
        expect(new Set(all).size).toBe(all.length);
        const seen = new Set<string>();
        for (const n of document.nodes) {
          if (n.parent !== null) expect(seen.has(n.parent)).toBe(true);
          if (getKind(n.kind)?.container) expect(n.size).toBeDefined();
          seen.add(n.id);
        }
        for (const e of document.edges) expect(seen.has(e.source) && seen.has(e.target)).toBe(true);
        const edgeIds = new Set(document.edges.map((e) => e.id));
        const stepIds = document.presentation.steps.map((st) => st.id);
        expect(new Set(stepIds).size).toBe(stepIds.length);
        for (const st of document.presentation.steps) {
          expect(new Set(st.nodes).size).toBe(st.nodes.length);
          expect(new Set(st.edges).size).toBe(st.edges.length);
          for (const id of st.nodes) expect(seen.has(id)).toBe(true);
          for (const id of st.edges) expect(edgeIds.has(id)).toBe(true);
        }

        const written = serializeDiagram(document);
        const again = ok(parseDiagram(written));
        expect(again.repairs).toEqual([]);
        expect(serializeDiagram(again.document)).toBe(written);
      }),
      { numRuns: 300 },
    );
  });
});

describe('parseDiagram: never throws', () => {
  const settle = (text: string): void => {
    const result = parseDiagram(text);
    expect(typeof result.ok).toBe('boolean');
  };

  it('for any string', () => {
    fc.assert(fc.property(fc.string({ unit: 'binary', maxLength: 200 }), (s) => settle(s)), { numRuns: 500 });
    fc.assert(fc.property(fc.string(), (s) => settle('{"format":"kumozu.diagram","version":1,' + s)), { numRuns: 300 });
  });

  it('for any JSON text', () => {
    fc.assert(fc.property(fc.json(), (s) => settle(s)), { numRuns: 500 });
  });

  it('for any value handed to parseDiagramValue', () => {
    fc.assert(
      fc.property(fc.anything({ withBoxedValues: true, withMap: true, withSet: true, withBigInt: true, withDate: true, withNullPrototype: true, withSparseArray: true }), (v) => {
        expect(typeof parseDiagramValue(v).ok).toBe('boolean');
        expect(typeof parseDiagramValue({ format: 'kumozu.diagram', version: 1, nodes: [v], edges: [v], notes: [v], meta: v }).ok).toBe('boolean');
      }),
      { numRuns: 300 },
    );
  });

  it('for the example with random fields replaced by random JSON, and what it reads is clean on a second read', () => {
    const original = JSON.parse(fullExample) as Json;
    // Every (container, key) slot of the example, in a fixed order.
    const slots = (root: Json): [Json[] | JsonObject, string | number][] => {
      const out: [Json[] | JsonObject, string | number][] = [];
      const visit = (v: Json): void => {
        if (Array.isArray(v)) {
          v.forEach((item, i) => {
            out.push([v, i]);
            visit(item);
          });
        } else if (v !== null && typeof v === 'object') {
          for (const k of Object.keys(v)) {
            out.push([v, k]);
            visit(v[k] as Json);
          }
        }
      };
      visit(root);
      return out;
    };
    fc.assert(
      fc.property(fc.array(fc.tuple(fc.nat(), fc.jsonValue({ maxDepth: 2 })), { minLength: 1, maxLength: 4 }), (edits) => {
        const doc = structuredClone(original);
        for (const [at, value] of edits) {
          const all = slots(doc);
          const [holder, key] = all[at % all.length]!;
          (holder as Record<string | number, Json>)[key] = value as Json;
        }
        const result = parseDiagram(JSON.stringify(doc));
        if (!result.ok) return;
        const written = serializeDiagram(result.document);
        const reread = ok(parseDiagram(written));
        expect(reread.repairs).toEqual([]);
        expect(serializeDiagram(reread.document)).toBe(written);
      }),
      { numRuns: 300 },
    );
  });
});
