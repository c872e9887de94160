import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { createEditor } from '../commands/history';
import { parseDiagram } from '../format/parse';
import type { DiagramDocument } from '../model/types';
import { checkDocumentRaw, quickFixFor, type RawResult } from './engine';
import { getRule, RULES } from './registry';

/**
 * Every rule against its checked-in fixture pairs (rules.md: one pair per
 * lettered sub-case). `<sub>.expect.json` beside each pair says what the
 * fires diagram must yield; the near-miss must yield no finding of the rule
 * (or only the sub-cases listed in `nearMissAllows`).
 */

interface Expectation {
  readonly rule: string;
  readonly subCase: string | null;
  readonly severity: string;
  readonly nodes: readonly string[];
  readonly edges: readonly string[];
  readonly quickFix: boolean;
  readonly nearMissAllows?: readonly string[];
}

const root = join(dirname(fileURLToPath(import.meta.url)), 'fixtures');

function load(path: string): DiagramDocument {
  const result = parseDiagram(readFileSync(path, 'utf8'));
  if (!result.ok) throw new Error(`${path}: ${result.error.reason}`);
  return result.document;
}

interface FixtureCase {
  readonly rule: string;
  readonly sub: string;
  readonly dir: string;
  readonly expect: Expectation;
}

const cases: FixtureCase[] = readdirSync(root)
  .sort()
  .flatMap((rule) =>
    readdirSync(join(root, rule))
      .filter((f) => f.endsWith('.expect.json'))
      .sort()
      .map((f) => {
        const sub = f.slice(0, -'.expect.json'.length);
        const expectation = JSON.parse(readFileSync(join(root, rule, f), 'utf8')) as Expectation;
        return { rule, sub, dir: join(root, rule), expect: expectation };
      }),
  );

const sameCase = (e: Expectation) => (f: RawResult) => f.rule === e.rule && f.subCase === e.subCase;

describe('fixtures cover every registered rule', () => {
  it.each(RULES.map((r) => r.id))('%s has at least one fixture pair', (id) => {
    expect(cases.some((c) => c.rule === id)).toBe(true);
  });

  it('every fixture names a registered rule, in its own folder', () => {
    for (const c of cases) {
      expect(getRule(c.expect.rule)).toBeDefined();
      expect(c.expect.rule).toBe(c.rule);
      expect(c.sub).toBe(c.expect.subCase ?? 'main');
    }
  });
});

describe.each(cases)('$rule $sub', ({ dir, sub, expect: e }) => {
  const fires = (): DiagramDocument => load(join(dir, `${sub}.fires.kumozu.json`));
  const near = (): DiagramDocument => load(join(dir, `${sub}.near-miss.kumozu.json`));

  it('fires, naming the expected nodes', () => {
    const found = checkDocumentRaw(fires()).filter(sameCase(e));
    expect(found.map((f) => ({ severity: f.severity, nodes: f.nodes, edges: f.edges }))).toContainEqual({
      severity: e.severity,
      nodes: e.nodes,
      edges: e.edges,
    });
  });

  it('stays quiet on the near miss', () => {
    const allowed = new Set(e.nearMissAllows ?? []);
    const found = checkDocumentRaw(near()).filter((f) => f.rule === e.rule && !allowed.has(f.subCase ?? ''));
    expect(found).toEqual([]);
  });

  it(e.quickFix ? 'quick fix removes the finding, undo brings it back' : 'offers no quick fix', () => {
    const doc = fires();
    const target = checkDocumentRaw(doc).find((f) => sameCase(e)(f) && f.nodes[0] === e.nodes[0]);
    expect(target).toBeDefined();
    if (!target) return;
    const finding = { rule: target.rule, severity: target.severity, nodes: target.nodes, edges: target.edges, message: target.messages.ja };
    const fix = quickFixFor(doc, finding);
    if (!e.quickFix) {
      expect(fix).toBeNull();
      return;
    }
    expect(fix).not.toBeNull();
    if (!fix) return;
    expect(fix.command.type).toBe('setProp');
    const editor = createEditor(doc);
    const stillThere = (d: DiagramDocument): boolean =>
      checkDocumentRaw(d).some((f) => sameCase(e)(f) && f.nodes[0] === e.nodes[0]);
    expect(editor.dispatch(fix.command)).toBe(true);
    expect(stillThere(editor.getState().document)).toBe(false);
    expect(editor.undo()).toBe(true);
    expect(stillThere(editor.getState().document)).toBe(true);
  });
});
