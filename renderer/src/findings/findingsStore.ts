import { IncrementalChecker, type CheckStats } from '../../../app/rules/engine';
import type { Finding, Severity } from '../../../app/rules/types';
import type { Editor } from '../../../app/commands/history';
import type { DiagramDocument, Lang } from '../../../app/model/types';
import { createStore, type Store } from '../state/store';

/**
 * Live findings: the rule engine re-runs after every edit, at most once per
 * animation frame and never during a drag (a drag only moves things; what a
 * drop changes is checked when the gesture ends), so checking never blocks the canvas.
 * After an edit that only changes props or labels, only the rules that read
 * what changed run again (app/rules/engine.ts, IncrementalChecker).
 */

export interface Badge {
  readonly severity: Severity;
  readonly messages: readonly string[];
}

export interface FindingsState {
  readonly findings: readonly Finding[];
  readonly byNode: ReadonlyMap<string, Badge>;
  readonly byEdge: ReadonlyMap<string, Badge>;
  /** The document the findings were computed for. */
  readonly checked: DiagramDocument | null;
}

const RANK: Record<Severity, number> = { error: 0, warning: 1, info: 2 };

function addBadge(map: Map<string, Badge>, id: string, f: Finding): void {
  const prev = map.get(id);
  if (!prev) map.set(id, { severity: f.severity, messages: [f.message] });
  else map.set(id, { severity: RANK[f.severity] < RANK[prev.severity] ? f.severity : prev.severity, messages: [...prev.messages, f.message] });
}

export function summarize(findings: readonly Finding[]): Omit<FindingsState, 'checked'> {
  const byNode = new Map<string, Badge>();
  const byEdge = new Map<string, Badge>();
  for (const f of findings) {
    // The first node carries the badge (rules.md, Conventions).
    const primary = f.nodes[0];
    if (primary !== undefined) addBadge(byNode, primary, f);
    for (const e of f.edges) addBadge(byEdge, e, f);
  }
  return { findings, byNode, byEdge };
}

export function createFindingsStore(editor: Editor, lang: () => Lang, schedule: (fn: () => void) => void) {
  const store: Store<FindingsState> = createStore<FindingsState>({ findings: [], byNode: new Map(), byEdge: new Map(), checked: null });
  let pending = false;
  let checkedLang: Lang | null = null;
  // Re-runs only the rules an edit can affect; the same findings as a full check (engine.ts).
  const checker = new IncrementalChecker();

  function run(): void {
    pending = false;
    const { document, inGesture } = editor.getState();
    if (inGesture) return;
    if (store.get().checked === document && checkedLang === lang()) return;
    checkedLang = lang();
    store.set({ ...summarize(checker.check(document, checkedLang)), checked: document });
  }

  function request(): void {
    if (pending) return;
    pending = true;
    schedule(run);
  }

  editor.subscribe(request);
  request();
  return {
    store,
    request,
    /** Findings for the current document right now (the automation hook and tests). */
    /** How the last check was made (full, incremental, cached) and how many rules it ran: the benchmark reports it. */
    stats(): CheckStats {
      return checker.stats;
    },
    current(): readonly Finding[] {
      run();
      return store.get().findings;
    },
  };
}

export type FindingsService = ReturnType<typeof createFindingsStore>;
