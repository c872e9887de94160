import type { DiagramDocument, DiagramEdge, DiagramNode } from './types';

/** Small read helpers over a plain document. Linear scans: call sites are per gesture, not per frame. */

export function findNode(doc: DiagramDocument, id: string): DiagramNode | undefined {
  return doc.nodes.find((n) => n.id === id);
}

export function findEdge(doc: DiagramDocument, id: string): DiagramEdge | undefined {
  return doc.edges.find((e) => e.id === id);
}

/** Ids of `ids` and all their descendants. */
export function withDescendants(doc: Pick<DiagramDocument, 'nodes'>, ids: Iterable<string>): Set<string> {
  const children = new Map<string, string[]>();
  for (const n of doc.nodes) {
    if (n.parent === null) continue;
    const list = children.get(n.parent);
    if (list) list.push(n.id);
    else children.set(n.parent, [n.id]);
  }
  const out = new Set<string>();
  const stack = [...ids];
  while (stack.length > 0) {
    const id = stack.pop() as string;
    if (out.has(id)) continue;
    out.add(id);
    stack.push(...(children.get(id) ?? []));
  }
  return out;
}

/**
 * The ids among `ids` that have no ancestor in `ids`, in the given order: the
 * nodes a move must shift (their descendants follow through relative positions).
 */
export function topmost(doc: Pick<DiagramDocument, 'nodes'>, ids: readonly string[]): string[] {
  const chosen = new Set(ids);
  const parentOf = new Map(doc.nodes.map((n) => [n.id, n.parent]));
  return ids.filter((id) => {
    const seen = new Set<string>();
    for (let p = parentOf.get(id) ?? null; p !== null && !seen.has(p); p = parentOf.get(p) ?? null) {
      if (chosen.has(p)) return false;
      seen.add(p);
    }
    return true;
  });
}

/** True when `ancestor` is `id` itself or one of its ancestors. */
export function isSelfOrAncestor(doc: DiagramDocument, ancestor: string, id: string): boolean {
  const byId = new Map(doc.nodes.map((n) => [n.id, n]));
  let cur: string | null = id;
  const seen = new Set<string>();
  while (cur !== null && !seen.has(cur)) {
    if (cur === ancestor) return true;
    seen.add(cur);
    cur = byId.get(cur)?.parent ?? null;
  }
  return false;
}

/**
 * A fresh id for a new element: a short prefix and the lowest free number.
 * Ids are never renumbered afterwards (format.md), so readable ids stay stable in git diffs.
 */
export function freshId(taken: ReadonlySet<string>, prefix: string): string {
  const base = prefix.replace(/[^A-Za-z0-9_-]/g, '') || 'n';
  for (let i = 1; ; i++) {
    const id = `${base}-${i}`;
    if (!taken.has(id)) return id;
  }
}

export function allIds(doc: DiagramDocument): Set<string> {
  const ids = new Set<string>();
  for (const n of doc.nodes) ids.add(n.id);
  for (const e of doc.edges) ids.add(e.id);
  for (const n of doc.notes) ids.add(n.id);
  return ids;
}
