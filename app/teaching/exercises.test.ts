import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { parseDiagram } from '../format/parse';
import { serializeDiagram } from '../format/serialize';
import { emptyDocument, type DiagramDocument } from '../model/types';
import { checkDocument } from '../rules/engine';
import { RULES } from '../rules/registry';
import { EXERCISES, evaluateGoals, exerciseById, goalContext, solutionFile, startFile, type Exercise } from './exercises';

/** Guided exercises: data in exercises.ts, diagrams in assets/exercises. */

const root = join(dirname(fileURLToPath(import.meta.url)), '..', '..');
const exercisesDir = join(root, 'assets', 'exercises');
const templatesDir = join(root, 'assets', 'templates');

function load(dir: string, file: string): { text: string; doc: DiagramDocument } {
  const text = readFileSync(join(dir, file), 'utf8');
  const result = parseDiagram(text);
  if (!result.ok) throw new Error(`${file} does not parse: ${JSON.stringify(result.error)}`);
  expect(result.repairs, `${file} needs repairs`).toEqual([]);
  return { text, doc: result.document };
}

function goals(ex: Exercise, doc: DiagramDocument): Record<string, boolean> {
  const states = evaluateGoals(ex, goalContext(doc));
  return Object.fromEntries(ex.goals.map((g, i) => [g.id, states[i] === true]));
}

function nonEmpty(text: { en: string; ja: string }): void {
  expect(text.en.trim()).not.toBe('');
  expect(text.ja.trim()).not.toBe('');
  // The Japanese text is really Japanese, not a copy of the English one.
  expect(text.ja).toMatch(/[\u3040-\u30ff\u4e00-\u9fff]/);
}

describe('exercise catalog', () => {
  it('has at least six exercises with unique ids and unique goal ids', () => {
    expect(EXERCISES.length).toBeGreaterThanOrEqual(6);
    const ids = EXERCISES.map((e) => e.id);
    expect(new Set(ids).size).toBe(ids.length);
    for (const ex of EXERCISES) {
      const goalIds = ex.goals.map((g) => g.id);
      expect(new Set(goalIds).size, ex.id).toBe(goalIds.length);
      expect(ex.goals.length, ex.id).toBeGreaterThanOrEqual(3);
      expect(exerciseById(ex.id)).toBe(ex);
    }
  });

  it('writes every text in both languages', () => {
    for (const ex of EXERCISES) {
      for (const t of [ex.title, ex.learn, ex.brief, ex.debrief]) nonEmpty(t);
      for (const g of ex.goals) {
        nonEmpty(g.title);
        nonEmpty(g.hint);
      }
    }
  });

  it('names only rules that exist', () => {
    const known = new Set(RULES.map((r) => r.id));
    for (const ex of EXERCISES) {
      expect(ex.rules.length, ex.id).toBeGreaterThan(0);
      for (const id of ex.rules) expect(known.has(id), `${ex.id}: ${id}`).toBe(true);
    }
  });

  it('has exactly a start and a solution file per exercise in assets/exercises', () => {
    const expected = EXERCISES.flatMap((e) => [startFile(e.id), solutionFile(e.id)]).sort();
    const onDisk = readdirSync(exercisesDir)
      .filter((f) => f.endsWith('.kumozu.json'))
      .sort();
    expect(onDisk).toEqual(expected);
  });
});

describe.each(EXERCISES.map((e) => [e.id, e] as const))('exercise %s', (_id, ex) => {
  it('stores both diagrams canonically, in English, with a title and description', () => {
    for (const file of [startFile(ex.id), solutionFile(ex.id)]) {
      const { text, doc } = load(exercisesDir, file);
      expect(serializeDiagram(doc), file).toBe(text);
      expect(doc.meta.lang).toBe('en');
      expect(doc.meta.title.trim()).not.toBe('');
      expect(doc.meta.description.trim()).not.toBe('');
    }
  });

  it('starts with at least one goal unmet, showing exactly its listed problems', () => {
    const { doc } = load(exercisesDir, startFile(ex.id));
    const state = goals(ex, doc);
    expect(Object.values(state).some((done) => !done), JSON.stringify(state)).toBe(true);
    const rules = [...new Set(checkDocument(doc, 'en').filter((f) => f.severity !== 'info').map((f) => f.rule))].sort();
    expect(rules).toEqual([...ex.startsWith].sort());
    for (const r of ex.startsWith) expect(ex.rules, `${r} is shown but not listed as a topic`).toContain(r);
  });

  it('is solved by its reference solution, which has no errors or warnings', () => {
    const { doc } = load(exercisesDir, solutionFile(ex.id));
    const state = goals(ex, doc);
    expect(state).toEqual(Object.fromEntries(ex.goals.map((g) => [g.id, true])));
    const blocking = checkDocument(doc, 'en').filter((f) => f.severity !== 'info');
    expect(blocking.map((f) => `${f.severity} ${f.rule} ${f.nodes.join(',')}`)).toEqual([]);
  });

  it('is not solved by deleting things: an empty diagram meets no goal', () => {
    const state = goals(ex, emptyDocument('en'));
    expect(Object.values(state).every((done) => !done), JSON.stringify(state)).toBe(true);
  });

  it('is not solved by the starting diagram stripped of its findings\' components', () => {
    // Removing every node a blocking finding names (with its children and edges) is the
    // lazy way to silence the checker; it must not complete the exercise.
    const { doc } = load(exercisesDir, startFile(ex.id));
    const named = new Set(checkDocument(doc, 'en').filter((f) => f.severity !== 'info').flatMap((f) => f.nodes));
    const removed = new Set<string>();
    let grew = true;
    for (const id of named) removed.add(id);
    while (grew) {
      grew = false;
      for (const n of doc.nodes) {
        if (n.parent !== null && removed.has(n.parent) && !removed.has(n.id)) {
          removed.add(n.id);
          grew = true;
        }
      }
    }
    const stripped: DiagramDocument = {
      ...doc,
      nodes: doc.nodes.filter((n) => !removed.has(n.id)),
      edges: doc.edges.filter((e) => !removed.has(e.source) && !removed.has(e.target)),
    };
    const state = goals(ex, stripped);
    expect(Object.values(state).every(Boolean), JSON.stringify(state)).toBe(false);
  });

  it('evaluates its goals without throwing on every template and mistakes variant', () => {
    const index = JSON.parse(readFileSync(join(templatesDir, 'index.json'), 'utf8')) as { templates: { file: string }[]; mistakes: { file: string }[] };
    const files = [...index.templates, ...index.mistakes].map((e) => e.file);
    expect(files.length).toBeGreaterThan(0);
    for (const file of files) {
      const { doc } = load(templatesDir, file);
      const ctx = goalContext(doc);
      for (const g of ex.goals) expect(() => g.check(ctx), `${ex.id}/${g.id} on ${file}`).not.toThrow();
    }
  });
});

describe('goals follow the learner\'s edits', () => {
  it('private-endpoint: turning off public access alone leaves kubectl locked out', () => {
    const ex = exerciseById('private-endpoint') as Exercise;
    const { doc } = load(exercisesDir, startFile(ex.id));
    const cp = doc.nodes.find((n) => n.kind === 'eksControlPlane');
    if (!cp) throw new Error('no control plane');
    cp.props = { ...cp.props, endpointPublicAccess: false, endpointPrivateAccess: true };
    const state = goals(ex, doc);
    expect(state['endpoint-private']).toBe(true);
    expect(state['kubectl-inside']).toBe(false);
    // CP-007 is the error the learner now sees.
    expect(checkDocument(doc, 'en').some((f) => f.rule === 'CP-007')).toBe(true);
    expect(state['no-errors']).toBe(false);
  });

  it('hpa-scale: Metrics Server alone does not make nodes grow', () => {
    const ex = exerciseById('hpa-scale') as Exercise;
    const { doc: solution } = load(exercisesDir, solutionFile(ex.id));
    const withoutCa: DiagramDocument = {
      ...solution,
      nodes: solution.nodes.filter((n) => n.props['addonType'] !== 'cluster-autoscaler'),
      edges: solution.edges.filter((e) => e.kind !== 'manages'),
    };
    const state = goals(ex, withoutCa);
    expect(state['hpa-target']).toBe(true);
    expect(state['metrics']).toBe(true);
    expect(state['nodes-grow']).toBe(false);
  });

  it('spiky-batch: Karpenter with Spot but without interruption handling is not done', () => {
    const ex = exerciseById('spiky-batch') as Exercise;
    const { doc } = load(exercisesDir, solutionFile(ex.id));
    const karpenter = doc.nodes.find((n) => n.props['addonType'] === 'karpenter');
    if (!karpenter) throw new Error('no karpenter');
    karpenter.props = { ...karpenter.props, interruptionQueue: false };
    const state = goals(ex, doc);
    expect(state['spot']).toBe(true);
    expect(state['interruptions']).toBe(false);
  });

  it('private-no-egress: bringing the NAT gateways back silences NET-002 but fails the exercise', () => {
    const ex = exerciseById('private-no-egress') as Exercise;
    const { doc } = load(exercisesDir, startFile(ex.id));
    const nat = { id: 'nat-back', kind: 'natGateway', label: 'NAT', parent: 'pub-a', position: { x: 24, y: 44 }, props: { connectivity: 'public', publicIp: '' } };
    const withNat: DiagramDocument = {
      ...doc,
      nodes: [...doc.nodes, nat],
      edges: [
        ...doc.edges,
        { id: 'r1', kind: 'egressVia', source: 'priv-a', target: 'nat-back', label: '', props: { destination: '0.0.0.0/0', internetEgress: false } },
        { id: 'r2', kind: 'egressVia', source: 'priv-c', target: 'nat-back', label: '', props: { destination: '0.0.0.0/0', internetEgress: false } },
      ],
    };
    expect(checkDocument(withNat, 'en').some((f) => f.rule === 'NET-002')).toBe(false);
    const state = goals(ex, withNat);
    expect(state['no-egress']).toBe(false);
    expect(state['pull-images']).toBe(false);
  });
});
