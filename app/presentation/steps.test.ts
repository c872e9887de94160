import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { allKinds } from '../catalog/registry';
import { parseDiagram } from '../format/parse';
import { doc, node, step } from '../model/testing';
import type { DiagramDocument } from '../model/types';
import { revealPlan, visibleAt } from './reveal';
import { addStep, addToStep, deleteStep, freshStepId, LAYERS, layerOf, moveStep, removeFromStep, renameStep, stepsByLayer, unstepped } from './steps';

const three = [step('s1', ['a'], [], 'One'), step('s2', ['b', 'c'], ['e1'], 'Two'), step('s4', [], [], 'Three')];

describe('editing steps', () => {
  it('adds a step at the end with the lowest free id', () => {
    expect(freshStepId([])).toBe('s1');
    expect(freshStepId(three)).toBe('s3');
    const { steps, id } = addStep(three, { nodes: ['x', 'y', 'x'], edges: ['e2'] }, 'Four');
    expect(id).toBe('s3');
    expect(steps.at(-1)).toEqual(step('s3', ['x', 'y'], ['e2'], 'Four'));
    expect(three).toHaveLength(3);
  });

  it('renames, and returns the same list when nothing changes', () => {
    expect(renameStep(three, 's2', 'Data plane')[1]?.title).toBe('Data plane');
    expect(renameStep(three, 's2', 'Two')).toBe(three);
    expect(renameStep(three, 'nope', 'x')).toBe(three);
  });

  it('moves a step up and down within bounds', () => {
    expect(moveStep(three, 's2', -1).map((s) => s.id)).toEqual(['s2', 's1', 's4']);
    expect(moveStep(three, 's2', 1).map((s) => s.id)).toEqual(['s1', 's4', 's2']);
    expect(moveStep(three, 's1', -1)).toBe(three);
    expect(moveStep(three, 's4', 1)).toBe(three);
  });

  it('deletes a step', () => {
    expect(deleteStep(three, 's1').map((s) => s.id)).toEqual(['s2', 's4']);
    expect(deleteStep(three, 'nope')).toBe(three);
  });

  it('adds the selection to a step, taking it out of any other step', () => {
    const next = addToStep(three, 's4', { nodes: ['b', 'z'], edges: ['e1'] });
    expect(next).toEqual([step('s1', ['a'], [], 'One'), step('s2', ['c'], [], 'Two'), step('s4', ['b', 'z'], ['e1'], 'Three')]);
    expect(addToStep(three, 's2', { nodes: ['b'], edges: [] })).toBe(three);
  });

  it('removes the selection from a step', () => {
    expect(removeFromStep(three, 's2', { nodes: ['c', 'a'], edges: ['e1'] })[1]).toEqual(step('s2', ['b'], [], 'Two'));
    expect(removeFromStep(three, 's2', { nodes: ['a'], edges: [] })).toBe(three);
  });

  it('lists the context: components no step names', () => {
    const d = doc([node('a', 'vpc'), node('b', 'subnet', 'a'), node('q', 'natGateway', 'b')], [], [step('s1', ['b'])]);
    expect(unstepped(d)).toEqual(['a', 'q']);
  });
});

function read(path: string): DiagramDocument {
  const result = parseDiagram(readFileSync(path, 'utf8'));
  if (!result.ok) throw new Error(`${path}: ${JSON.stringify(result.error)}`);
  return result.document;
}

describe('steps by layer', () => {
  it('puts every catalog kind in a layer, each kind once', () => {
    const kinds = LAYERS.flatMap((l) => l.kinds);
    expect(new Set(kinds).size).toBe(kinds.length);
    expect([...kinds].sort()).toEqual(allKinds().map((k) => k.kind).sort());
    expect(layerOf('somethingFromTheFuture')).toBe(LAYERS.length);
  });

  it('orders a web application from the outside in, titled in the chosen language', () => {
    const d = read(join(__dirname, '../../assets/templates/web-application.kumozu.json'));
    const en = stepsByLayer(d, 'en');
    const kindOf = new Map(d.nodes.map((n) => [n.id, n.kind]));
    const kindsOf = (i: number) => new Set(en[i]?.nodes.map((id) => kindOf.get(id)));
    const titles = en.map((s) => s.title);
    expect(titles[0]).toBe('Accounts and VPC');
    expect(titles.indexOf('Control plane')).toBeLessThan(titles.indexOf('Subnets and gateways'));
    expect(titles.indexOf('Subnets and gateways')).toBeLessThan(titles.indexOf('Compute (data plane)'));
    expect(titles.indexOf('Compute (data plane)')).toBeLessThan(titles.indexOf('Load balancers and entry points'));
    expect(kindsOf(titles.indexOf('Control plane')).has('eksControlPlane')).toBe(true);
    expect(kindsOf(0).has('vpc')).toBe(true);
    // Every node in exactly one step, ids s1..sN, no connections named.
    expect(en.flatMap((s) => s.nodes).sort()).toEqual(d.nodes.map((n) => n.id).sort());
    expect(en.map((s) => s.id)).toEqual(en.map((_, i) => `s${i + 1}`));
    expect(en.every((s) => s.edges.length === 0)).toBe(true);
    const ja = stepsByLayer(d, 'ja');
    expect(ja[0]?.title).toBe('アカウントと VPC');
    expect(ja.map((s) => s.nodes)).toEqual(en.map((s) => s.nodes));
  });

  it('never puts a node before the container it sits in', () => {
    const dir = join(__dirname, '../../assets/templates');
    const files = readdirSync(dir).filter((f) => f.endsWith('.kumozu.json'));
    expect(files.length).toBeGreaterThanOrEqual(8);
    for (const f of files) {
      const d = read(join(dir, f));
      const steps = stepsByLayer(d, 'en');
      const stepOf = new Map(steps.flatMap((s, i) => s.nodes.map((id) => [id, i] as const)));
      for (const n of d.nodes) if (n.parent !== null) expect(stepOf.get(n.id)! >= stepOf.get(n.parent)!, `${f}: ${n.id}`).toBe(true);
      // Each step reveals something new.
      const plan = revealPlan({ ...d, presentation: { steps } });
      for (let k = 2; k <= steps.length; k++) expect(visibleAt(plan, k).nodes.size, f).toBeGreaterThan(visibleAt(plan, k - 1).nodes.size);
    }
  });

  it('leaves out empty layers and puts unknown kinds last', () => {
    const d = doc([node('x', 'futureThing'), node('cp', 'eksControlPlane'), node('role', 'iamRole')]);
    expect(stepsByLayer(d, 'en').map((s) => [s.title, s.nodes])).toEqual([
      ['Control plane', ['cp']],
      ['Add-ons, IAM and AWS services', ['role']],
      ['Everything else', ['x']],
    ]);
    expect(stepsByLayer(doc([]), 'en')).toEqual([]);
  });
});
