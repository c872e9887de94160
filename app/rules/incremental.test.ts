import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { getKind } from '../catalog/registry';
import { parseDiagram } from '../format/parse';
import { doc as builtDoc, edge, node, withLabel } from '../model/testing';
import type { DiagramDocument, DiagramEdge, DiagramNode, Json } from '../model/types';
import { generateDiagram } from '../../bench/generate';
import { checkDocumentRaw, diffForCheck, IncrementalChecker } from './engine';
import { RULES } from './registry';

/**
 * The incremental checker must give exactly what a fresh full check gives,
 * after every edit of any sequence. Random edit sequences run over realistic
 * documents: the templates and spot-the-mistakes variants, generated
 * benchmark diagrams and a small hand-built one.
 */

const ROOT = join(import.meta.dirname, '..', '..');

function load(path: string): DiagramDocument {
  const r = parseDiagram(readFileSync(path, 'utf8'));
  if (!r.ok) throw new Error(`${path} did not parse`);
  return r.document;
}

function templates(dir: string): DiagramDocument[] {
  return readdirSync(dir)
    .filter((f) => f.endsWith('.kumozu.json'))
    .sort()
    .map((f) => load(join(dir, f)));
}

const built = builtDoc(
  [
    node('cp', 'eksControlPlane'),
    node('vpc', 'vpc', null, { cidr: '10.0.0.0/16' }),
    node('s1', 'subnet', 'vpc', { tier: 'private', cidr: '10.0.1.0/24', az: 'a' }),
    withLabel(node('ng', 'managedNodeGroup', 's1'), 'nodes'),
    node('ns', 'k8sNamespace', null, { name: 'apps' }),
    node('w', 'workload', 'ns', { replicas: 1 }),
    node('fp', 'fargateProfile', 's1', { selectors: ['apps'] }),
    node('a', 'addon', null, { addonType: 'karpenter' }),
  ],
  [edge('e1', 'joins', 'ng', 'cp'), edge('e2', 'runsOn', 'w', 'ng')],
);

const DOCS: readonly DiagramDocument[] = [
  ...templates(join(ROOT, 'assets', 'templates')),
  ...templates(join(ROOT, 'assets', 'templates', 'mistakes')),
  generateDiagram(60, 3),
  generateDiagram(150, 7),
  built,
];

const STRINGS = ['', 'x', 'default', 'kube-system', 'apps', 'app=web', '10.0.0.0/16', '10.0.1.0/24', '192.168.0.0/16', 'a', 'us-east-1a', '*'];

/** A value for a prop: from its spec (listed values, bounds, default), another node's, or one of the wrong type. */
function valueFor(n: DiagramNode, name: string, pick: number, d: DiagramDocument): Json {
  const spec = getKind(n.kind)?.props.find((p) => p.name === name);
  const pool: Json[] = [null, 7, true, 'x'];
  if (spec) {
    pool.push(spec.default);
    if (spec.values) pool.push(...spec.values, spec.values.slice(0, 2));
    if (spec.min !== undefined) pool.push(spec.min);
    if (spec.max !== undefined) pool.push(spec.max);
    if (spec.type === 'bool') pool.push(false, true);
    if (spec.type.startsWith('int')) pool.push(0, 1, 2, 3, 100);
    if (spec.type === 'string' || spec.type === 'cidr') pool.push(...STRINGS);
    if (spec.type.endsWith('[]')) pool.push([], ['apps'], ['app=web', 'tier=x'], ['*']);
  }
  for (const other of d.nodes) if (other.kind === n.kind && Object.hasOwn(other.props, name)) pool.push(other.props[name] as Json);
  return pool[pick % pool.length] as Json;
}

type Edit = { readonly op: number; readonly a: number; readonly b: number; readonly c: number };

function replaceNode(d: DiagramDocument, i: number, n: DiagramNode): DiagramDocument {
  const nodes = d.nodes.slice();
  nodes[i] = n;
  return { ...d, nodes };
}

/** One edit, made the immer way: a new document sharing every unchanged node and edge. */
function apply(d: DiagramDocument, e: Edit, serial: number): DiagramDocument {
  const nodes = d.nodes;
  if (nodes.length === 0) return d;
  const i = e.a % nodes.length;
  const n = nodes[i] as DiagramNode;
  switch (e.op % 10) {
    case 0:
    case 1:
    case 2: {
      // A property edit, the common case.
      const names = [...(getKind(n.kind)?.props.map((p) => p.name) ?? []), ...Object.keys(n.props)];
      const name = names[e.b % Math.max(names.length, 1)] ?? 'x';
      return replaceNode(d, i, { ...n, props: { ...n.props, [name]: valueFor(n, name, e.c, d) } });
    }
    case 3: {
      const names = Object.keys(n.props);
      const name = names[e.b % Math.max(names.length, 1)];
      if (name === undefined) return d;
      const props = { ...n.props };
      delete props[name];
      return replaceNode(d, i, { ...n, props });
    }
    case 4:
      return replaceNode(d, i, { ...n, label: ['', 'web', 'api', 'web', `n${e.c % 5}`][e.c % 5] as string });
    case 5:
      return replaceNode(d, i, { ...n, position: { x: n.position.x + (e.b % 40) - 20, y: n.position.y + (e.c % 40) - 20 } });
    case 6: {
      // Add a node: a copy of one, under the same parent or another container.
      const parent = e.c % 3 === 0 ? null : n.parent;
      const copy: DiagramNode = { ...n, id: `new-${serial}`, parent, label: `copy ${serial}` };
      return { ...d, nodes: [...nodes, copy] };
    }
    case 7: {
      // Delete a node without children, with its connections.
      if (nodes.some((x) => x.parent === n.id)) return d;
      return { ...d, nodes: nodes.filter((x) => x !== n), edges: d.edges.filter((x) => x.source !== n.id && x.target !== n.id) };
    }
    case 8: {
      // Add a connection: a kind already in the document between two nodes (often refused: CONN-001), or delete one.
      if (e.b % 3 === 0 && d.edges.length > 0) return { ...d, edges: d.edges.filter((_, k) => k !== e.c % d.edges.length) };
      const kinds = [...new Set(d.edges.map((x) => x.kind)), 'runsOn', 'usesSubnet', 'assumes'];
      const target = nodes[e.b % nodes.length] as DiagramNode;
      const added: DiagramEdge = { id: `new-edge-${serial}`, kind: kinds[e.c % kinds.length] as string, source: n.id, target: target.id, label: '', props: {} };
      return { ...d, edges: [...d.edges, added] };
    }
    default: {
      // Reparent a node without children into a container (or to the canvas).
      if (nodes.some((x) => x.parent === n.id)) return d;
      const containers = nodes.filter((x) => x !== n && (x.size !== undefined || nodes.some((y) => y.parent === x.id)));
      const target = e.b % 4 === 0 ? null : (containers[e.c % Math.max(containers.length, 1)]?.id ?? null);
      return replaceNode(d, i, { ...n, parent: target });
    }
  }
}

const edits = fc.array(fc.record({ op: fc.nat(), a: fc.nat(), b: fc.nat(), c: fc.nat() }), { minLength: 1, maxLength: 30 });

describe('IncrementalChecker', () => {
  it('finds exactly what a full check finds after every step of random edit sequences', () => {
    fc.assert(
      fc.property(fc.nat({ max: DOCS.length - 1 }), edits, (which, steps) => {
        let d = DOCS[which] as DiagramDocument;
        const checker = new IncrementalChecker();
        expect(checker.checkRaw(d)).toEqual(checkDocumentRaw(d));
        steps.forEach((step, k) => {
          d = apply(d, step, k);
          expect(checker.checkRaw(d)).toEqual(checkDocumentRaw(d));
        });
      }),
      { numRuns: 60 },
    );
    // About 2,000 checks: a few seconds, more on a busy machine.
  }, 60_000);

  it('after a rule throws, the next check starts over instead of keeping stale results', () => {
    const d = generateDiagram(200, 1);
    let explode = false;
    const flaky = { ...RULES[0], id: 'TEST-FLAKY', check: (view: Parameters<(typeof RULES)[0]['check']>[0]) => {
      // Reads every subnet's tier, so a tier edit re-runs it.
      for (const sub of view.ofKind('subnet')) view.prop(sub, 'tier');
      if (explode) throw new Error('rule bug');
      return RULES[0]?.check(view) ?? [];
    } } as (typeof RULES)[0];
    const checker = new IncrementalChecker([flaky, ...RULES]);
    checker.checkRaw(d);
    const i = d.nodes.findIndex((n) => n.kind === 'subnet');
    const s = d.nodes[i] as DiagramNode;
    const next = replaceNode(d, i, { ...s, props: { ...s.props, tier: s.props.tier === 'public' ? 'private' : 'public' } });
    explode = true;
    expect(() => checker.checkRaw(next)).toThrow('rule bug');
    explode = false;
    expect(checker.checkRaw(next).filter((r) => r.rule !== 'TEST-FLAKY')).toEqual(checkDocumentRaw(next));
    expect(checker.stats.mode).toBe('full');
  });

  it('re-runs only the rules that read what a property edit changed', () => {
    const d = generateDiagram(200, 1);
    const checker = new IncrementalChecker();
    checker.checkRaw(d);
    const i = d.nodes.findIndex((n) => n.kind === 'subnet');
    const s = d.nodes[i] as DiagramNode;
    const next = replaceNode(d, i, { ...s, props: { ...s.props, tier: s.props.tier === 'public' ? 'private' : 'public' } });
    expect(checker.checkRaw(next)).toEqual(checkDocumentRaw(next));
    expect(checker.stats.mode).toBe('incremental');
    expect(checker.stats.rerun).toBeGreaterThan(0);
    expect(checker.stats.rerun).toBeLessThan(20);
    // A move changes nothing a rule reads.
    const moved = replaceNode(next, 0, { ...(next.nodes[0] as DiagramNode), position: { x: 5, y: 5 } });
    expect(checker.checkRaw(moved)).toEqual(checkDocumentRaw(moved));
    expect(checker.stats).toEqual({ mode: 'incremental', rerun: 0 });
  });

  it('treats added, removed, reparented nodes and changed connections as structural', () => {
    const d = built;
    expect(diffForCheck(d, { ...d, nodes: d.nodes.slice(1) })).toBeNull();
    expect(diffForCheck(d, replaceNode(d, 3, { ...(d.nodes[3] as DiagramNode), parent: null }))).toBeNull();
    expect(diffForCheck(d, { ...d, edges: [{ ...(d.edges[0] as DiagramEdge), props: { x: 1 } }, ...d.edges.slice(1)] })).toBeNull();
    const relabel = diffForCheck(d, replaceNode(d, 3, withLabel(d.nodes[3] as DiagramNode, 'other')));
    expect(relabel?.labels).toBe(true);
    expect([...(relabel?.keys ?? [])]).toContain('ng\u0000#label');
  });
});

describe('rule sources', () => {
  // The checker's proof rests on every read of a node's content going through
  // the view (which records it): a rule reading `node.props` or `node.label`
  // itself would go unseen and could be skipped wrongly.
  const dir = join(import.meta.dirname, 'rules');
  const files = [...readdirSync(dir).map((f) => join(dir, f)), join(import.meta.dirname, 'security-groups.ts')].filter((f) => f.endsWith('.ts') && !f.endsWith('.test.ts'));

  it.each(files)('%s reads node content only through the view', (file) => {
    const lines = readFileSync(file, 'utf8').split('\n');
    const offending = lines.filter(
      (l) =>
        /[\w)\]]\.(props|extra)\b/.test(l) ||
        /\.(position|size)\??\.(x|y|width|height)\b/.test(l) ||
        (/\.label\b/.test(l.replace(/view\.label\(/g, '')) && !/getConnectionKind|getKind|propLabel|setPropFix/.test(l)),
    );
    expect(offending).toEqual([]);
  });

  it.each([...files, join(import.meta.dirname, 'view.ts')])('%s keeps no cache of its own outside the view', (file) => {
    // A cache beside the view would hand a rule answers computed from values it never read.
    expect(readFileSync(file, 'utf8')).not.toMatch(/^(const|let) \w+ = new (Weak)?Map<RuleView/m);
  });
});
