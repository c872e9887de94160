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
  type Point,
  type PresentationStep,
  type Size,
} from '../model/types';
import { defaultSizeOf, isContainerKind } from '../catalog/registry';
import { edgePropEntries, nodePropEntries, type PropEntry } from './props';

/**
 * Writing a diagram (format.md, "Writing"): the same document always gives the
 * same bytes. Keys follow format.md's example, then unknown fields (`extra`)
 * in their stored order; two-space indent, `\n` line ends, trailing newline.
 * Every prop of a known kind is written, defaults made explicit; a node of an
 * unknown kind is written back exactly as stored.
 *
 * Key order is emitted explicitly rather than left to object insertion order,
 * because JavaScript puts integer-like keys ("1", "42") first: an unknown
 * field named "1" must not jump ahead of "id".
 */
export function serializeDiagram(doc: DiagramDocument): string {
  const out: string[] = [];
  write(documentEntries(doc), '', out);
  out.push('\n');
  return out.join('');
}

/**
 * The document in the file's shape as a plain JSON value (unknown fields
 * beside the known ones, defaults explicit): what the automation hook's
 * `getDocument()` returns and `parseDiagramValue` reads back.
 */
export function diagramToJson(doc: DiagramDocument): JsonObject {
  return JSON.parse(serializeDiagram(doc)) as JsonObject;
}

/** An object whose key order is given, not inherited from the JS object. */
class Ordered {
  constructor(readonly entries: readonly (readonly [string, Out | undefined])[]) {}
}

type Out = Json | Ordered | readonly Out[];

function withExtra(entries: [string, Out | undefined][], extra: JsonObject | undefined): Ordered {
  if (extra) {
    const known = new Set(entries.map(([k]) => k));
    // Known fields win over an `extra` member of the same name (only possible in a hand-built document).
    for (const [k, v] of Object.entries(extra)) if (!known.has(k)) entries.push([k, v]);
  }
  return new Ordered(entries);
}

function documentEntries(doc: DiagramDocument): Ordered {
  return withExtra(
    [
      ['format', FORMAT_ID],
      ['version', FORMAT_VERSION],
      ['meta', metaEntries(doc.meta)],
      ['nodes', doc.nodes.map(nodeEntries)],
      ['edges', doc.edges.map(edgeEntries)],
      ['notes', doc.notes.map(noteEntries)],
      ['presentation', presentationEntries(doc.presentation)],
    ],
    doc.extra,
  );
}

function metaEntries(meta: DiagramMeta): Ordered {
  return withExtra(
    [
      ['title', meta.title],
      ['description', meta.description],
      ['lang', meta.lang],
    ],
    meta.extra,
  );
}

function point(p: Point): Ordered {
  return new Ordered([
    ['x', p.x],
    ['y', p.y],
  ]);
}

function size(s: Size): Ordered {
  return new Ordered([
    ['width', s.width],
    ['height', s.height],
  ]);
}

function props(entries: readonly PropEntry[]): Ordered {
  return new Ordered(entries);
}

function nodeEntries(node: DiagramNode): Ordered {
  const entries: [string, Out | undefined][] = [
    ['id', node.id],
    ['kind', node.kind],
    ['label', node.label],
    ['parent', node.parent],
    ['position', point(node.position)],
  ];
  // Containers always carry a size; leaves and unknown kinds only when they have one.
  const stored = node.size ?? (isContainerKind(node.kind) ? defaultSizeOf(node.kind) : undefined);
  if (stored) entries.push(['size', size(stored)]);
  entries.push(['props', props(nodePropEntries(node.kind, node.props))]);
  return withExtra(entries, node.extra);
}

function edgeEntries(edge: DiagramEdge): Ordered {
  return withExtra(
    [
      ['id', edge.id],
      ['kind', edge.kind],
      ['source', edge.source],
      ['target', edge.target],
      ['label', edge.label],
      ['props', props(edgePropEntries(edge.kind, edge.props))],
    ],
    edge.extra,
  );
}

function noteEntries(note: DiagramNote): Ordered {
  return withExtra(
    [
      ['id', note.id],
      ['text', note.text],
      ['position', point(note.position)],
    ],
    note.extra,
  );
}

/** Version 2: always written, `{ "steps": [] }` when there are none. */
function presentationEntries(presentation: DiagramPresentation | undefined): Ordered {
  return withExtra([['steps', (presentation?.steps ?? []).map(stepEntries)]], presentation?.extra);
}

function stepEntries(step: PresentationStep): Ordered {
  return withExtra(
    [
      ['id', step.id],
      ['title', step.title],
      ['nodes', [...step.nodes]],
      ['edges', [...step.edges]],
    ],
    step.extra,
  );
}

// ---------------------------------------------------------------------------
// The writer: the layout of `JSON.stringify(value, null, 2)`, with explicit
// key order for `Ordered`. Plain JSON values below it go through the native
// `JSON.stringify` and are re-indented (its output has no raw newlines other
// than its own line breaks, since string newlines are escaped).

function write(value: Out, indent: string, out: string[]): void {
  if (value instanceof Ordered) {
    writeObject(value.entries, indent, out);
  } else if (Array.isArray(value)) {
    writeArray(value as readonly Out[], indent, out);
  } else {
    const text = JSON.stringify(value, null, 2) as string | undefined;
    out.push(text === undefined ? 'null' : indent === '' ? text : text.replace(/\n/g, '\n' + indent));
  }
}

function writeObject(all: readonly (readonly [string, Out | undefined])[], indent: string, out: string[]): void {
  // As JSON.stringify does, an `undefined` member is left out.
  const entries = all.filter((e): e is readonly [string, Out] => e[1] !== undefined);
  if (entries.length === 0) {
    out.push('{}');
    return;
  }
  const inner = indent + '  ';
  out.push('{\n');
  entries.forEach(([key, v], i) => {
    out.push(inner, JSON.stringify(key), ': ');
    write(v, inner, out);
    out.push(i < entries.length - 1 ? ',\n' : '\n');
  });
  out.push(indent, '}');
}

function writeArray(items: readonly Out[], indent: string, out: string[]): void {
  if (items.length === 0) {
    out.push('[]');
    return;
  }
  const inner = indent + '  ';
  out.push('[\n');
  items.forEach((v, i) => {
    out.push(inner);
    write(v, inner, out);
    out.push(i < items.length - 1 ? ',\n' : '\n');
  });
  out.push(indent, ']');
}
