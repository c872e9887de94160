import { describe, expect, it } from 'vitest';
import { createEditor } from '../../../app/commands/history';
import { doc, edge, node } from '../../../app/model/testing';
import { createFlowMapper } from './flow';

/** The canvas stays fluid on large diagrams because unchanged elements keep their view objects. */
describe('flow mapper', () => {
  const start = doc(
    [node('vpc', 'vpc'), node('sub', 'subnet', 'vpc'), node('mng', 'managedNodeGroup', 'sub'), node('w', 'workload', 'mng'), node('x', 'quantumThing')],
    [edge('e1', 'runsOn', 'w', 'mng'), edge('e2', 'joins', 'w', 'sub')],
  );

  it('maps containers, leaves, unknown kinds and parents for React Flow', () => {
    const views = createFlowMapper().nodes(start, new Set(['w']), null);
    expect(views.map((v) => [v.id, v.type, v.parentId ?? null])).toEqual([
      ['vpc', 'container', null],
      ['sub', 'container', 'vpc'],
      ['mng', 'container', 'sub'],
      ['w', 'leaf', 'mng'],
      ['x', 'unknown', null],
    ]);
    expect(views.find((v) => v.id === 'w')?.selected).toBe(true);
  });

  it('keeps the view objects of elements that did not change, and marks disallowed connections', () => {
    const mapper = createFlowMapper();
    const kinds = (d: typeof start) => new Map(d.nodes.map((n) => [n.id, n.kind]));
    const before = mapper.nodes(start, new Set(), null);
    const edgesBefore = mapper.edges(start, new Set(), kinds(start));
    expect(edgesBefore.map((e) => e.data?.valid)).toEqual([true, false]);

    const ed = createEditor(start);
    ed.dispatch({ type: 'moveNodes', moves: [{ id: 'w', position: { x: 50, y: 50 } }] });
    const next = ed.getState().document;
    const after = mapper.nodes(next, new Set(), null);
    const edgesAfter = mapper.edges(next, new Set(), kinds(next));
    after.forEach((v, i) => {
      if (v.id === 'w') expect(v).not.toBe(before[i]);
      else expect(v).toBe(before[i]);
    });
    edgesAfter.forEach((v, i) => expect(v).toBe(edgesBefore[i]));
  });
});
