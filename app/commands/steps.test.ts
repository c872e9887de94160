import { describe, expect, it } from 'vitest';
import { doc, edge, node, step } from '../model/testing';
import type { DiagramDocument } from '../model/types';
import { copySelection, pasteCommand } from './clipboard';
import { createEditor } from './history';

/** A VPC with a subnet holding a NAT gateway, an internet gateway, and two presentation steps. */
function start(): DiagramDocument {
  return doc(
    [node('vpc', 'vpc'), node('subnet', 'subnet', 'vpc'), node('nat', 'natGateway', 'subnet'), node('igw', 'internetGateway', 'vpc')],
    [edge('e1', 'egressVia', 'subnet', 'nat'), edge('e2', 'routesTo', 'nat', 'igw')],
    [step('s1', ['vpc', 'igw'], [], 'Network'), step('s2', ['subnet', 'nat'], ['e2'], 'Egress')],
  );
}

describe('setPresentationSteps', () => {
  it('replaces the steps as one undo step', () => {
    const ed = createEditor(start());
    const next = [step('s2', ['nat'], [], 'Egress first'), step('s1', ['vpc'], ['e1'], 'Network')];
    expect(ed.dispatch({ type: 'setPresentationSteps', steps: next })).toBe(true);
    expect(ed.getState().document.presentation.steps).toEqual(next);
    expect(ed.getState().dirty).toBe(true);
    ed.undo();
    expect(ed.getState().document).toEqual(start());
    expect(ed.getState().dirty).toBe(false);
    ed.redo();
    expect(ed.getState().document.presentation.steps).toEqual(next);
  });

  it('records nothing when the steps do not change', () => {
    const ed = createEditor(start());
    expect(ed.dispatch({ type: 'setPresentationSteps', steps: structuredClone(start().presentation.steps) })).toBe(false);
    expect(ed.getState().canUndo).toBe(false);
    expect(ed.getState().dirty).toBe(false);
  });

  it('leaves out references to what does not exist, repeats and repeated step ids', () => {
    const ed = createEditor(start());
    ed.dispatch({
      type: 'setPresentationSteps',
      steps: [step('a', ['nat', 'ghost', 'nat'], ['e1', 'vpc']), step('a', ['igw']), step('', ['vpc'])],
    });
    expect(ed.getState().document.presentation.steps).toEqual([step('a', ['nat'], ['e1'])]);
  });

  it('does not keep the caller’s objects', () => {
    const ed = createEditor(start());
    const steps = [step('s1', ['vpc'])];
    ed.dispatch({ type: 'setPresentationSteps', steps });
    steps[0]!.nodes.push('igw');
    expect(ed.getState().document.presentation.steps[0]?.nodes).toEqual(['vpc']);
  });
});

describe('deleting components takes them out of the steps', () => {
  it('in the same command, and one undo restores both', () => {
    const ed = createEditor(start());
    ed.dispatch({ type: 'deleteElements', nodeIds: ['nat'], edgeIds: [] });
    const after = ed.getState().document;
    expect(after.nodes.map((n) => n.id)).toEqual(['vpc', 'subnet', 'igw']);
    // e2 went with nat, so it leaves s2 as well; the step itself stays.
    expect(after.presentation.steps).toEqual([step('s1', ['vpc', 'igw'], [], 'Network'), step('s2', ['subnet'], [], 'Egress')]);
    expect(ed.undo()).toBe(true);
    expect(ed.getState().document).toEqual(start());
    expect(ed.getState().canUndo).toBe(false);
  });

  it('with everything inside a deleted container', () => {
    const ed = createEditor(start());
    ed.dispatch({ type: 'deleteElements', nodeIds: ['vpc'], edgeIds: [] });
    expect(ed.getState().document.presentation.steps.map((s) => [s.nodes, s.edges])).toEqual([
      [[], []],
      [[], []],
    ]);
    ed.undo();
    expect(ed.getState().document).toEqual(start());
  });

  it('for a deleted connection', () => {
    const ed = createEditor(start());
    ed.dispatch({ type: 'deleteElements', nodeIds: [], edgeIds: ['e2'] });
    expect(ed.getState().document.presentation.steps[1]).toEqual(step('s2', ['subnet', 'nat'], [], 'Egress'));
    ed.undo();
    expect(ed.getState().document.presentation.steps[1]?.edges).toEqual(['e2']);
  });

  it('leaves steps alone when nothing in them is deleted', () => {
    const ed = createEditor(start());
    const before = ed.getState().document.presentation;
    ed.dispatch({ type: 'deleteElements', nodeIds: [], edgeIds: ['e1'] });
    expect(ed.getState().document.presentation).toBe(before);
  });
});

describe('pasted and duplicated components', () => {
  it('are not added to any step', () => {
    const d = start();
    const ed = createEditor(d);
    const clip = copySelection(d, ['subnet']);
    const { command, newIds } = pasteCommand(d, clip, { x: 24, y: 24 }, () => 'vpc');
    ed.dispatch(command);
    const after = ed.getState().document;
    expect(newIds.nodes).toHaveLength(2);
    expect(after.presentation).toEqual(d.presentation);
    const named = new Set(after.presentation.steps.flatMap((s) => [...s.nodes, ...s.edges]));
    for (const id of [...newIds.nodes, ...newIds.edges]) expect(named.has(id)).toBe(false);
  });
});
