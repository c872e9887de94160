import type { DiagramEdge, DiagramNode, DiagramNote, DiagramPresentation } from '../model/types';
import { defaultSizeOf, isContainerKind } from '../catalog/registry';
import type { IdCollection, Repair } from './result';

/**
 * The lossless repairs of format.md, one named pass each, run in this order on
 * a freshly read (and therefore privately owned) document. Each pass mutates
 * the draft and reports what it changed; none of them throws.
 *
 * Order matters: ids are made unique first so that every later reference
 * resolves to exactly one node (the first one that had the id).
 */

export interface RepairDraft {
  nodes: DiagramNode[];
  edges: DiagramEdge[];
  notes: DiagramNote[];
  presentation: DiagramPresentation;
}

export type Report = (repair: Repair) => void;

export function repairDocument(draft: RepairDraft): Repair[] {
  const repairs: Repair[] = [];
  const report: Report = (r) => repairs.push(r);
  renameDuplicateIds(draft, report);
  renameDuplicateStepIds(draft, report);
  dropDanglingEdges(draft, report);
  dropDanglingStepReferences(draft, report);
  reparentOrphans(draft, report);
  breakParentCycles(draft, report);
  addMissingContainerSizes(draft, report);
  orderParentsFirst(draft, report);
  return repairs;
}

/**
 * Ids are unique across nodes, edges and notes (the editor draws fresh ids
 * from all three). A later holder of a taken id becomes `id-2`, `id-3`, ...,
 * skipping every id the file already uses. References (edge endpoints,
 * parents) are left alone, so they keep meaning the first holder.
 */
export function renameDuplicateIds(draft: RepairDraft, report: Report): void {
  const taken = new Set<string>();
  for (const n of draft.nodes) taken.add(n.id);
  for (const e of draft.edges) taken.add(e.id);
  for (const n of draft.notes) taken.add(n.id);

  const seen = new Set<string>();
  // Next suffix to try per base id, so many copies of one id stay linear.
  const nextSuffix = new Map<string, number>();
  const visit = (collection: IdCollection, item: { id: string }): void => {
    if (!seen.has(item.id)) {
      seen.add(item.id);
      return;
    }
    const oldId = item.id;
    let n = nextSuffix.get(oldId) ?? 2;
    while (taken.has(`${oldId}-${n}`)) n++;
    const newId = `${oldId}-${n}`;
    nextSuffix.set(oldId, n + 1);
    taken.add(newId);
    seen.add(newId);
    item.id = newId;
    report({ kind: 'duplicateIdRenamed', collection, oldId, newId });
  };
  for (const n of draft.nodes) visit('nodes', n);
  for (const e of draft.edges) visit('edges', e);
  for (const n of draft.notes) visit('notes', n);
}

/**
 * Step ids are unique among the steps (their own namespace). A later step
 * with a taken id becomes `id-2`, `id-3`, ..., as for elements.
 */
export function renameDuplicateStepIds(draft: RepairDraft, report: Report): void {
  const steps = draft.presentation.steps;
  const taken = new Set(steps.map((s) => s.id));
  const seen = new Set<string>();
  for (const step of steps) {
    if (!seen.has(step.id)) {
      seen.add(step.id);
      continue;
    }
    const oldId = step.id;
    let n = 2;
    while (taken.has(`${oldId}-${n}`)) n++;
    step.id = `${oldId}-${n}`;
    taken.add(step.id);
    seen.add(step.id);
    report({ kind: 'duplicateIdRenamed', collection: 'steps', oldId, newId: step.id });
  }
}

/**
 * A step reference to a node or connection that does not exist (after the
 * dangling connections are gone) is dropped, and so is a second reference to
 * the same one within a step; the step itself stays, even when empty.
 */
export function dropDanglingStepReferences(draft: RepairDraft, report: Report): void {
  const exists = { nodes: new Set(draft.nodes.map((n) => n.id)), edges: new Set(draft.edges.map((e) => e.id)) };
  for (const step of draft.presentation.steps) {
    for (const collection of ['nodes', 'edges'] as const) {
      const kept = new Set<string>();
      const refs = step[collection];
      if (refs.every((ref) => exists[collection].has(ref) && !kept.has(ref) && kept.add(ref))) continue;
      kept.clear();
      step[collection] = refs.filter((ref) => {
        const why = !exists[collection].has(ref) ? 'missing' : kept.has(ref) ? 'repeated' : undefined;
        if (why === undefined) {
          kept.add(ref);
          return true;
        }
        report({ kind: 'stepReferenceDropped', stepId: step.id, collection, ref, why });
        return false;
      });
    }
  }
}

/** A connection whose source or target is not a node is dropped. */
export function dropDanglingEdges(draft: RepairDraft, report: Report): void {
  const nodeIds = new Set(draft.nodes.map((n) => n.id));
  draft.edges = draft.edges.filter((e) => {
    const missing = !nodeIds.has(e.source) ? e.source : !nodeIds.has(e.target) ? e.target : undefined;
    if (missing === undefined) return true;
    report({ kind: 'droppedDanglingEdge', edgeId: e.id, missing });
    return false;
  });
}

/**
 * A parent that is not a node becomes `null`. The position is kept as
 * written: without the parent there is nothing to make it absolute against.
 * A parent that exists but is a leaf is kept; the rule engine reports it.
 */
export function reparentOrphans(draft: RepairDraft, report: Report): void {
  const nodeIds = new Set(draft.nodes.map((n) => n.id));
  for (const n of draft.nodes) {
    if (n.parent === null || nodeIds.has(n.parent)) continue;
    report({ kind: 'orphanReparented', nodeId: n.id, missingParent: n.parent });
    n.parent = null;
  }
}

/**
 * Parent chains must end at the root. Walking from each node in array order,
 * a chain that comes back to a node on the current walk is a cycle; the node
 * of the cycle reached last (whose parent closes the loop) goes to the root.
 * Iterative, so a 20,000-deep chain cannot exhaust the stack.
 */
export function breakParentCycles(draft: RepairDraft, report: Report): void {
  const byId = new Map<string, DiagramNode>();
  for (const n of draft.nodes) byId.set(n.id, n);
  const UNSEEN = 0;
  const ON_WALK = 1;
  const DONE = 2;
  const state = new Map<DiagramNode, number>();
  for (const start of draft.nodes) {
    if ((state.get(start) ?? UNSEEN) !== UNSEEN) continue;
    const walk: DiagramNode[] = [];
    let cur: DiagramNode | undefined = start;
    while (cur !== undefined && (state.get(cur) ?? UNSEEN) === UNSEEN) {
      state.set(cur, ON_WALK);
      walk.push(cur);
      cur = cur.parent === null ? undefined : byId.get(cur.parent);
    }
    if (cur !== undefined && state.get(cur) === ON_WALK) {
      const last = walk[walk.length - 1] as DiagramNode;
      report({ kind: 'parentCycleBroken', nodeId: last.id, formerParent: last.parent as string });
      last.parent = null;
    }
    for (const n of walk) state.set(n, DONE);
  }
}

/**
 * A container read without a size gets its kind's default (components.md §3).
 * Leaves keep an absent size; unknown kinds are opaque and never touched.
 */
export function addMissingContainerSizes(draft: RepairDraft, report: Report): void {
  for (const n of draft.nodes) {
    if (n.size !== undefined || !isContainerKind(n.kind)) continue;
    n.size = defaultSizeOf(n.kind);
    report({ kind: 'containerSizeAdded', nodeId: n.id, size: { ...n.size } });
  }
}

/**
 * Parents come before their children (format.md "Order", and React Flow
 * needs it). A parent listed after a child is pulled forward to just before
 * its first descendant, so containers stay beneath their contents; everything
 * else keeps its relative order. Needs acyclic parents (run after
 * `breakParentCycles`).
 */
export function orderParentsFirst(draft: RepairDraft, report: Report): void {
  const byId = new Map<string, DiagramNode>();
  for (const n of draft.nodes) byId.set(n.id, n);
  const placed = new Set<DiagramNode>();
  const ordered: DiagramNode[] = [];
  let moved = 0;
  for (const n of draft.nodes) {
    if (placed.has(n)) continue;
    // Ancestors not yet placed, nearest first.
    const pending: DiagramNode[] = [];
    let p = n.parent === null ? undefined : byId.get(n.parent);
    while (p !== undefined && !placed.has(p)) {
      pending.push(p);
      p = p.parent === null ? undefined : byId.get(p.parent);
    }
    for (let i = pending.length - 1; i >= 0; i--) {
      const ancestor = pending[i] as DiagramNode;
      placed.add(ancestor);
      ordered.push(ancestor);
      moved++;
    }
    placed.add(n);
    ordered.push(n);
  }
  if (moved === 0) return;
  draft.nodes = ordered;
  report({ kind: 'nodesReordered', moved });
}
