import { describe, expect, it } from 'vitest';
import * as fc from 'fast-check';
import { allKinds, defaultProps, getKind } from '../catalog/registry';
import { emptyDocument, type DiagramDocument, type DiagramNode, type Json, type JsonObject } from '../model/types';
import { parseDiagram, parseDiagramValue, type ParseResult } from './parse';
import { diagramToJson, serializeDiagram } from './serialize';
import fullExample from './fixtures/full-example.kumozu.json?raw';
import everyRepair from './fixtures/every-repair.kumozu.json?raw';
import minimal from './fixtures/minimal.kumozu.json?raw';
import unknownThings from './fixtures/unknown-things.kumozu.json?raw';

function read(text: string): DiagramDocument {
  const result: ParseResult = parseDiagram(text);
  if (!result.ok) throw new Error(JSON.stringify(result.error));
  return result.document;
}

function node(partial: Partial<DiagramNode> & Pick<DiagramNode, 'id' | 'kind'>): DiagramNode {
  return { label: '', parent: null, position: { x: 0, y: 0 }, props: {}, ...partial };
}

function docWith(nodes: DiagramNode[], more: Partial<DiagramDocument> = {}): DiagramDocument {
  return { ...emptyDocument('en'), nodes, ...more };
}

describe('serializeDiagram: canonical files', () => {
  it.each([
    ['full-example', fullExample],
    ['unknown-things', unknownThings],
  ])('writes %s back byte for byte', (_name, text) => {
    expect(serializeDiagram(read(text))).toBe(text);
  });

  it.each([
    ['every-repair', everyRepair],
    ['minimal', minimal],
  ])('makes %s canonical in one step: parse, serialize, parse, serialize gives the same bytes', (_name, text) => {
    const once = serializeDiagram(read(text));
    expect(once).not.toBe(text);
    expect(serializeDiagram(read(once))).toBe(once);
  });

  it('writes a node of an unknown kind exactly as stored', () => {
    const out = serializeDiagram(read(unknownThings));
    const future = (JSON.parse(out) as { nodes: JsonObject[] }).nodes[1]!;
    const original = (JSON.parse(unknownThings) as { nodes: JsonObject[] }).nodes[1]!;
    expect(JSON.stringify(future)).toBe(JSON.stringify(original));
  });
});

describe('serializeDiagram: layout', () => {
  it('uses two-space indent, \\n line ends and a trailing newline', () => {
    const out = serializeDiagram(read(fullExample));
    expect(out.endsWith('}\n')).toBe(true);
    expect(out.endsWith('\n\n')).toBe(false);
    expect(out).not.toContain('\r');
    expect(out).not.toContain('\t');
    expect(out.split('\n')[1]).toBe('  "format": "kumozu.diagram",');
    // The same layout as JSON.stringify(value, null, 2) of what it wrote.
    expect(out).toBe(JSON.stringify(JSON.parse(out), null, 2) + '\n');
  });

  it('writes an empty document with every top-level field', () => {
    expect(serializeDiagram(emptyDocument('ja'))).toBe(
      '{\n  "format": "kumozu.diagram",\n  "version": 2,\n  "meta": {\n    "title": "",\n    "description": "",\n    "lang": "ja"\n  },\n  "nodes": [],\n  "edges": [],\n  "notes": [],\n  "presentation": {\n    "steps": []\n  }\n}\n',
    );
  });

  it("orders keys as format.md's example, then unknown fields, whatever the object order", () => {
    const doc: DiagramDocument = {
      extra: { zzz: 1, 2: 'two' },
      notes: [{ position: { y: 2, x: 1 }, text: 't', id: 'n', extra: { color: 'red' } }],
      edges: [{ props: {}, label: '', target: 'b', source: 'a', kind: 'joins', id: 'e', extra: { 0: 'zero' } }],
      nodes: [
        { props: {}, position: { y: 5, x: 4 }, parent: null, label: 'A', kind: 'hpa', id: 'a', extra: { 9: 'nine', locked: true } },
        { id: 'b', kind: 'eksControlPlane', label: '', parent: null, position: { x: 0, y: 0 }, props: {} },
      ],
      meta: { lang: 'en', description: 'd', title: 't', extra: { author: 'me' } },
      presentation: { extra: { z: 1 }, steps: [{ extra: { 1: 'one', speaker: 's' }, edges: ['e'], nodes: ['b', 'a'], title: 'T', id: 's1' }] },
      version: 2,
      format: 'kumozu.diagram',
    };
    const parsed = JSON.parse(serializeDiagram(doc)) as Record<string, JsonObject[] | JsonObject>;
    const text = serializeDiagram(doc);
    // Keys of one element, read from the text itself: JSON.parse would move integer-like keys first again.
    const keysInText = (from: string, to: string): string[] => {
      const start = text.indexOf(`      ${from}`);
      return [...text.slice(start, text.indexOf(to, start)).matchAll(/^ {6}"([^"]+)":/gm)].map((m) => m[1]!);
    };
    expect(Object.keys(parsed)).toEqual(['2', 'format', 'version', 'meta', 'nodes', 'edges', 'notes', 'presentation', 'zzz']);
    // Unknown top-level fields follow "presentation", in object order (where integer-like keys come first).
    expect(text.indexOf('"presentation"')).toBeLessThan(text.indexOf('"2": "two"'));
    expect(text.indexOf('"2": "two"')).toBeLessThan(text.indexOf('"zzz"'));
    expect(keysInText('"id": "a"', '"id": "b"')).toEqual(['id', 'kind', 'label', 'parent', 'position', 'props', '9', 'locked']);
    expect(keysInText('"id": "e"', '"notes"')).toEqual(['id', 'kind', 'source', 'target', 'label', 'props', '0']);
    expect(keysInText('"id": "n"', '"presentation"')).toEqual(['id', 'text', 'position', 'color']);
    expect(text).toContain(
      '"presentation": {\n    "steps": [\n      {\n        "id": "s1",\n        "title": "T",\n        "nodes": [\n          "b",\n          "a"\n        ],\n        "edges": [\n          "e"\n        ],\n        "1": "one",\n        "speaker": "s"\n      }\n    ],\n    "z": 1\n  }',
    );
    expect(text).toContain('"meta": {\n    "title": "t",\n    "description": "d",\n    "lang": "en",\n    "author": "me"\n  }');
    expect(text).toContain('"position": {\n        "x": 4,\n        "y": 5\n      }');
  });

  it('lets known fields win over an extra member of the same name', () => {
    const doc = docWith([node({ id: 'a', kind: 'hpa', extra: { id: 'evil', kind: 'x', note: 'kept' } })], {
      extra: { format: 'other', version: 9, nodes: [] },
    });
    const out = JSON.parse(serializeDiagram(doc)) as { format: string; version: number; nodes: JsonObject[] };
    expect(out.format).toBe('kumozu.diagram');
    expect(out.version).toBe(2);
    expect(out.nodes[0]).toMatchObject({ id: 'a', kind: 'hpa', note: 'kept' });
  });

  it('does not modify the document', () => {
    const doc = docWith([node({ id: 'v', kind: 'vpc', props: { owner: 'x' } })]);
    const before = structuredClone(doc);
    serializeDiagram(doc);
    expect(doc).toEqual(before);
  });
});

describe('diagramToJson', () => {
  it('gives the file shape, which parseDiagramValue reads back to the same document', () => {
    const doc = read(unknownThings);
    const value = diagramToJson(doc);
    expect(value).toEqual(JSON.parse(unknownThings));
    expect(value.extra).toBeUndefined();
    const back = parseDiagramValue(value);
    expect(back.ok && serializeDiagram(back.document)).toBe(unknownThings);
  });
});

describe('serializeDiagram: props and sizes', () => {
  it('writes every catalog prop, defaults made explicit, in catalog order, then unknown props', () => {
    const doc = docWith([node({ id: 'n', kind: 'natGateway', props: { zeta: 1, publicIp: '198.51.100.1', alpha: 2 } })]);
    const out = serializeDiagram(doc);
    expect(out).toContain(
      '"props": {\n        "connectivity": "public",\n        "publicIp": "198.51.100.1",\n        "zeta": 1,\n        "alpha": 2\n      }',
    );
  });

  it('writes prop values that do not fit their type as they are', () => {
    const doc = docWith([node({ id: 'n', kind: 'natGateway', props: { connectivity: 42 } })]);
    expect((JSON.parse(serializeDiagram(doc)) as { nodes: { props: JsonObject }[] }).nodes[0]!.props.connectivity).toBe(42);
  });

  it('writes the props of an unknown kind exactly as stored, with no defaults', () => {
    const doc = docWith([node({ id: 'n', kind: 'notAKind', props: { b: 1, a: [] } })]);
    expect(serializeDiagram(doc)).toContain('"props": {\n        "b": 1,\n        "a": []\n      }');
  });

  it('always writes a container size, default when missing; a leaf size only when present', () => {
    const doc = docWith([
      node({ id: 'vpc', kind: 'vpc' }),
      node({ id: 'sized', kind: 'subnet', size: { width: 10, height: 20 } }),
      node({ id: 'leaf', kind: 'natGateway' }),
      node({ id: 'big-leaf', kind: 'natGateway', size: { width: 300, height: 90 } }),
      node({ id: 'unknown', kind: 'notAKind' }),
    ]);
    const nodes = (JSON.parse(serializeDiagram(doc)) as { nodes: JsonObject[] }).nodes;
    expect(nodes.map((n) => n.size ?? null)).toEqual([
      getKind('vpc')!.defaultSize,
      { width: 10, height: 20 },
      null,
      { width: 300, height: 90 },
      null,
    ]);
  });

  it('writes egressVia props with their defaults, other connections as stored', () => {
    const doc = docWith([node({ id: 's', kind: 'subnet' }), node({ id: 'n', kind: 'natGateway' })], {
      edges: [
        { id: 'e1', kind: 'egressVia', source: 's', target: 'n', label: '', props: {} },
        { id: 'e2', kind: 'egressVia', source: 's', target: 'n', label: '', props: { note: 'x', internetEgress: true } },
        { id: 'e3', kind: 'usesSubnet', source: 'n', target: 's', label: '', props: {} },
      ],
    });
    const edges = (JSON.parse(serializeDiagram(doc)) as { edges: { props: JsonObject }[] }).edges;
    expect(edges.map((e) => Object.entries(e.props))).toEqual([
      [
        ['destination', '0.0.0.0/0'],
        ['internetEgress', false],
      ],
      [
        ['destination', '0.0.0.0/0'],
        ['internetEgress', true],
        ['note', 'x'],
      ],
      [],
    ]);
  });

  it('round-trips every kind of the catalog at its defaults without repairs', () => {
    const nodes = allKinds().map((k, i) =>
      node({ id: `n${i}`, kind: k.kind, props: defaultProps(k.kind), ...(k.container ? { size: { ...k.defaultSize } } : {}) }),
    );
    const text = serializeDiagram(docWith(nodes));
    const result = parseDiagram(text);
    expect(result.ok && result.repairs).toEqual([]);
    expect(serializeDiagram(read(text))).toBe(text);
  });
});

// ---------------------------------------------------------------------------
// Property: serialize(parse(serialize(doc))) is stable for any document.

const ids = fc.constantFrom('a', 'b', 'c', 'a-2', 'vpc', 'x/y', '雲', 'n1');
const kinds = fc.oneof(
  fc.constantFrom(...allKinds().map((k) => k.kind)),
  fc.constantFrom('futureKind', 'egressVia', '__proto__', 'constructor'),
);
const finite = fc.double({ noNaN: true, noDefaultInfinity: true });
const positive = fc.double({ min: 0.5, max: 5000, noNaN: true });
const jsonObject = fc.dictionary(fc.string({ maxLength: 6 }), fc.jsonValue({ maxDepth: 2 }), { maxKeys: 4 }) as fc.Arbitrary<JsonObject>;
const maybeExtra = fc.option(jsonObject, { nil: undefined });
const point = fc.record({ x: finite, y: finite });

const nodeArb: fc.Arbitrary<DiagramNode> = fc
  .record({
    id: ids,
    kind: kinds,
    label: fc.string({ maxLength: 8 }),
    parent: fc.option(ids, { nil: null }),
    position: point,
    size: fc.option(fc.record({ width: positive, height: positive }), { nil: undefined }),
    props: jsonObject,
    extra: maybeExtra,
  })
  .map(({ size, extra, ...rest }) => ({ ...rest, ...(size ? { size } : {}), ...(extra ? { extra } : {}) }));

const docArb: fc.Arbitrary<DiagramDocument> = fc
  .record({
    meta: fc.record({ title: fc.string({ maxLength: 8 }), description: fc.string({ maxLength: 8 }), lang: fc.constantFrom('ja' as const, 'en' as const) }),
    nodes: fc.array(nodeArb, { maxLength: 8 }),
    edges: fc.array(
      fc.record({ id: ids, kind: fc.constantFrom('egressVia', 'joins', 'futureEdge'), source: ids, target: ids, label: fc.string({ maxLength: 4 }), props: jsonObject }),
      { maxLength: 6 },
    ),
    notes: fc.array(fc.record({ id: ids, text: fc.string({ maxLength: 8 }), position: point }), { maxLength: 3 }),
    presentation: fc.record({
      steps: fc.array(
        fc.record({ id: fc.constantFrom('s1', 's2', 's1-2', 'a'), title: fc.string({ maxLength: 6 }), nodes: fc.array(ids, { maxLength: 4 }), edges: fc.array(ids, { maxLength: 3 }) }),
        { maxLength: 4 },
      ),
    }),
    extra: maybeExtra,
  })
  .map(({ extra, ...rest }) => ({ format: 'kumozu.diagram' as const, version: 2 as const, ...rest, ...(extra ? { extra } : {}) }));

describe('serializeDiagram: properties', () => {
  it('serialize(parse(serialize(doc))) is stable, and the second read repairs nothing', () => {
    fc.assert(
      fc.property(docArb, (doc) => {
        const first = parseDiagram(serializeDiagram(doc));
        if (!first.ok) throw new Error(`serialized document refused: ${JSON.stringify(first.error)}`);
        const written = serializeDiagram(first.document);
        const second = parseDiagram(written);
        expect(second.ok && second.repairs).toEqual([]);
        if (second.ok) expect(serializeDiagram(second.document)).toBe(written);
      }),
      { numRuns: 400 },
    );
  });

  it('is deterministic: the same document always gives the same bytes', () => {
    fc.assert(
      fc.property(docArb, (doc) => {
        expect(serializeDiagram(structuredClone(doc))).toBe(serializeDiagram(doc));
      }),
      { numRuns: 100 },
    );
  });

  it('writes JSON that reads back to the same values', () => {
    fc.assert(
      fc.property(fc.jsonValue({ maxDepth: 3 }), (value) => {
        const doc = docWith([node({ id: 'n', kind: 'futureKind', props: { value: value as Json } })], { extra: { value: value as Json } });
        const back = read(serializeDiagram(doc));
        // What JSON itself keeps (it has no -0).
        const expected = JSON.parse(JSON.stringify(value)) as Json;
        expect(back.nodes[0]?.props.value).toEqual(expected);
        expect(back.extra?.value).toEqual(expected);
      }),
      { numRuns: 200 },
    );
  });
});
