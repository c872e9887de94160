import { resolve } from 'node:path';
import type { Lang } from '../../app/model/types';

/**
 * The `kumozu` argument parser (spec/cli.md), hand-written so the command has
 * no dependency and every mistake gets a precise one-line message.
 *
 * Grammar, per command:
 *   - options are `--name value` or `--name=value`; flags (`--no-embed`) take
 *     no value;
 *   - exactly one positional argument, the input file; `--` ends options, so a
 *     file whose name starts with `-` can still be given;
 *   - `--help` / `-h` anywhere before `--` wins over everything else, so a
 *     half-typed command line can still ask for help;
 *   - an unknown option, a missing or invalid value, a repeated option or a
 *     missing/extra file is a usage error (exit 2).
 * A separate value that starts with `-` is taken as a forgotten value
 * (`--png --svg out.svg`), not as a file name; `--png=-odd.png` still works.
 */

export type OutputFormat = 'text' | 'json';
export type FailOn = 'error' | 'warning' | 'never';
export type Theme = 'light' | 'dark';

export interface CheckOptions {
  readonly file: string;
  readonly format: OutputFormat;
  /** Absent: the file's `meta.lang` decides. */
  readonly lang?: Lang;
  readonly failOn: FailOn;
}

export interface ExportOptions {
  readonly file: string;
  readonly png?: string;
  readonly svg?: string;
  readonly md?: string;
  /** PNG pixel ratio, 1 to 4. */
  readonly scale: number;
  /** Absent: the file's `meta.lang` decides. */
  readonly lang?: Lang;
  readonly theme: Theme;
  /** False with `--no-embed`. */
  readonly embed: boolean;
}

export type CommandName = 'check' | 'export';

export type ParsedArgs =
  /** Print `text` on stdout, exit 0. */
  | { readonly kind: 'help'; readonly text: string }
  /** No command at all: print the usage on stderr, exit 2. */
  | { readonly kind: 'noCommand'; readonly usage: string }
  /** One line for stderr (without the trailing newline), exit 2. */
  | { readonly kind: 'usageError'; readonly message: string }
  | { readonly kind: 'check'; readonly options: CheckOptions }
  | { readonly kind: 'export'; readonly options: ExportOptions };

export const DEFAULT_SCALE = 2;
export const MIN_SCALE = 1;
export const MAX_SCALE = 4;

// ---------------------------------------------------------------------------
// Help texts

export const TOP_HELP = `Usage: kumozu <command> [options]

Checks and exports Kumozu diagrams (.kumozu.json) without the desktop app.

Commands:
  check <file>    run every rule on a diagram and list the findings
  export <file>   write PNG, SVG or Markdown exports of a diagram

Options:
  -h, --help      show this help; "kumozu <command> --help" (or
                  "kumozu help <command>") shows a command's options

Exit codes: 0 done, 1 check found findings at or above --fail-on,
2 the input could not be used or the arguments are wrong.

From the repository: npm run --silent kumozu -- <command> [options]
`;

export const CHECK_HELP = `Usage: kumozu check <file> [options]

Runs every rule on a diagram: a .kumozu.json file, or a PNG/SVG exported
with an embedded diagram.

Options:
  --format text|json              output format (default: text)
  --lang ja|en                    language of messages (default: the file's
                                  meta.lang, else en)
  --fail-on error|warning|never   severity that makes the exit code 1
                                  (default: error)
  -h, --help                      show this help

Text output: one line per finding, "severity  RULE-ID  node-ids  message",
sorted by severity, rule id and first node id, then a summary line.
JSON output: {"file", "findings": [{"rule", "severity", "nodes", "edges",
"message"}], "summary": {"error", "warning", "info"}}.

Exit codes: 0 nothing at or above --fail-on, 1 findings at or above
--fail-on, 2 the file could not be used or the arguments are wrong.
`;

export const EXPORT_HELP = `Usage: kumozu export <file> --png PATH | --svg PATH | --md PATH [options]

Writes exports of a diagram. At least one of --png, --svg and --md is
required; each output is written atomically.

Options:
  --png PATH             raster image of the whole diagram
  --svg PATH             vector image of the whole diagram
  --md PATH              Markdown explanation of the diagram
  --scale N              PNG pixel ratio, ${MIN_SCALE} to ${MAX_SCALE} (default: ${DEFAULT_SCALE})
  --lang ja|en           language of generated text (default: the file's
                         meta.lang, else en)
  --theme light|dark     image theme (default: light)
  --no-embed             do not embed the diagram in the PNG/SVG
  -h, --help             show this help

Exit codes: 0 done, 2 the file could not be used or the arguments are wrong.
`;

const HELP: Readonly<Record<CommandName, string>> = { check: CHECK_HELP, export: EXPORT_HELP };

// ---------------------------------------------------------------------------
// Option tables

interface ValueOption {
  readonly takesValue: true;
  /** Accepted values, when the option is an enum. */
  readonly choices?: readonly string[];
}
interface FlagOption {
  readonly takesValue: false;
}
type OptionSpec = ValueOption | FlagOption;

const LANG_CHOICES: readonly Lang[] = ['ja', 'en'];

const CHECK_OPTIONS: Readonly<Record<string, OptionSpec>> = {
  format: { takesValue: true, choices: ['text', 'json'] },
  lang: { takesValue: true, choices: LANG_CHOICES },
  'fail-on': { takesValue: true, choices: ['error', 'warning', 'never'] },
};

const EXPORT_OPTIONS: Readonly<Record<string, OptionSpec>> = {
  png: { takesValue: true },
  svg: { takesValue: true },
  md: { takesValue: true },
  scale: { takesValue: true },
  lang: { takesValue: true, choices: LANG_CHOICES },
  theme: { takesValue: true, choices: ['light', 'dark'] },
  'no-embed': { takesValue: false },
};

const OPTIONS: Readonly<Record<CommandName, Readonly<Record<string, OptionSpec>>>> = { check: CHECK_OPTIONS, export: EXPORT_OPTIONS };

/** Values read from the command line: the string for value options, `true` for flags. */
type RawOptions = ReadonlyMap<string, string | true>;

class UsageError {
  constructor(readonly message: string) {}
}

// ---------------------------------------------------------------------------
// Parsing

function isCommand(name: string): name is CommandName {
  return name === 'check' || name === 'export';
}

const isHelp = (arg: string): boolean => arg === '--help' || arg === '-h';

/** `args` is what follows the program name (`process.argv.slice(2)`). */
export function parseArgs(args: readonly string[]): ParsedArgs {
  const [first, ...rest] = args;
  if (first === undefined) return { kind: 'noCommand', usage: TOP_HELP };
  if (isHelp(first)) return { kind: 'help', text: TOP_HELP };
  if (first === 'help') {
    // `kumozu help [command]`, as git and npm accept it.
    const [topic, ...extra] = rest;
    if (topic === undefined) return { kind: 'help', text: TOP_HELP };
    if (extra.length > 0) return usageError(`kumozu help: unexpected argument "${extra[0] ?? ''}"`);
    return isCommand(topic) ? { kind: 'help', text: HELP[topic] } : usageError(`kumozu help: unknown command "${topic}" (commands: check, export)`);
  }
  if (!isCommand(first)) {
    return first.startsWith('-')
      ? usageError(`kumozu: unknown option "${first}" before the command (see "kumozu --help")`)
      : usageError(`kumozu: unknown command "${first}" (commands: check, export; see "kumozu --help")`);
  }
  const endOfOptions = rest.indexOf('--');
  if ((endOfOptions === -1 ? rest : rest.slice(0, endOfOptions)).some(isHelp)) return { kind: 'help', text: HELP[first] };

  try {
    const { file, options } = scan(first, rest);
    return first === 'check' ? { kind: 'check', options: checkOptions(file, options) } : { kind: 'export', options: exportOptions(file, options) };
  } catch (e) {
    if (e instanceof UsageError) return usageError(`kumozu ${first}: ${e.message} (see "kumozu ${first} --help")`);
    throw e;
  }
}

function usageError(message: string): ParsedArgs {
  return { kind: 'usageError', message };
}

/** Splits a command's arguments into its one file and its options, checking names, values and repeats. */
function scan(command: CommandName, args: readonly string[]): { file: string; options: RawOptions } {
  const specs = OPTIONS[command];
  const options = new Map<string, string | true>();
  const files: string[] = [];
  let onlyFiles = false;
  for (let i = 0; i < args.length; i++) {
    const arg = args[i] ?? '';
    if (onlyFiles || arg === '-' || !arg.startsWith('-')) {
      files.push(arg);
      continue;
    }
    if (arg === '--') {
      onlyFiles = true;
      continue;
    }
    if (!arg.startsWith('--')) throw new UsageError(`unknown option "${arg}"`);
    const eq = arg.indexOf('=');
    const name = arg.slice(2, eq === -1 ? undefined : eq);
    const spec = Object.hasOwn(specs, name) ? specs[name] : undefined;
    if (spec === undefined) throw new UsageError(`unknown option "--${name}"`);
    if (options.has(name)) throw new UsageError(`--${name} is given more than once`);
    if (!spec.takesValue) {
      if (eq !== -1) throw new UsageError(`--${name} takes no value`);
      options.set(name, true);
      continue;
    }
    let value: string;
    if (eq !== -1) {
      value = arg.slice(eq + 1);
    } else {
      const next = args[i + 1];
      if (next === undefined || (next.startsWith('-') && next !== '-')) throw new UsageError(`--${name} needs a value`);
      value = next;
      i++;
    }
    if (value === '') throw new UsageError(`--${name} needs a value`);
    if (spec.choices && !spec.choices.includes(value)) {
      throw new UsageError(`--${name} must be ${orList(spec.choices)} (got "${value}")`);
    }
    options.set(name, value);
  }
  if (files.length === 0) throw new UsageError('no input file given');
  if (files.length > 1) throw new UsageError(`only one input file is accepted (got "${files[0] ?? ''}" and "${files[1] ?? ''}")`);
  const file = files[0] ?? '';
  if (file === '') throw new UsageError('the input file name is empty');
  return { file, options };
}

function orList(items: readonly string[]): string {
  return items.length <= 1 ? (items[0] ?? '') : `${items.slice(0, -1).join(', ')} or ${items[items.length - 1] ?? ''}`;
}

/** A value option's string; only called for value options, whose values `scan` has already checked. */
function value(options: RawOptions, name: string): string | undefined {
  const v = options.get(name);
  return typeof v === 'string' ? v : undefined;
}

// The `as` casts below narrow strings `scan` has already checked against each option's `choices`.

function checkOptions(file: string, options: RawOptions): CheckOptions {
  const lang = value(options, 'lang') as Lang | undefined;
  return {
    file,
    format: (value(options, 'format') ?? 'text') as OutputFormat,
    ...(lang ? { lang } : {}),
    failOn: (value(options, 'fail-on') ?? 'error') as FailOn,
  };
}

function exportOptions(file: string, options: RawOptions): ExportOptions {
  const png = value(options, 'png');
  const svg = value(options, 'svg');
  const md = value(options, 'md');
  if (png === undefined && svg === undefined && md === undefined) throw new UsageError('give at least one of --png, --svg and --md');

  // Two outputs to one path would overwrite each other, and the input must never be replaced by an export.
  const outputs: [string, string][] = [];
  if (png !== undefined) outputs.push(['--png', png]);
  if (svg !== undefined) outputs.push(['--svg', svg]);
  if (md !== undefined) outputs.push(['--md', md]);
  for (const [flag, path] of outputs) {
    if (samePath(path, file)) throw new UsageError(`${flag} would overwrite the input file "${file}"`);
  }
  for (let i = 0; i < outputs.length; i++) {
    for (let j = i + 1; j < outputs.length; j++) {
      const [a, pa] = outputs[i] ?? ['', ''];
      const [b, pb] = outputs[j] ?? ['', ''];
      if (samePath(pa, pb)) throw new UsageError(`${a} and ${b} name the same file "${pa}"`);
    }
  }

  const lang = value(options, 'lang') as Lang | undefined;
  return {
    file,
    ...(png !== undefined ? { png } : {}),
    ...(svg !== undefined ? { svg } : {}),
    ...(md !== undefined ? { md } : {}),
    scale: parseScale(value(options, 'scale')),
    ...(lang ? { lang } : {}),
    theme: (value(options, 'theme') ?? 'light') as Theme,
    embed: !options.has('no-embed'),
  };
}

/**
 * A pixel ratio may be fractional (1.5 is a common display ratio), so plain
 * decimals are accepted; exponents, signs, hex and `Infinity` are not.
 */
function parseScale(raw: string | undefined): number {
  if (raw === undefined) return DEFAULT_SCALE;
  const n = /^\d+(\.\d+)?$/.test(raw) ? Number(raw) : Number.NaN;
  if (!(n >= MIN_SCALE && n <= MAX_SCALE)) throw new UsageError(`--scale must be a number from ${MIN_SCALE} to ${MAX_SCALE} (got "${raw}")`);
  return n;
}

/**
 * Whether two command-line paths name the same file, resolved against the
 * working directory. Links and case-insensitive file systems are not seen
 * through; this only catches the plain slip.
 */
function samePath(a: string, b: string): boolean {
  return resolve(a) === resolve(b);
}
