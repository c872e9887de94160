import { describeRepair } from '../../app/format/parse';
import type { Lang } from '../../app/model/types';
import { SEVERITIES, type CheckDocument, type Finding, type Severity } from '../../app/rules/types';
import type { CheckOptions, FailOn } from './args';
import { describeInputFailure, loadDiagram, type InputDeps } from './io';

/**
 * `kumozu check <file>` (spec/cli.md). Pure apart from reading the input
 * through the injected file system: returns what to print and the exit code,
 * so every case is tested without spawning a process.
 */

export interface CliResult {
  readonly stdout: string;
  readonly stderr: string;
  readonly exitCode: 0 | 1 | 2;
}

export interface CheckDeps extends InputDeps {
  /** The rule engine (app/rules/engine.ts); injectable so output tests don't depend on the growing rule set. */
  readonly checkDocument: CheckDocument;
}

export type Summary = Readonly<Record<Severity, number>>;

export async function runCheck(options: CheckOptions, deps: CheckDeps): Promise<CliResult> {
  const loaded = await loadDiagram(options.file, deps);
  if (!loaded.ok) {
    // The file's own language is unknown when it can't be read: --lang, else English.
    return inputError('check', options.file, describeInputFailure(loaded.failure, options.lang ?? 'en'));
  }
  const lang = options.lang ?? loaded.document.meta.lang;
  const findings = deps.checkDocument(loaded.document, lang);
  const summary = summarize(findings);
  const stdout = options.format === 'json' ? formatJson(options.file, findings, summary) : formatText(findings, summary, lang);
  // Repairs made while reading are lossless but change what was checked, so the user hears of them
  // (format.md); on stderr, so the JSON on stdout stays one object.
  const stderr = loaded.repairs.map((r) => `kumozu check: ${options.file}: ${oneLine(describeRepair(r, lang))}\n`).join('');
  return { stdout, stderr, exitCode: exitCodeFor(summary, options.failOn) };
}

/** Exit 2 with one line on stderr and nothing on stdout (cli.md, "Exit codes"). */
export function inputError(command: string, file: string, reason: string): CliResult {
  return { stdout: '', stderr: `kumozu ${command}: ${file}: ${oneLine(reason)}\n`, exitCode: 2 };
}

export function summarize(findings: readonly Finding[]): Summary {
  const counts: Record<Severity, number> = { error: 0, warning: 0, info: 0 };
  for (const f of findings) counts[f.severity]++;
  return counts;
}

/** 1 when some finding is at or above `failOn`. */
export function exitCodeFor(summary: Summary, failOn: FailOn): 0 | 1 {
  switch (failOn) {
    case 'error':
      return summary.error > 0 ? 1 : 0;
    case 'warning':
      return summary.error + summary.warning > 0 ? 1 : 0;
    case 'never':
      return 0;
    default:
      return unreachable(failOn);
  }
}

function unreachable(value: never): never {
  throw new Error(`unhandled case: ${JSON.stringify(value)}`);
}

// ---------------------------------------------------------------------------
// Output

/**
 * The JSON of cli.md, keys in the documented order whatever the engine's
 * objects hold; two-space indent and a final newline. `file` is the path as
 * given on the command line.
 */
export function formatJson(file: string, findings: readonly Finding[], summary: Summary): string {
  const out = {
    file,
    findings: findings.map((f) => ({ rule: f.rule, severity: f.severity, nodes: [...f.nodes], edges: [...f.edges], message: f.message })),
    summary: { error: summary.error, warning: summary.warning, info: summary.info },
  };
  return `${JSON.stringify(out, null, 2)}\n`;
}

/** Width of the severity column: the longest severity, `warning`. */
const SEVERITY_WIDTH = Math.max(...SEVERITIES.map((s) => s.length));
/** Width of the rule column: the longest rule id of the catalog (`SCALE-001`). */
const RULE_WIDTH = 9;

/**
 * One line per finding, then the summary:
 *
 *     error    CP-004     cp  Both endpoint modes are off…
 *     warning  SCALE-002  karpenter,ca  …
 *     2 errors, 1 warning, 0 info
 *
 * Severity padded to 7 and rule id to 9 characters, then two spaces between
 * columns; node ids joined by commas, `-` when there are none. Severity and
 * rule id stay English in both languages so scripts can match them; the
 * message and the summary follow `lang`. Edges are only in the JSON.
 */
export function formatText(findings: readonly Finding[], summary: Summary, lang: Lang): string {
  const lines = findings.map((f) =>
    [f.severity.padEnd(SEVERITY_WIDTH), f.rule.padEnd(RULE_WIDTH), f.nodes.length === 0 ? '-' : f.nodes.map(nodeIdText).join(','), oneLine(f.message)].join('  '),
  );
  lines.push(summaryText(summary, lang));
  return lines.map((l) => `${l}\n`).join('');
}

export function summaryText(summary: Summary, lang: Lang): string {
  if (lang === 'ja') return `エラー ${summary.error} 件、警告 ${summary.warning} 件、情報 ${summary.info} 件`;
  const plural = (n: number, one: string, many: string) => `${n} ${n === 1 ? one : many}`;
  return `${plural(summary.error, 'error', 'errors')}, ${plural(summary.warning, 'warning', 'warnings')}, ${summary.info} info`;
}

/**
 * Ids come from the file and may hold anything. One that would break the
 * columns (space, comma, quote, control character) is written as a JSON
 * string, so the line stays one line and can still be split unambiguously.
 */
function nodeIdText(id: string): string {
  return /^[^\s,"\p{Cc}\p{Cf}\p{Zl}\p{Zp}]+$/u.test(id) ? id : JSON.stringify(id);
}

/**
 * Messages quote labels from the file: line breaks and control characters
 * (including the ESC of terminal escape sequences) become spaces, so a
 * hostile label can't forge extra lines or recolour the terminal.
 */
function oneLine(text: string): string {
  return text.replace(/[\p{Cc}\p{Zl}\p{Zp}]+/gu, ' ');
}
