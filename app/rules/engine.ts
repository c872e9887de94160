import type { DiagramDocument, Lang, Text } from '../model/types';
import { RULES } from './registry';
import type { CheckDocument, Finding, QuickFix, RawFinding, RuleModule, Severity } from './types';
import { buildView, type RuleView } from './view';

/**
 * The rule engine (rules.md, "Conventions"): a pure, deterministic function
 * of the document. One view is built per check and shared by every rule.
 */

/** A finding with what the engine knows beyond the CLI shape: both languages, sub-case, the raw finding. */
export interface RawResult extends Finding {
  readonly subCase: string | null;
  readonly messages: Text;
  readonly raw: RawFinding;
}

const RANK: Readonly<Record<Severity, number>> = { error: 0, warning: 1, info: 2 };

const PLACEHOLDER = /\{([A-Za-z0-9_]+)\}/g;

/** Fills `{name}` parts from the finding's params; a word in both languages is taken in the chosen one. */
export function fillTemplate(template: string, params: RawFinding['params'], lang: Lang): string {
  return template.replace(PLACEHOLDER, (whole, name: string) => {
    const value = params?.[name];
    if (value === undefined) return whole;
    return typeof value === 'string' ? value : value[lang];
  });
}

function templateFor(rule: RuleModule<RuleView>, raw: RawFinding): Text {
  return (raw.subCase !== undefined ? rule.messages?.[raw.subCase] : undefined) ?? rule.message;
}

/** Plain code-unit comparison: locale-independent, so the order is the same on every machine. */
function cmp(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

function compareResults(a: RawResult, b: RawResult): number {
  return (
    RANK[a.severity] - RANK[b.severity] ||
    cmp(a.rule, b.rule) ||
    cmp(a.nodes[0] ?? '', b.nodes[0] ?? '') ||
    // Tie-breakers beyond the spec's three keys, so that equal keys still sort stably.
    cmp(a.subCase ?? '', b.subCase ?? '') ||
    cmp(a.raw.key ?? '', b.raw.key ?? '') ||
    cmp(a.nodes.join('\u0000'), b.nodes.join('\u0000')) ||
    cmp(a.edges.join('\u0000'), b.edges.join('\u0000'))
  );
}

function runRule(rule: RuleModule<RuleView>, view: RuleView): readonly RawFinding[] {
  return rule.check(view);
}

/** Every rule over the view, de-duplicated per (rule, primary node, sub-case, rule-specific key), sorted. */
function collect(view: RuleView, rules: readonly RuleModule<RuleView>[]): RawResult[] {
  const out: RawResult[] = [];
  const seen = new Set<string>();
  for (const rule of rules) {
    for (const raw of runRule(rule, view)) {
      const primary = raw.nodes[0] ?? '';
      const dedup = [rule.id, primary, raw.subCase ?? '', raw.key ?? ''].join('\u0000');
      if (seen.has(dedup)) continue;
      seen.add(dedup);
      const template = templateFor(rule, raw);
      const messages: Text = { en: fillTemplate(template.en, raw.params, 'en'), ja: fillTemplate(template.ja, raw.params, 'ja') };
      out.push({
        rule: rule.id,
        severity: raw.severity ?? rule.severity,
        nodes: [...new Set(raw.nodes)],
        edges: [...new Set(raw.edges ?? [])],
        message: messages.en,
        subCase: raw.subCase ?? null,
        messages,
        raw,
      });
    }
  }
  return out.sort(compareResults);
}

/** Findings with both languages, sub-cases and the raw data (tests, Markdown export). */
export function checkDocumentRaw(doc: DiagramDocument, rules: readonly RuleModule<RuleView>[] = RULES): RawResult[] {
  return collect(buildView(doc), rules);
}

/** The CLI and panel shape: `{rule, severity, nodes, edges, message}` in the chosen language. */
export const checkDocument: CheckDocument = (doc, lang) =>
  checkDocumentRaw(doc).map((r) => ({ rule: r.rule, severity: r.severity, nodes: r.nodes, edges: r.edges, message: r.messages[lang] }));

function sameList(a: readonly string[], b: readonly string[]): boolean {
  return a.length === b.length && a.every((x, i) => x === b[i]);
}

/**
 * The quick fix for a finding shown to the user, or null. The finding is
 * matched back to its raw form on the same document (rule, nodes, edges,
 * severity, and the message in either language to tell apart findings on the
 * same nodes), so a stale finding from an older document simply gets none.
 */
export function quickFixFor(doc: DiagramDocument, finding: Finding & { readonly subCase?: string | null }): QuickFix | null {
  const rule = RULES.find((r) => r.id === finding.rule);
  if (!rule?.quickFix) return null;
  const view = buildView(doc);
  const match = collect(view, [rule]).find(
    (r) =>
      r.severity === finding.severity &&
      sameList(r.nodes, finding.nodes) &&
      sameList(r.edges, finding.edges) &&
      (finding.subCase === undefined || r.subCase === finding.subCase) &&
      (r.messages.en === finding.message || r.messages.ja === finding.message),
  );
  return match ? rule.quickFix(match.raw, view) : null;
}
