import type { DiagramDocument, DiagramNode, Lang, Text } from '../model/types';
import { RULES } from './registry';
import type { CheckDocument, Finding, QuickFix, RawFinding, RuleModule, Severity } from './types';
import { buildView, DOC_KEY, EDGE_CHECK_KEY, LABEL, readKey, RuleView } from './view';
import { checkDocumentEdges, type EdgeCheck } from '../catalog/inference';

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

/** One rule over the view, de-duplicated per (primary node, sub-case, rule-specific key), in the order it found them. */
function collectRule(rule: RuleModule<RuleView>, view: RuleView, out: RawResult[]): void {
  const seen = new Set<string>();
  for (const raw of rule.check(view)) {
    const primary = raw.nodes[0] ?? '';
    const dedup = [primary, raw.subCase ?? '', raw.key ?? ''].join('\u0000');
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

/** Every rule over the view, de-duplicated per (rule, primary node, sub-case, rule-specific key), sorted. */
function collect(view: RuleView, rules: readonly RuleModule<RuleView>[]): RawResult[] {
  const out: RawResult[] = [];
  for (const rule of rules) collectRule(rule, view, out);
  return out.sort(compareResults);
}

/** Findings with both languages, sub-cases and the raw data (tests, Markdown export). */
export function checkDocumentRaw(doc: DiagramDocument, rules: readonly RuleModule<RuleView>[] = RULES): RawResult[] {
  return collect(buildView(doc), rules);
}

function toFinding(r: RawResult, lang: Lang): Finding {
  return { rule: r.rule, severity: r.severity, nodes: r.nodes, edges: r.edges, message: r.messages[lang] };
}

/** The CLI and panel shape: `{rule, severity, nodes, edges, message}` in the chosen language. */
export const checkDocument: CheckDocument = (doc, lang) => checkDocumentRaw(doc).map((r) => toFinding(r, lang));

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

// ---------------------------------------------------------------------------
// Incremental checking

/**
 * What changed between two versions of a document, for the incremental
 * checker: null when the structure changed (a node or edge added, removed,
 * reordered or reparented, a kind changed, any edge changed), else the read
 * keys (view.ts, `readKey`) whose values may differ, and whether the
 * connection check (CONN-001's `checkDocumentEdges`) must run again.
 *
 * Documents are immutable (immer), so an unchanged node is the same object
 * and a changed one is found by identity; a prop whose value is a new object
 * counts as changed even if it is equal (over-approximating is always safe).
 * Positions, sizes and `extra` are never read by a rule (incremental.test.ts
 * scans the rule sources for it), so a move changes no key; neither are the
 * document's meta, notes or steps (only `view.doc` exposes them, and it is
 * tracked as `#doc`).
 */
export interface DocumentChange {
  readonly keys: ReadonlySet<string>;
  /** The changed nodes, in their new version. */
  readonly changed: readonly DiagramNode[];
  /** Some label changed. */
  readonly labels: boolean;
  /** Some add-on's addonType changed (connection inference reads it: catalog/inference.ts, addonTypeOf). */
  readonly addonTypes: boolean;
}

export function diffForCheck(prev: DiagramDocument, next: DiagramDocument): DocumentChange | null {
  const keys = new Set<string>();
  const changed: DiagramNode[] = [];
  let labels = false;
  let addonTypes = false;
  if (prev.edges !== next.edges) {
    if (prev.edges.length !== next.edges.length) return null;
    for (let i = 0; i < next.edges.length; i++) if (prev.edges[i] !== next.edges[i]) return null;
  }
  if (prev.nodes !== next.nodes) {
    if (prev.nodes.length !== next.nodes.length) return null;
    for (let i = 0; i < next.nodes.length; i++) {
      const a = prev.nodes[i];
      const b = next.nodes[i];
      if (a === b) continue;
      if (!a || !b || a.id !== b.id || a.kind !== b.kind || a.parent !== b.parent) return null;
      changed.push(b);
      if (a.label !== b.label) {
        keys.add(readKey(b.id, LABEL));
        labels = true;
      }
      if (a.props !== b.props) {
        for (const name of Object.keys(b.props)) {
          if (!Object.hasOwn(a.props, name) || a.props[name] !== b.props[name]) keys.add(readKey(b.kind, name));
        }
        for (const name of Object.keys(a.props)) if (!Object.hasOwn(b.props, name)) keys.add(readKey(b.kind, name));
        if (b.kind === 'addon' && a.props.addonType !== b.props.addonType) addonTypes = true;
      }
    }
  }
  if (prev !== next) keys.add(DOC_KEY);
  return { keys, changed, labels, addonTypes };
}

interface RuleState {
  readonly results: readonly RawResult[];
  readonly deps: ReadonlySet<string>;
}

function sameViolations(a: EdgeCheck, b: EdgeCheck): boolean {
  if (a.violations.size !== b.violations.size) return false;
  for (const [id, v] of a.violations) {
    const w = b.violations.get(id);
    if (!w || w.code !== v.code || w.reason.en !== v.reason.en || w.reason.ja !== v.reason.ja) return false;
  }
  return true;
}

function sameItems<T>(a: readonly T[], b: readonly T[]): boolean {
  return a.length === b.length && a.every((x, i) => x === b[i]);
}

export interface CheckStats {
  /** How the last check was made: `full` (everything re-run), `incremental` (only the rules whose reads changed) or `cached`. */
  readonly mode: 'full' | 'incremental' | 'cached';
  /** Rules re-run by the last check. */
  readonly rerun: number;
}

/**
 * The rule check after each edit, re-running only what an edit can change,
 * with the same result as `checkDocumentRaw` (a property test in
 * incremental.test.ts compares them after every step of random edit
 * sequences).
 *
 * A full check runs every rule on a view that records what each one reads
 * (view.ts, read tracking). After an edit that keeps the structure and only
 * changes props or labels, a rule whose recorded reads do not include a
 * changed (kind, prop) or label is skipped: it is deterministic, so reading the
 * same values it takes the same path and finds the same, and its recorded
 * reads stay exact for the next edit. The others re-run on a fresh view
 * that reuses the previous connection check when the edit cannot change it.
 * Anything structural runs everything again.
 */
export class IncrementalChecker {
  private doc: DiagramDocument | null = null;
  private view: RuleView | null = null;
  private readonly state = new Map<string, RuleState>();
  private merged: readonly RawResult[] = [];
  private lastStats: CheckStats = { mode: 'full', rerun: 0 };
  /** The rules sorted by id (code units, as `compareResults` orders them). */
  private readonly byId: readonly RuleModule<RuleView>[];

  constructor(private readonly rules: readonly RuleModule<RuleView>[] = RULES) {
    this.byId = [...rules].sort((a, b) => cmp(a.id, b.id));
  }

  get stats(): CheckStats {
    return this.lastStats;
  }

  /** The findings of `doc`, exactly as `checkDocumentRaw(doc)` gives them. */
  checkRaw(doc: DiagramDocument): readonly RawResult[] {
    try {
      return this.update(doc);
    } catch (e) {
      // A rule that threw leaves its neighbours' results behind the document: forget everything, so the next check is a full one.
      this.doc = null;
      this.view = null;
      this.state.clear();
      throw e;
    }
  }

  private update(doc: DiagramDocument): readonly RawResult[] {
    if (doc === this.doc) {
      this.lastStats = { mode: 'cached', rerun: 0 };
      return this.merged;
    }
    const view = this.view;
    const change = this.doc && view ? diffForCheck(this.doc, doc) : null;
    if (!change || !view) return this.full(doc);
    let edgeCheck = view.edgeCheck;
    const keys = new Set(change.keys);
    // Labels appear only in the reasons of refused edges (catalog/inference.ts
    // names nodes after deciding): without a refused edge there is nothing to redo.
    if (change.addonTypes || (change.labels && edgeCheck.violations.size > 0)) {
      const fresh = checkDocumentEdges(doc);
      // Accepting or refusing a different set of edges changes the structure every rule reads.
      if (!sameItems(fresh.valid, edgeCheck.valid)) return this.full(doc, fresh);
      if (!sameViolations(fresh, edgeCheck)) keys.add(EDGE_CHECK_KEY);
      edgeCheck = fresh;
    }
    view.patch(doc, change.changed, keys, edgeCheck);
    this.doc = doc;
    let rerun = 0;
    for (const rule of this.rules) {
      const s = this.state.get(rule.id);
      let stale = !s;
      if (s) for (const k of s.deps) if (keys.has(k)) { stale = true; break; }
      if (!stale) continue;
      this.run(rule, view);
      rerun++;
    }
    if (rerun > 0) this.merged = this.assemble();
    this.lastStats = { mode: 'incremental', rerun };
    return this.merged;
  }

  /** The CLI and panel shape, in the chosen language. */
  check(doc: DiagramDocument, lang: Lang): readonly Finding[] {
    return this.checkRaw(doc).map((r) => toFinding(r, lang));
  }

  private full(doc: DiagramDocument, edgeCheck?: EdgeCheck): readonly RawResult[] {
    const view = new RuleView(doc, { track: true, ...(edgeCheck ? { edgeCheck } : {}) });
    this.state.clear();
    for (const rule of this.rules) this.run(rule, view);
    this.doc = doc;
    this.view = view;
    this.merged = this.assemble();
    this.lastStats = { mode: 'full', rerun: this.rules.length };
    return this.merged;
  }

  private run(rule: RuleModule<RuleView>, view: RuleView): void {
    const { value, deps } = view.trackRun(() => {
      const out: RawResult[] = [];
      collectRule(rule, view, out);
      return out.sort(compareResults);
    });
    this.state.set(rule.id, { results: value, deps: deps ?? new Set() });
  }

  /**
   * The rules' sorted results in the engine's order: by severity, then rule
   * id, then each rule's own order. That is what sorting the concatenation
   * with `compareResults` gives (the sort is stable, and two rules never tie),
   * without sorting a thousand findings after every keystroke.
   */
  private assemble(): readonly RawResult[] {
    const out: RawResult[] = [];
    for (const severity of ['error', 'warning', 'info'] as const) {
      for (const rule of this.byId) {
        for (const r of this.state.get(rule.id)?.results ?? []) if (r.severity === severity) out.push(r);
      }
    }
    return out;
  }
}
