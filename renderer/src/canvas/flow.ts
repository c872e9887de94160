import type { Edge, Node, XYPosition } from '@xyflow/react';
import { getCategory } from '../../../app/catalog/categories';
import { getConnectionKind, isAllowedPair } from '../../../app/catalog/connections';
import { getKind } from '../../../app/catalog/registry';
import type { DiagramDocument, DiagramEdge, DiagramNode, DiagramNote } from '../../../app/model/types';
import { sizeOf } from '../../../app/model/geometry';

/**
 * The document seen as React Flow nodes and edges. React Flow is a view: these
 * objects are rebuilt from the document and never persisted. Objects are
 * reused while their source element and selection are unchanged (immer keeps
 * unchanged elements identical), so memoised node components skip re-rendering
 * and large diagrams stay fluid.
 */

export type KNodeData = { node: DiagramNode; kindOk: boolean };
export type KNoteData = { note: DiagramNote };
export type KEdgeData = { edge: DiagramEdge; valid: boolean };
export type KNode = Node<KNodeData, 'container' | 'leaf' | 'unknown'> | Node<KNoteData, 'note'>;
export type KEdge = Edge<KEdgeData, 'kumozu'>;

export const NOTE_PREFIX = 'note:';

interface Cached<S, V> {
  src: S;
  selected: boolean;
  extra: unknown;
  view: V;
}

type Dimensions = { width: number; height: number };

/**
 * `noteSize` gives the measured size of a note (notes are sized by their
 * text). Views carry `measured`: React Flow keeps a node's measured handles
 * only when its new view says how big it is, so a moved node is not
 * re-measured (and its connections not dropped and redrawn) on every frame.
 */
export function createFlowMapper(noteSize: (id: string) => Dimensions | undefined = () => undefined) {
  let nodeCache = new Map<string, Cached<DiagramNode, KNode>>();
  let noteCache = new Map<string, Cached<DiagramNote, KNode>>();
  let edgeCache = new Map<string, Cached<DiagramEdge, KEdge>>();

  function nodeView(n: DiagramNode, selected: boolean, dropTarget: boolean): KNode {
    const spec = getKind(n.kind);
    const size = sizeOf(n);
    const type = !spec ? 'unknown' : spec.container ? 'container' : 'leaf';
    return {
      id: n.id,
      type,
      position: n.position,
      ...(n.parent !== null ? { parentId: n.parent } : {}),
      data: { node: n, kindOk: spec !== undefined },
      width: size.width,
      height: size.height,
      measured: { width: size.width, height: size.height },
      selected,
      className: dropTarget ? 'k-drop-target' : undefined,
      // Containers stay below what they hold; React Flow lifts children over their parents.
      ...(type === 'container' ? { zIndex: 0, dragHandle: undefined } : {}),
    } as KNode;
  }

  function edgeView(e: DiagramEdge, selected: boolean, valid: boolean): KEdge {
    const spec = getConnectionKind(e.kind);
    const color = valid && spec ? spec.style.color : '#9AA5B1';
    return {
      id: e.id,
      type: 'kumozu',
      source: e.source,
      target: e.target,
      data: { edge: e, valid },
      selected,
      markerEnd: spec?.style.arrow !== false ? { type: 'arrowclosed' as never, color, width: 16, height: 16 } : undefined,
    } as KEdge;
  }

  return {
    nodes(doc: DiagramDocument, selected: ReadonlySet<string>, dropTarget: string | null): KNode[] {
      const next = new Map<string, Cached<DiagramNode, KNode>>();
      const out: KNode[] = [];
      for (const n of doc.nodes) {
        const sel = selected.has(n.id);
        const extra = dropTarget === n.id;
        const prev = nodeCache.get(n.id);
        const view = prev && prev.src === n && prev.selected === sel && prev.extra === extra ? prev.view : nodeView(n, sel, extra);
        next.set(n.id, { src: n, selected: sel, extra, view });
        out.push(view);
      }
      nodeCache = next;
      const nextNotes = new Map<string, Cached<DiagramNote, KNode>>();
      for (const note of doc.notes) {
        const id = NOTE_PREFIX + note.id;
        const sel = selected.has(id);
        const prev = noteCache.get(id);
        const measured = noteSize(id);
        const view =
          prev && prev.src === note && prev.selected === sel
            ? prev.view
            : ({ id, type: 'note', position: note.position, data: { note }, selected: sel, zIndex: 1000, ...(measured ? { measured } : {}) } as KNode);
        nextNotes.set(id, { src: note, selected: sel, extra: null, view });
        out.push(view);
      }
      noteCache = nextNotes;
      return out;
    },
    edges(doc: DiagramDocument, selected: ReadonlySet<string>, kindOf: ReadonlyMap<string, string>): KEdge[] {
      const next = new Map<string, Cached<DiagramEdge, KEdge>>();
      const out: KEdge[] = [];
      for (const e of doc.edges) {
        const sel = selected.has(e.id);
        const sk = kindOf.get(e.source);
        const tk = kindOf.get(e.target);
        const ends = `${sk}>${tk}`;
        const prev = edgeCache.get(e.id);
        // Reuse the view while the edge, its selection and its end kinds are unchanged (the common case while dragging).
        if (prev && prev.src === e && prev.selected === sel && prev.extra === ends) {
          next.set(e.id, prev);
          out.push(prev.view);
          continue;
        }
        // Edges the palette does not allow are kept but drawn dashed grey (components.md §6.2).
        const valid = sk !== undefined && tk !== undefined && (!getKind(sk) || !getKind(tk) || isAllowedPair(e.kind, sk, tk));
        const view = edgeView(e, sel, valid);
        next.set(e.id, { src: e, selected: sel, extra: ends, view });
        out.push(view);
      }
      edgeCache = next;
      return out;
    },
  };
}

/**
 * The nodes with the positions of a drag in progress. A drag lives in the
 * canvas, not in the document, until the drop: only the dragged nodes get new
 * objects, so React Flow re-renders them (and their connections) and nothing
 * else.
 */
export function withLivePositions(nodes: readonly KNode[], live: ReadonlyMap<string, XYPosition>): KNode[] {
  if (live.size === 0) return nodes as KNode[];
  return nodes.map((n) => {
    const p = live.get(n.id);
    return p ? ({ ...n, position: p, dragging: true } as KNode) : n;
  });
}

export function categoryColor(kind: string): string {
  const spec = getKind(kind);
  return spec ? getCategory(spec.category).color : '#9AA5B1';
}
