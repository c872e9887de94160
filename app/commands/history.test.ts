import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { emptyDocument, type DiagramDocument, type DiagramNode } from '../model/types';
import type { Command } from './commands';
import { createEditor } from './history';

const leaf = (id: string, parent: string | null = null, x = 0): DiagramNode => ({
  id,
  kind: 'workload',
  label: id,
  parent,
  position: { x, y: 0 },
  props: {},
});
const box = (id: string, parent: string | null = null): DiagramNode => ({
  ...leaf(id, parent),
  kind: 'vpc',
  size: { width: 400, height: 300 },
});

function start(): DiagramDocument {
  return { ...emptyDocument('en'), nodes: [box('vpc-1'), leaf('w-1', 'vpc-1')] };
}

describe('editor history', () => {
  it('makes one dispatch one undo step and redoes it', () => {
    const ed = createEditor(start());
    ed.dispatch({ type: 'setLabel', target: 'node', id: 'w-1', label: 'api' });
    expect(ed.getState().document.nodes[1]?.label).toBe('api');
    expect(ed.getState().dirty).toBe(true);
    ed.undo();
    expect(ed.getState().document).toEqual(start());
    expect(ed.getState().dirty).toBe(false);
    ed.redo();
    expect(ed.getState().document.nodes[1]?.label).toBe('api');
  });

  it('records a whole drag as one step and Escape rolls it back', () => {
    const ed = createEditor(start());
    ed.beginGesture('move');
    for (let x = 1; x <= 20; x++) ed.dispatch({ type: 'moveNodes', moves: [{ id: 'w-1', position: { x, y: x } }] });
    ed.endGesture();
    expect(ed.getState().document.nodes[1]?.position).toEqual({ x: 20, y: 20 });
    ed.undo();
    expect(ed.getState().document.nodes[1]?.position).toEqual({ x: 0, y: 0 });
    expect(ed.getState().canUndo).toBe(false);

    ed.beginGesture('move');
    ed.dispatch({ type: 'moveNodes', moves: [{ id: 'w-1', position: { x: 50, y: 50 } }] });
    ed.cancelGesture();
    expect(ed.getState().document).toEqual(start());
    expect(ed.getState().canUndo).toBe(false);
  });

  it('deletes a container with its children and touching edges in one step', () => {
    const doc = start();
    doc.nodes.push(leaf('w-2'));
    doc.edges.push({ id: 'e-1', kind: 'callsService', source: 'w-1', target: 'w-2', label: '', props: {} });
    const ed = createEditor(doc);
    ed.dispatch({ type: 'deleteElements', nodeIds: ['vpc-1'], edgeIds: [] });
    expect(ed.getState().document.nodes.map((n) => n.id)).toEqual(['w-2']);
    expect(ed.getState().document.edges).toEqual([]);
    ed.undo();
    expect(ed.getState().document).toEqual(doc);
  });

  it('keeps parents before children when reparenting into a later container', () => {
    const doc = { ...emptyDocument('en'), nodes: [leaf('w-1'), box('vpc-1')] };
    const ed = createEditor(doc);
    ed.dispatch({ type: 'reparentNode', id: 'w-1', parent: 'vpc-1', position: { x: 10, y: 10 } });
    expect(ed.getState().document.nodes.map((n) => n.id)).toEqual(['vpc-1', 'w-1']);
  });

  it('ignores a reparent that would make a cycle', () => {
    const ed = createEditor(start());
    expect(ed.dispatch({ type: 'reparentNode', id: 'vpc-1', parent: 'w-1', position: { x: 0, y: 0 } })).toBe(false);
    expect(ed.getState().canUndo).toBe(false);
  });

  it('tracks unsaved changes against the saved point', () => {
    const ed = createEditor(start());
    ed.dispatch({ type: 'setProp', target: 'node', id: 'w-1', name: 'replicas', value: 3 });
    ed.markSaved();
    expect(ed.getState().dirty).toBe(false);
    ed.undo();
    expect(ed.getState().dirty).toBe(true);
    ed.redo();
    expect(ed.getState().dirty).toBe(false);
  });

  it('clears redo after a new edit', () => {
    const ed = createEditor(start());
    ed.dispatch({ type: 'setLabel', target: 'node', id: 'w-1', label: 'a' });
    ed.undo();
    ed.dispatch({ type: 'setLabel', target: 'node', id: 'w-1', label: 'b' });
    expect(ed.getState().canRedo).toBe(false);
  });
});

/**
 * Random edit sessions: each step is a seed that picks a command valid for the
 * document at that moment (model-based), so sequences exercise every command.
 */
type Seed = { op: number; a: number; b: number; x: number; y: number; s: string };
const seedArb: fc.Arbitrary<Seed> = fc.record({
  op: fc.nat(11),
  a: fc.nat(50),
  b: fc.nat(50),
  x: fc.integer({ min: -500, max: 500 }),
  y: fc.integer({ min: -500, max: 500 }),
  s: fc.string({ maxLength: 8 }),
});

function commandFor(doc: DiagramDocument, seed: Seed, n: number): Command {
  const pick = <T,>(list: readonly T[], i: number): T | undefined => (list.length ? list[i % list.length] : undefined);
  const node = pick(doc.nodes, seed.a);
  const other = pick(doc.nodes, seed.b);
  const edge = pick(doc.edges, seed.a);
  switch (seed.op) {
    case 0:
      return { type: 'addNode', node: seed.x % 2 ? box(`b${n}`, node?.id ?? null) : leaf(`l${n}`, node?.id ?? null, seed.x) };
    case 1:
      return { type: 'moveNodes', moves: node ? [{ id: node.id, position: { x: seed.x, y: seed.y } }] : [] };
    case 2:
      return node
        ? { type: 'resizeNode', id: node.id, position: { x: seed.x, y: seed.y }, size: { width: 10 + seed.a, height: 10 + seed.b } }
        : { type: 'setMeta', meta: { title: seed.s } };
    case 3:
      return node ? { type: 'reparentNode', id: node.id, parent: other?.id ?? null, position: { x: seed.x, y: seed.y } } : { type: 'setMeta', meta: { title: seed.s } };
    case 4:
      return node && other
        ? { type: 'connect', edge: { id: `e${n}`, kind: 'callsService', source: node.id, target: other.id, label: '', props: {} } }
        : { type: 'setMeta', meta: { description: seed.s } };
    case 5:
      return edge ? { type: 'setEdgeKind', id: edge.id, kind: seed.x % 2 ? 'runsOn' : 'egressVia', props: { destination: '0.0.0.0/0' } } : { type: 'setMeta', meta: { lang: 'ja' } };
    case 6:
      return { type: 'deleteElements', nodeIds: node ? [node.id] : [], edgeIds: edge ? [edge.id] : [] };
    case 7:
      return node ? { type: 'setLabel', target: 'node', id: node.id, label: seed.s } : { type: 'setMeta', meta: { title: seed.s } };
    case 8:
      return node ? { type: 'setProp', target: 'node', id: node.id, name: seed.s || 'p', value: seed.x % 3 ? seed.y : [seed.s] } : { type: 'addNote', note: { id: `t${n}`, text: seed.s, position: { x: 0, y: 0 } } };
    case 9:
      return { type: 'paste', nodes: [box(`pb${n}`), leaf(`pl${n}`, `pb${n}`)], edges: [] };
    case 10:
      return { type: 'addNote', note: { id: `t${n}`, text: seed.s, position: { x: seed.x, y: seed.y } } };
    default:
      return doc.notes[0] ? { type: 'setNoteText', id: doc.notes[0].id, text: seed.s } : { type: 'setMeta', meta: { lang: 'en' } };
  }
}

describe('history under random edit sessions', () => {
  it('undo all returns the original document and redo all returns the final one', () => {
    fc.assert(
      fc.property(fc.array(fc.array(seedArb, { minLength: 1, maxLength: 3 }), { maxLength: 40 }), (steps) => {
        const original = start();
        const ed = createEditor(original, { limit: 1000 });
        steps.forEach((group, i) => {
          // Groups of more than one seed run as a gesture, like a drag.
          if (group.length > 1) ed.beginGesture('g');
          group.forEach((seed, j) => ed.dispatch(commandFor(ed.getState().document, seed, i * 10 + j)));
          if (group.length > 1) ed.endGesture();
        });
        const final = ed.getState().document;
        while (ed.undo());
        expect(ed.getState().document).toEqual(original);
        while (ed.redo());
        expect(ed.getState().document).toEqual(final);
        // Parents always precede their children.
        const seen = new Set<string>();
        for (const n of final.nodes) {
          if (n.parent !== null) expect(seen.has(n.parent)).toBe(true);
          seen.add(n.id);
        }
      }),
      { numRuns: 200 },
    );
  });
});
