import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { parseDiagram } from '../format/parse';
import { doc, edge, node } from '../model/testing';
import type { DiagramDocument } from '../model/types';
import { checkDocument, checkDocumentRaw, fillTemplate, quickFixFor } from './engine';
import type { Rule } from './kit';
import { getRule, RULES } from './registry';

const fixtureRoot = join(dirname(fileURLToPath(import.meta.url)), 'fixtures');

function allFixtures(): { name: string; doc: DiagramDocument }[] {
  return readdirSync(fixtureRoot)
    .sort()
    .flatMap((rule) =>
      readdirSync(join(fixtureRoot, rule))
        .filter((f) => f.endsWith('.kumozu.json'))
        .sort()
        .map((f) => {
          const result = parseDiagram(readFileSync(join(fixtureRoot, rule, f), 'utf8'));
          if (!result.ok) throw new Error(`${rule}/${f}`);
          return { name: `${rule}/${f}`, doc: result.document };
        }),
    );
}

/** A cluster with two problems on one control plane, and one of them drawn twice. */
function troubled(): DiagramDocument {
  return doc([
    node('aws', 'awsManagedAccount'),
    node('cp', 'eksControlPlane', 'aws', { endpointPublicAccess: false, endpointPrivateAccess: false }),
    node('cp-bad', 'eksControlPlane', null, { publicAccessCidrs: ['0.0.0.0/0'] }),
    node('v', 'vpc'),
    node('alb', 'applicationLoadBalancer', 'aws'),
  ]);
}

describe('checkDocument', () => {
  it('sorts by severity, then rule id, then first node id', () => {
    const found = checkDocument(troubled(), 'en');
    const rank = { error: 0, warning: 1, info: 2 };
    for (let i = 1; i < found.length; i++) {
      const a = found[i - 1];
      const b = found[i];
      if (!a || !b) continue;
      const key = (f: typeof a): [number, string, string] => [rank[f.severity], f.rule, f.nodes[0] ?? ''];
      const [sa, ra, na] = key(a);
      const [sb, rb, nb] = key(b);
      expect(sa < sb || (sa === sb && (ra < rb || (ra === rb && na <= nb)))).toBe(true);
    }
    expect(found.map((f) => f.rule)).toContain('CP-004');
    // Errors lead, info notes (such as the control-plane fee) close the list.
    expect(found[0]?.severity).toBe('error');
    expect(found.at(-1)?.severity).toBe('info');
  });

  it('is deterministic: the same document gives the same findings, whatever the node order', () => {
    const d = troubled();
    const shuffled = { ...d, nodes: [...d.nodes].reverse() };
    expect(checkDocument(d, 'en')).toEqual(checkDocument(d, 'en'));
    expect(checkDocument(shuffled, 'en').map((f) => [f.rule, f.nodes[0]])).toEqual(checkDocument(d, 'en').map((f) => [f.rule, f.nodes[0]]));
  });

  it('fills messages in the chosen language', () => {
    const en = checkDocument(troubled(), 'en').find((f) => f.rule === 'CP-004');
    const ja = checkDocument(troubled(), 'ja').find((f) => f.rule === 'CP-004');
    expect(en?.message).toContain('cp');
    expect(ja?.message).toContain('「cp」');
    expect(en?.message).not.toBe(ja?.message);
  });

  it('de-duplicates per rule, primary node and sub-case', () => {
    const twice: Rule = {
      ...(getRule('CP-004') as Rule),
      check: (view) => {
        const cp = view.node('cp');
        return cp ? [{ nodes: [cp.id] }, { nodes: [cp.id, 'v'] }, { nodes: [cp.id], subCase: 'x' }, { nodes: [cp.id], key: 'other' }] : [];
      },
    };
    const found = checkDocumentRaw(troubled(), [twice]);
    expect(found.map((f) => [f.subCase, f.raw.key ?? null, f.nodes])).toEqual([
      [null, null, ['cp']],
      [null, 'other', ['cp']],
      ['x', null, ['cp']],
    ]);
  });

  it('hides nodes of unknown kind and the edges CONN-001 reports from every other rule', () => {
    const d = doc(
      [
        node('aws', 'awsManagedAccount'),
        node('cp', 'eksControlPlane', 'aws'),
        { ...node('box', 'vpc'), kind: 'someFutureContainer' },
        node('alb', 'applicationLoadBalancer', 'box'),
        node('v', 'vpc'),
        node('s', 'subnet', 'v'),
        node('eni', 'clusterEni', 's'),
      ],
      [edge('bad', 'usesSubnet', 's', 'eni'), edge('to-unknown', 'usesSubnet', 'alb', 'box')],
    );
    const found = checkDocumentRaw(d);
    // The ALB sits in an unknown container: placement is not checked (§1.3).
    expect(found.filter((f) => f.rule === 'PLACE-001')).toEqual([]);
    // The reversed edge is CONN-001's alone.
    expect(found.filter((f) => f.edges.includes('bad')).map((f) => f.rule)).toEqual(['CONN-001']);
    // Nothing names the unknown node or its edge.
    expect(found.some((f) => f.nodes.includes('box') || f.edges.includes('to-unknown'))).toBe(false);
  });
});

describe('messages', () => {
  it('fillTemplate leaves unknown names visible rather than inventing text', () => {
    expect(fillTemplate('{a} and {b}', { a: { en: 'x', ja: 'エックス' } }, 'ja')).toBe('エックス and {b}');
  });

  it('every finding of every fixture has both languages filled, with no leftover {…} parts', () => {
    for (const { name, doc: d } of allFixtures()) {
      for (const f of checkDocumentRaw(d)) {
        for (const text of [f.messages.en, f.messages.ja]) {
          expect(text, `${name} ${f.rule}`).not.toMatch(/\{[A-Za-z0-9_]+\}/);
          expect(text.trim(), `${name} ${f.rule}`).not.toBe('');
        }
        expect(f.messages.ja, `${name} ${f.rule}`).not.toBe(f.messages.en);
      }
    }
  });

  it('every rule has its texts in both languages and at least one source', () => {
    for (const r of RULES) {
      for (const text of [r.title, r.message, r.why, r.fix, ...Object.values(r.messages ?? {})]) {
        expect(text.en.trim(), r.id).not.toBe('');
        expect(text.ja.trim(), r.id).not.toBe('');
      }
      expect(r.sources.length, r.id).toBeGreaterThan(0);
      for (const s of r.sources) if (s.url) expect(s.url, r.id).toMatch(/^https:\/\//);
    }
  });

  it('registers rules in catalog order, each id once', () => {
    const ids = RULES.map((r) => r.id);
    expect(new Set(ids).size).toBe(ids.length);
    expect(ids.slice(0, 3)).toEqual(['PLACE-001', 'CONN-001', 'CP-001']);
  });
});

describe('quickFixFor', () => {
  it('gives null for a finding that is not on the document', () => {
    const d = troubled();
    expect(quickFixFor(d, { rule: 'CP-004', severity: 'error', nodes: ['nope'], edges: [], message: '' })).toBeNull();
    expect(quickFixFor(d, { rule: 'NO-SUCH', severity: 'error', nodes: ['cp'], edges: [], message: '' })).toBeNull();
  });

  it('matches a finding shown in either language', () => {
    const d = troubled();
    for (const lang of ['en', 'ja'] as const) {
      const f = checkDocument(d, lang).find((x) => x.rule === 'CP-004');
      expect(f).toBeDefined();
      if (f) expect(quickFixFor(d, f)?.command).toEqual({ type: 'setProp', target: 'node', id: 'cp', name: 'endpointPrivateAccess', value: true });
    }
  });
});
