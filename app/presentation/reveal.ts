import type { DiagramDocument } from '../model/types';

/**
 * What the presenter shows at each step (docs/format.md, "presentation").
 *
 * Positions run from 1 to the number of steps; at position k the steps 1..k
 * have been revealed. With no steps there is one position showing everything.
 *
 *   - A node named by no step is context: visible from the start. So is
 *     everything inside it that no step names.
 *   - A node named by steps appears at the first of them. What it holds and no
 *     step names appears with it (a revealed VPC brings its unnamed subnets).
 *   - A container appears no later than anything it holds: naming a node also
 *     reveals its ancestors.
 *   - A connection appears once both ends are visible; a step that names it
 *     holds it back until that step.
 *   - Notes are annotations, not components: always visible.
 *
 * Stages are numbers: 0 is "from the start", k is "at step k".
 */
export interface RevealPlan {
  readonly stepCount: number;
  readonly nodeStage: ReadonlyMap<string, number>;
  readonly edgeStage: ReadonlyMap<string, number>;
}

export function revealPlan(doc: Pick<DiagramDocument, 'nodes' | 'edges' | 'presentation'>): RevealPlan {
  const steps = doc.presentation.steps;
  const ownNode = new Map<string, number>();
  const ownEdge = new Map<string, number>();
  steps.forEach((step, i) => {
    for (const id of step.nodes) if (!ownNode.has(id)) ownNode.set(id, i + 1);
    for (const id of step.edges) if (!ownEdge.has(id)) ownEdge.set(id, i + 1);
  });

  const byId = new Map(doc.nodes.map((n) => [n.id, n]));
  // Down the tree: a node no step names takes its nearest named ancestor's step (0 when none).
  const inherited = new Map<string, number>();
  const inheritedOf = (id: string): number => {
    const path: string[] = [];
    let value = 0;
    const seen = new Set<string>();
    for (let cur: string | null = id; cur !== null && !seen.has(cur); ) {
      seen.add(cur);
      const known = inherited.get(cur) ?? ownNode.get(cur);
      if (known !== undefined) {
        value = known;
        break;
      }
      path.push(cur);
      cur = byId.get(cur)?.parent ?? null;
    }
    for (const p of path) inherited.set(p, value);
    return inherited.get(id) ?? value;
  };
  const stage = new Map<string, number>();
  for (const n of doc.nodes) stage.set(n.id, inheritedOf(n.id));

  // Up the tree: a container is visible once anything inside it is.
  for (const n of doc.nodes) {
    const s = stage.get(n.id) as number;
    const seen = new Set<string>([n.id]);
    for (let p = n.parent; p !== null && byId.has(p) && !seen.has(p); p = byId.get(p)?.parent ?? null) {
      seen.add(p);
      const ps = stage.get(p) as number;
      if (ps <= s) break;
      stage.set(p, s);
    }
  }

  const edgeStage = new Map<string, number>();
  for (const e of doc.edges) {
    edgeStage.set(e.id, Math.max(stage.get(e.source) ?? 0, stage.get(e.target) ?? 0, ownEdge.get(e.id) ?? 0));
  }
  return { stepCount: steps.length, nodeStage: stage, edgeStage };
}

export interface RevealFrame {
  /** Ids hidden at this position. */
  readonly hiddenNodes: ReadonlySet<string>;
  readonly hiddenEdges: ReadonlySet<string>;
  /** Ids that appear at this position (not visible at the one before). */
  readonly newNodes: ReadonlySet<string>;
  readonly newEdges: ReadonlySet<string>;
}

/** Position `k` (clamped to 1..stepCount; everything visible when there are no steps). */
export function revealAt(plan: RevealPlan, k: number): RevealFrame {
  const at = plan.stepCount === 0 ? Infinity : Math.min(Math.max(1, Math.floor(k)), plan.stepCount);
  const split = (stages: ReadonlyMap<string, number>) => {
    const hidden = new Set<string>();
    const fresh = new Set<string>();
    for (const [id, s] of stages) {
      if (s > at) hidden.add(id);
      else if (s === at) fresh.add(id);
    }
    return { hidden, fresh };
  };
  const nodes = split(plan.nodeStage);
  const edges = split(plan.edgeStage);
  return { hiddenNodes: nodes.hidden, hiddenEdges: edges.hidden, newNodes: nodes.fresh, newEdges: edges.fresh };
}

/** Visible node and edge ids at position `k`. */
export function visibleAt(plan: RevealPlan, k: number): { nodes: Set<string>; edges: Set<string> } {
  const frame = revealAt(plan, k);
  return {
    nodes: new Set([...plan.nodeStage.keys()].filter((id) => !frame.hiddenNodes.has(id))),
    edges: new Set([...plan.edgeStage.keys()].filter((id) => !frame.hiddenEdges.has(id))),
  };
}
