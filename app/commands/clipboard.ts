import { allIds, freshId, withDescendants } from '../model/document';
import { absolutePositions } from '../model/geometry';
import type { DiagramDocument, DiagramEdge, DiagramNode, DiagramNote, Point } from '../model/types';
import type { Command } from './commands';

/**
 * Copy and paste as pure functions: a clip is a self-contained slice of a
 * document (selected nodes with their subtrees, and the connections between
 * them), with top-level positions made absolute so it can land anywhere.
 */
export interface Clip {
  readonly nodes: readonly DiagramNode[];
  readonly edges: readonly DiagramEdge[];
  readonly notes: readonly DiagramNote[];
}

export function copySelection(doc: DiagramDocument, nodeIds: readonly string[], noteIds: readonly string[] = []): Clip {
  const ids = withDescendants(doc, nodeIds);
  const abs = absolutePositions(doc);
  const nodes = doc.nodes
    .filter((n) => ids.has(n.id))
    .map((n) => (n.parent !== null && ids.has(n.parent) ? n : { ...n, position: abs.get(n.id) ?? n.position }));
  const edges = doc.edges.filter((e) => ids.has(e.source) && ids.has(e.target));
  const noteSet = new Set(noteIds);
  return { nodes, edges, notes: doc.notes.filter((n) => noteSet.has(n.id)) };
}

function prefixOf(id: string): string {
  return id.replace(/-\d+$/, '') || 'n';
}

/**
 * The `paste` command for a clip: fresh ids, positions shifted by `offset`.
 * A top-level node goes back into `parentFor(node)` (e.g. the container it
 * was copied from, if it still exists), with its position made relative to it.
 */
export function pasteCommand(
  doc: DiagramDocument,
  clip: Clip,
  offset: Point,
  parentFor: (node: DiagramNode) => string | null = () => null,
): { command: Command; newIds: { nodes: string[]; edges: string[]; notes: string[] } } {
  const taken = allIds(doc);
  const rename = new Map<string, string>();
  const fresh = (old: string): string => {
    const id = freshId(taken, prefixOf(old));
    taken.add(id);
    rename.set(old, id);
    return id;
  };
  for (const n of clip.nodes) fresh(n.id);
  const abs = absolutePositions(doc);
  const clipIds = new Set(clip.nodes.map((n) => n.id));
  const nodes = clip.nodes.map((n): DiagramNode => {
    const id = rename.get(n.id) as string;
    if (n.parent !== null && clipIds.has(n.parent)) return { ...structuredClone(n), id, parent: rename.get(n.parent) as string };
    const parent = parentFor(n);
    const base = parent === null ? { x: 0, y: 0 } : (abs.get(parent) ?? { x: 0, y: 0 });
    return { ...structuredClone(n), id, parent, position: { x: n.position.x + offset.x - base.x, y: n.position.y + offset.y - base.y } };
  });
  const edges = clip.edges.map((e) => ({
    ...structuredClone(e),
    id: fresh(e.id),
    source: rename.get(e.source) as string,
    target: rename.get(e.target) as string,
  }));
  const notes = clip.notes.map((n) => ({ ...structuredClone(n), id: fresh(n.id), position: { x: n.position.x + offset.x, y: n.position.y + offset.y } }));
  return {
    command: { type: 'paste', nodes, edges, notes },
    newIds: { nodes: nodes.map((n) => n.id), edges: edges.map((e) => e.id), notes: notes.map((n) => n.id) },
  };
}
