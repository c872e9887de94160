import { describe, expect, it } from 'vitest';
import { createEditor } from '../../../app/commands/history';
import { doc, edge, node } from '../../../app/model/testing';
import { createFlowMapper, withLivePositions } from './flow';

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

  it('tells React Flow the size of every node, so a moved node keeps its measured handles', () => {
    const views = createFlowMapper().nodes(start, new Set(), null);
    // A workload is a leaf with the catalog's default size; containers have their own.
    for (const v of views) expect(v.measured).toEqual({ width: v.width, height: v.height });
    const withNote = { ...start, notes: [{ id: 'n1', text: 'hello', position: { x: 0, y: 0 } }] };
    const sized = createFlowMapper((id) => (id === 'note:n1' ? { width: 120, height: 40 } : undefined)).nodes(withNote, new Set(), null);
    expect(sized.find((v) => v.id === 'note:n1')?.measured).toEqual({ width: 120, height: 40 });
    // A note not measured yet is left for React Flow to measure.
    expect(createFlowMapper().nodes(withNote, new Set(), null).find((v) => v.id === 'note:n1')?.measured).toBeUndefined();
  });

  it('shows a drag in progress on the dragged nodes only, without touching the document views', () => {
    const views = createFlowMapper().nodes(start, new Set(), null);
    expect(withLivePositions(views, new Map())).toBe(views);
    const live = withLivePositions(views, new Map([['w', { x: 200, y: 120 }]]));
    live.forEach((v, i) => {
      if (v.id !== 'w') return expect(v).toBe(views[i]);
      expect(v.position).toEqual({ x: 200, y: 120 });
      expect(v.dragging).toBe(true);
      expect(v.measured).toEqual(views[i]?.measured);
      expect(views[i]?.position).not.toEqual({ x: 200, y: 120 });
    });
  });
});
