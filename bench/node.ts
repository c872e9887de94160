import { performance } from 'node:perf_hooks';
import { renderMarkdown, renderSvg } from '../app/export';
import { createEditor } from '../app/commands/history';
import { parseDiagram } from '../app/format/parse';
import { serializeDiagram } from '../app/format/serialize';
import type { DiagramDocument } from '../app/model/types';
import { checkDocument } from '../app/rules/engine';
import { getRule, RULES } from '../app/rules/registry';
import { createFindingsStore } from '../renderer/src/findings/findingsStore';
import { createExporters } from '../main/cli/exporters';
import { generateDiagram } from './generate';
import { metric, type Metric, type Target } from './lib/stats';

/**
 * The core's operations timed in Node with performance.now(): each is run a
 * few times unmeasured (warm-up, so the JIT has compiled it), then measured.
 */

export interface NodePlan {
  readonly sizes: readonly number[];
  readonly exportSizes: readonly number[];
  readonly pngSizes: readonly number[];
  readonly runs: number;
  readonly warmup: number;
  readonly pngRuns: number;
  readonly pngWarmup: number;
}

async function timeRuns(fn: (run: number) => unknown, runs: number, warmup: number): Promise<number[]> {
  for (let i = 0; i < warmup; i++) await fn(-1 - i);
  const out: number[] = [];
  for (let i = 0; i < runs; i++) {
    const t0 = performance.now();
    await fn(i);
    out.push(performance.now() - t0);
  }
  return out;
}

/**
 * The edits a re-check is timed after: one no rule reads (a workload's
 * replicas), one many rules read (a subnet's tier: egress, load balancer
 * placement, endpoints...).
 */
const RECHECK_EDITS = [
  { id: 'recheck', kind: 'workload', prop: 'replicas', what: 'workload replicas', value: (run: number): number => 2 + (Math.abs(run) % 7) },
  { id: 'recheckTier', kind: 'subnet', prop: 'tier', what: 'subnet tier', value: (run: number): string => (Math.abs(run) % 2 === 0 ? 'public' : 'private') },
] as const;

const TARGETS: Record<string, Target> = {
  'parse@5000': { below: 300, text: '< 300 ms' },
  'check@2000': { below: 50, text: '< 50 ms' },
  'recheck@2000': { below: 5, text: '< 5 ms' },
  'recheckTier@2000': { below: 5, text: '< 5 ms' },
  'svg@1000': { below: 200, text: '< 200 ms' },
  'markdown@1000': { below: 100, text: '< 100 ms' },
  'png@1000': { below: 3000, text: '< 3 s' },
};

const target = (id: string): Target | null => TARGETS[id] ?? null;

function describeRule(lang: 'en') {
  return (id: string) => {
    const rule = getRule(id);
    return rule ? { title: rule.title[lang], why: rule.why[lang], fix: rule.fix[lang] } : undefined;
  };
}

export async function runNodeBenchmarks(plan: NodePlan, log: (line: string) => void): Promise<Metric[]> {
  const out: Metric[] = [];
  const push = (m: Metric) => {
    out.push(m);
    log(`  ${m.label}: median ${m.median.toFixed(2)} ms (${m.runs} runs)`);
  };
  const docs = new Map<number, DiagramDocument>();
  const docOf = (n: number): DiagramDocument => {
    let d = docs.get(n);
    if (!d) docs.set(n, (d = generateDiagram(n)));
    return d;
  };

  for (const n of plan.sizes) {
    const doc = docOf(n);
    const text = serializeDiagram(doc);
    const size = `${n} nodes, ${doc.edges.length} edges`;

    push(
      metric(`parse@${n}`, `Parse and repair (${size}, ${(text.length / 1e6).toFixed(1)} MB)`, 'ms', await timeRuns(() => {
        const r = parseDiagram(text);
        if (!r.ok) throw new Error('the generated diagram did not parse');
      }, plan.runs, plan.warmup), target(`parse@${n}`)),
    );
    push(metric(`serialize@${n}`, `Serialise (${size})`, 'ms', await timeRuns(() => serializeDiagram(doc), plan.runs, plan.warmup), target(`serialize@${n}`)));
    push(metric(`check@${n}`, `Full rule check (${size})`, 'ms', await timeRuns(() => checkDocument(doc, 'en'), plan.runs, plan.warmup), target(`check@${n}`)));

    // One property edit through the editor (an undoable command, as the
    // inspector makes it), then what the findings panel does after it: the
    // findings store's check (incremental) and its badge summary.
    for (const edit of RECHECK_EDITS) {
      const editor = createEditor(doc);
      const findings = createFindingsStore(editor, () => 'en', () => undefined);
      const node = doc.nodes.find((x) => x.kind === edit.kind);
      if (!node) throw new Error(`the generated diagram has no ${edit.kind}`);
      findings.current();
      let rerun = 0;
      const samples = await timeRuns((run) => {
        editor.dispatch({ type: 'setProp', target: 'node', id: node.id, name: edit.prop, value: edit.value(run) }, 'edit');
        findings.current();
        rerun = findings.stats().rerun;
      }, plan.runs, plan.warmup);
      const id = `${edit.id}@${n}`;
      push(
        metric(id, `Re-check after one property edit, ${edit.what} (${size})`, 'ms', samples, target(id), `setProp of ${edit.kind}.${edit.prop} through the editor (immer), then the findings store's check and badge summary, as the app runs them; ${rerun} of ${RULES.length} rules re-ran`),
      );
    }
  }

  for (const n of plan.exportSizes) {
    const doc = docOf(n);
    const findings = checkDocument(doc, 'en');
    const size = `${n} nodes`;
    push(
      metric(`svg@${n}`, `SVG export (${size}, badges, embedded diagram)`, 'ms', await timeRuns(() => renderSvg(doc, { lang: 'en', theme: 'light', embed: true, findings }), plan.runs, plan.warmup), target(`svg@${n}`)),
    );
    push(
      metric(`markdown@${n}`, `Markdown export (${size}, findings given)`, 'ms', await timeRuns(() => renderMarkdown(doc, { lang: 'en', findings, describeRule: describeRule('en') }), plan.runs, plan.warmup), target(`markdown@${n}`), 'renderMarkdown with the live findings, as the app exports; the rule check is timed separately'),
    );
  }

  const notices: string[] = [];
  const exporters = createExporters((text) => notices.push(text));
  for (const n of plan.pngSizes) {
    const doc = docOf(n);
    notices.length = 0;
    let bytes = 0;
    const samples = await timeRuns(async () => {
      bytes = (await exporters.png(doc, { lang: 'en', theme: 'light', embed: true, scale: 2 })).length;
    }, plan.pngRuns, plan.pngWarmup);
    const capped = notices[0] ? ` ${notices[0]}` : '';
    push(metric(`png@${n}`, `PNG export at scale 2 (${n} nodes, resvg)`, 'ms', samples, target(`png@${n}`), `kumozu export's PNG path (the SVG in bands drawn by resvg with the shipped font on worker processes, one per core, rows deflated there, then embedding), ${(bytes / 1e6).toFixed(1)} MB.${capped}`));
  }
  return out;
}
