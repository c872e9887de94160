import type { Draft } from 'immer';
import { withDescendants } from '../model/document';
import type { DiagramDocument, DiagramEdge, DiagramMeta, DiagramNode, DiagramNote, Json, Point, PresentationStep, Size } from '../model/types';

/**
 * Every edit to a document is one of these commands. The UI never mutates the
 * document itself: it dispatches commands, and the history records each as
 * immer patches so that it can be undone.
 *
 * Commands are plain data (serialisable, loggable) and trust their caller to
 * have checked the edit (placement and connection refusals happen before a
 * command is built); they still never corrupt the tree: unknown ids are
 * ignored and a reparent that would make a cycle is ignored.
 */
export type Command =
  | { readonly type: 'addNode'; readonly node: DiagramNode }
  | { readonly type: 'moveNodes'; readonly moves: readonly { readonly id: string; readonly position: Point }[] }
  | { readonly type: 'resizeNode'; readonly id: string; readonly position: Point; readonly size: Size }
  | { readonly type: 'reparentNode'; readonly id: string; readonly parent: string | null; readonly position: Point }
  | { readonly type: 'connect'; readonly edge: DiagramEdge }
  | { readonly type: 'setEdgeKind'; readonly id: string; readonly kind: string; readonly props?: Readonly<Record<string, Json>> }
  | { readonly type: 'deleteElements'; readonly nodeIds: readonly string[]; readonly edgeIds: readonly string[]; readonly noteIds?: readonly string[] }
  | { readonly type: 'setLabel'; readonly target: 'node' | 'edge'; readonly id: string; readonly label: string }
  | { readonly type: 'setProp'; readonly target: 'node' | 'edge'; readonly id: string; readonly name: string; readonly value: Json }
  | { readonly type: 'paste'; readonly nodes: readonly DiagramNode[]; readonly edges: readonly DiagramEdge[]; readonly notes?: readonly DiagramNote[] }
  | { readonly type: 'addNote'; readonly note: DiagramNote }
  | { readonly type: 'setNoteText'; readonly id: string; readonly text: string }
  | { readonly type: 'setMeta'; readonly meta: Partial<Pick<DiagramMeta, 'title' | 'description' | 'lang'>> }
  /**
   * Replaces the presentation steps (add, rename, reorder, delete, change what a
   * step reveals: the step editor computes the new list). References to nodes
   * or edges that do not exist, repeated references and repeated step ids are
   * left out, so the document stays what a file read would give.
   */
  | { readonly type: 'setPresentationSteps'; readonly steps: readonly PresentationStep[] };

export type CommandType = Command['type'];

function nodeIndex(draft: Draft<DiagramDocument>): Map<string, number> {
  return new Map(draft.nodes.map((n, i) => [n.id, i]));
}

/**
 * Moves a node and its subtree to the end of the array when its (new) parent
 * comes after it, so that "a parent comes before its children" (format.md)
 * holds, and a node dropped into a container is drawn on top.
 */
function restoreParentOrder(draft: Draft<DiagramDocument>, id: string): void {
  const index = nodeIndex(draft);
  const node = draft.nodes[index.get(id) ?? -1];
  if (!node || node.parent === null) return;
  const parentAt = index.get(node.parent) ?? -1;
  if (parentAt < (index.get(id) ?? -1)) return;
  const subtree = withDescendants(draft, [id]);
  const moved = draft.nodes.filter((n) => subtree.has(n.id));
  const kept = draft.nodes.filter((n) => !subtree.has(n.id));
  draft.nodes.splice(0, draft.nodes.length, ...kept, ...moved);
}

function wouldCycle(draft: Draft<DiagramDocument>, id: string, parent: string | null): boolean {
  if (parent === null) return false;
  return withDescendants(draft, [id]).has(parent);
}

/** Steps as a file read would leave them: known references only, each once per step; unique step ids. */
function cleanSteps(draft: Draft<DiagramDocument>, steps: readonly PresentationStep[]): PresentationStep[] {
  const nodeIds = new Set(draft.nodes.map((n) => n.id));
  const edgeIds = new Set(draft.edges.map((e) => e.id));
  const stepIds = new Set<string>();
  const out: PresentationStep[] = [];
  for (const s of steps) {
    if (s.id === '' || stepIds.has(s.id)) continue;
    stepIds.add(s.id);
    const step: PresentationStep = {
      id: s.id,
      title: s.title,
      nodes: [...new Set(s.nodes)].filter((id) => nodeIds.has(id)),
      edges: [...new Set(s.edges)].filter((id) => edgeIds.has(id)),
    };
    if (s.extra) step.extra = s.extra;
    out.push(step);
  }
  return out;
}

/** Applies one command to an immer draft. Pure apart from the draft. */
export function mutateDocument(draft: Draft<DiagramDocument>, command: Command): void {
  switch (command.type) {
    case 'addNode': {
      if (draft.nodes.some((n) => n.id === command.node.id)) return;
      draft.nodes.push(structuredClone(command.node) as Draft<DiagramNode>);
      restoreParentOrder(draft, command.node.id);
      return;
    }
    case 'moveNodes': {
      const index = nodeIndex(draft);
      for (const move of command.moves) {
        const node = draft.nodes[index.get(move.id) ?? -1];
        if (node) node.position = { x: move.position.x, y: move.position.y };
        else {
          const note = draft.notes.find((n) => n.id === move.id);
          if (note) note.position = { x: move.position.x, y: move.position.y };
        }
      }
      return;
    }
    case 'resizeNode': {
      const node = draft.nodes.find((n) => n.id === command.id);
      if (!node) return;
      // Resizing from the top or left edge moves the container's corner; its
      // children keep their place on screen, so their relative positions shift back.
      const dx = command.position.x - node.position.x;
      const dy = command.position.y - node.position.y;
      if (dx !== 0 || dy !== 0) {
        for (const child of draft.nodes) {
          if (child.parent === node.id) child.position = { x: child.position.x - dx, y: child.position.y - dy };
        }
      }
      node.position = { ...command.position };
      node.size = { width: command.size.width, height: command.size.height };
      return;
    }
    case 'reparentNode': {
      const node = draft.nodes.find((n) => n.id === command.id);
      if (!node || wouldCycle(draft, command.id, command.parent)) return;
      if (command.parent !== null && !draft.nodes.some((n) => n.id === command.parent)) return;
      node.parent = command.parent;
      node.position = { ...command.position };
      restoreParentOrder(draft, command.id);
      return;
    }
    case 'connect': {
      if (draft.edges.some((e) => e.id === command.edge.id)) return;
      draft.edges.push(structuredClone(command.edge) as Draft<DiagramEdge>);
      return;
    }
    case 'setEdgeKind': {
      const edge = draft.edges.find((e) => e.id === command.id);
      if (!edge) return;
      edge.kind = command.kind;
      edge.props = structuredClone({ ...(command.props ?? {}) }) as Draft<Record<string, Json>>;
      return;
    }
    case 'deleteElements': {
      const nodes = withDescendants(draft, command.nodeIds);
      const edges = new Set(command.edgeIds);
      const notes = new Set(command.noteIds ?? []);
      const keepNodes = draft.nodes.filter((n) => !nodes.has(n.id));
      const keepEdges = draft.edges.filter((e) => !edges.has(e.id) && !nodes.has(e.source) && !nodes.has(e.target));
      const keepNotes = draft.notes.filter((n) => !notes.has(n.id));
      // The same command takes what it deletes out of the presentation steps, so one undo restores both.
      const keptEdgeIds = keepEdges.length === draft.edges.length ? null : new Set(keepEdges.map((e) => e.id));
      for (const step of draft.presentation.steps) {
        if (step.nodes.some((id) => nodes.has(id))) step.nodes = step.nodes.filter((id) => !nodes.has(id));
        if (keptEdgeIds && step.edges.some((id) => !keptEdgeIds.has(id))) step.edges = step.edges.filter((id) => keptEdgeIds.has(id));
      }
      // Only touch arrays that change, so an empty delete records no patch.
      if (keepNodes.length !== draft.nodes.length) draft.nodes = keepNodes;
      if (keepEdges.length !== draft.edges.length) draft.edges = keepEdges;
      if (keepNotes.length !== draft.notes.length) draft.notes = keepNotes;
      return;
    }
    case 'setLabel': {
      const list: Draft<DiagramNode | DiagramEdge>[] = command.target === 'node' ? draft.nodes : draft.edges;
      const el = list.find((x) => x.id === command.id);
      if (el && el.label !== command.label) el.label = command.label;
      return;
    }
    case 'setProp': {
      const list: Draft<DiagramNode | DiagramEdge>[] = command.target === 'node' ? draft.nodes : draft.edges;
      const el = list.find((x) => x.id === command.id);
      if (el) el.props[command.name] = structuredClone(command.value) as Draft<Json>;
      return;
    }
    case 'paste': {
      const taken = new Set([...draft.nodes.map((n) => n.id), ...draft.edges.map((e) => e.id), ...draft.notes.map((n) => n.id)]);
      for (const n of command.nodes) if (!taken.has(n.id)) draft.nodes.push(structuredClone(n) as Draft<DiagramNode>);
      for (const n of command.nodes) restoreParentOrder(draft, n.id);
      for (const e of command.edges) if (!taken.has(e.id)) draft.edges.push(structuredClone(e) as Draft<DiagramEdge>);
      for (const n of command.notes ?? []) if (!taken.has(n.id)) draft.notes.push(structuredClone(n) as Draft<DiagramNote>);
      return;
    }
    case 'addNote': {
      if (!draft.notes.some((n) => n.id === command.note.id)) draft.notes.push(structuredClone(command.note) as Draft<DiagramNote>);
      return;
    }
    case 'setNoteText': {
      const note = draft.notes.find((n) => n.id === command.id);
      if (note) note.text = command.text;
      return;
    }
    case 'setMeta': {
      const { title, description, lang } = command.meta;
      if (title !== undefined) draft.meta.title = title;
      if (description !== undefined) draft.meta.description = description;
      if (lang !== undefined) draft.meta.lang = lang;
      return;
    }
    case 'setPresentationSteps': {
      const steps = cleanSteps(draft, command.steps);
      // An identical list records no patch (no undo step, no dirty marker).
      if (JSON.stringify(steps) === JSON.stringify(draft.presentation.steps)) return;
      draft.presentation.steps = structuredClone(steps) as Draft<PresentationStep>[];
      return;
    }
    default: {
      const never: never = command;
      throw new Error(`unknown command ${JSON.stringify(never)}`);
    }
  }
}
