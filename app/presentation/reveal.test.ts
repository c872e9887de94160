import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { doc, edge, node, step } from '../model/testing';
import type { DiagramDocument } from '../model/types';
import { revealAt, revealPlan, visibleAt } from './reveal';

/**
 * acct > vpc > subnet > { nat, mng > web }, cp at the root, users at the root.
 */
function diagram(steps: DiagramDocument['presentation']['steps']): DiagramDocument {
  return doc(
    [
      node('acct', 'customerAccount'),
      node('vpc', 'vpc', 'acct'),
      node('subnet', 'subnet', 'vpc'),
      node('nat', 'natGateway', 'subnet'),
      node('mng', 'managedNodeGroup', 'subnet'),
      node('web', 'workload', 'mng'),
      node('cp', 'eksControlPlane'),
      node('users', 'endUser'),
    ],
    [edge('join', 'joins', 'mng', 'cp'), edge('egress', 'egressVia', 'subnet', 'nat'), edge('in', 'routesTo', 'users', 'web')],
    steps,
  );
}

const sorted = (s: ReadonlySet<string>) => [...s].sort();

describe('revealPlan and visibleAt', () => {
  it('shows everything when there are no steps', () => {
    const plan = revealPlan(diagram([]));
    expect(plan.stepCount).toBe(0);
    const all = visibleAt(plan, 1);
    expect(all.nodes.size).toBe(8);
    expect(all.edges.size).toBe(3);
    expect(revealAt(plan, 1).newNodes.size).toBe(0);
  });

  it('keeps nodes that no step names visible from the start, as context', () => {
    const plan = revealPlan(diagram([step('s1', ['cp']), step('s2', ['users'])]));
    expect(sorted(visibleAt(plan, 1).nodes)).toEqual(['acct', 'cp', 'mng', 'nat', 'subnet', 'vpc', 'web']);
    expect(sorted(visibleAt(plan, 2).nodes)).toEqual(['acct', 'cp', 'mng', 'nat', 'subnet', 'users', 'vpc', 'web']);
  });

  it('reveals a named container with what it holds that no step names', () => {
    const plan = revealPlan(diagram([step('s1', ['cp']), step('s2', ['subnet']), step('s3', ['mng'])]));
    // acct and vpc are context; the subnet brings nat (unnamed) at step 2, mng brings web at step 3.
    expect(sorted(visibleAt(plan, 1).nodes)).toEqual(['acct', 'cp', 'users', 'vpc']);
    expect(sorted(visibleAt(plan, 2).nodes)).toEqual(['acct', 'cp', 'nat', 'subnet', 'users', 'vpc']);
    expect(sorted(visibleAt(plan, 3).nodes)).toEqual(['acct', 'cp', 'mng', 'nat', 'subnet', 'users', 'vpc', 'web']);
    expect(sorted(revealAt(plan, 2).newNodes)).toEqual(['nat', 'subnet']);
    expect(sorted(revealAt(plan, 3).newNodes)).toEqual(['mng', 'web']);
  });

  it('reveals the ancestors of a named node with it, even when a later step names them', () => {
    const plan = revealPlan(diagram([step('s1', ['web']), step('s2', ['acct', 'vpc', 'subnet', 'mng'])]));
    const first = visibleAt(plan, 1).nodes;
    for (const id of ['web', 'mng', 'subnet', 'vpc', 'acct']) expect(first.has(id)).toBe(true);
    // nat is inside the subnet, which step 2 names: it comes with that step, not with web.
    expect(first.has('nat')).toBe(false);
    expect(revealAt(plan, 2).newNodes).toEqual(new Set(['nat']));
  });

  it('shows a connection once both ends are visible', () => {
    const plan = revealPlan(diagram([step('s1', ['acct']), step('s2', ['cp']), step('s3', ['users'])]));
    expect(sorted(visibleAt(plan, 1).edges)).toEqual(['egress']);
    expect(sorted(visibleAt(plan, 2).edges)).toEqual(['egress', 'join']);
    expect(sorted(visibleAt(plan, 3).edges)).toEqual(['egress', 'in', 'join']);
    expect(revealAt(plan, 3).newEdges).toEqual(new Set(['in']));
  });

  it('holds a connection back until the step that names it', () => {
    const plan = revealPlan(diagram([step('s1', ['acct', 'cp']), step('s2', ['users'], ['join'])]));
    expect(visibleAt(plan, 1).edges.has('join')).toBe(false);
    expect(visibleAt(plan, 2).edges.has('join')).toBe(true);
    // Naming a connection never shows it before its ends.
    const early = revealPlan(diagram([step('s1', [], ['in']), step('s2', ['users'])]));
    expect(visibleAt(early, 1).edges.has('in')).toBe(false);
    expect(visibleAt(early, 2).edges.has('in')).toBe(true);
  });

  it('reveals a node named by several steps at the first of them', () => {
    const plan = revealPlan(diagram([step('s1', ['cp']), step('s2', ['users', 'cp'])]));
    expect(plan.nodeStage.get('cp')).toBe(1);
    expect(revealAt(plan, 2).newNodes).toEqual(new Set(['users']));
  });

  it('clamps the position to the steps', () => {
    const plan = revealPlan(diagram([step('s1', ['cp']), step('s2', ['users'])]));
    expect(visibleAt(plan, 0)).toEqual(visibleAt(plan, 1));
    expect(visibleAt(plan, 9)).toEqual(visibleAt(plan, 2));
  });

  it('shows more at every step, and everything at the last, with every visible node inside a visible container', () => {
    const ids = ['acct', 'vpc', 'subnet', 'nat', 'mng', 'web', 'cp', 'users'];
    const edgeIds = ['join', 'egress', 'in'];
    const stepArb = fc.record({ nodes: fc.subarray(ids), edges: fc.subarray(edgeIds) });
    fc.assert(
      fc.property(fc.array(stepArb, { minLength: 1, maxLength: 5 }), (raw) => {
        const d = diagram(raw.map((s, i) => step(`s${i + 1}`, s.nodes, s.edges)));
        const plan = revealPlan(d);
        const parentOf = new Map(d.nodes.map((n) => [n.id, n.parent]));
        let before = new Set<string>();
        for (let k = 1; k <= raw.length; k++) {
          const { nodes, edges } = visibleAt(plan, k);
          for (const id of before) expect(nodes.has(id)).toBe(true);
          for (const id of nodes) {
            const p = parentOf.get(id);
            if (p) expect(nodes.has(p)).toBe(true);
          }
          for (const e of d.edges) if (edges.has(e.id)) expect(nodes.has(e.source) && nodes.has(e.target)).toBe(true);
          before = nodes;
        }
        const last = visibleAt(plan, raw.length);
        expect(last.nodes.size).toBe(ids.length);
        expect(last.edges.size).toBe(edgeIds.length);
      }),
      { numRuns: 300 },
    );
  });
});
