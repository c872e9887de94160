import { describe, expect, it } from 'vitest';
import { CHECK_HELP, EXPORT_HELP, parseArgs, TOP_HELP, type ParsedArgs } from './args';

function usageMessage(result: ParsedArgs): string {
  if (result.kind !== 'usageError') throw new Error(`expected a usage error, got ${result.kind}`);
  expect(result.message).not.toContain('\n');
  return result.message;
}

describe('top level', () => {
  it('asks for a command when there is none', () => {
    expect(parseArgs([])).toEqual({ kind: 'noCommand', usage: TOP_HELP });
  });

  it('shows the top help for --help, -h and help', () => {
    for (const args of [['--help'], ['-h'], ['help']]) expect(parseArgs(args)).toEqual({ kind: 'help', text: TOP_HELP });
  });

  it('shows a command help for help <command>', () => {
    expect(parseArgs(['help', 'check'])).toEqual({ kind: 'help', text: CHECK_HELP });
    expect(parseArgs(['help', 'export'])).toEqual({ kind: 'help', text: EXPORT_HELP });
    expect(usageMessage(parseArgs(['help', 'lint']))).toContain('unknown command "lint"');
    expect(usageMessage(parseArgs(['help', 'check', 'x']))).toContain('unexpected argument "x"');
  });

  it('refuses unknown commands and options before the command', () => {
    expect(usageMessage(parseArgs(['lint', 'a.json']))).toBe('kumozu: unknown command "lint" (commands: check, export; see "kumozu --help")');
    expect(usageMessage(parseArgs(['--format', 'json']))).toContain('unknown option "--format" before the command');
  });

  it('keeps help texts within 80 columns and in English', () => {
    for (const text of [TOP_HELP, CHECK_HELP, EXPORT_HELP]) {
      for (const line of text.split('\n')) expect(line.length).toBeLessThanOrEqual(80);
      expect(text).toMatch(/^Usage: kumozu/);
      expect(text.endsWith('\n')).toBe(true);
    }
  });
});

describe('check', () => {
  it('has the documented defaults', () => {
    expect(parseArgs(['check', 'a.kumozu.json'])).toEqual({ kind: 'check', options: { file: 'a.kumozu.json', format: 'text', failOn: 'error' } });
  });

  it('reads every option in both spellings', () => {
    const expected = { kind: 'check', options: { file: 'a.json', format: 'json', lang: 'ja', failOn: 'warning' } };
    expect(parseArgs(['check', 'a.json', '--format', 'json', '--lang', 'ja', '--fail-on', 'warning'])).toEqual(expected);
    expect(parseArgs(['check', '--format=json', '--lang=ja', '--fail-on=warning', 'a.json'])).toEqual(expected);
    expect(parseArgs(['check', 'a.json', '--fail-on', 'never'])).toMatchObject({ options: { failOn: 'never' } });
    expect(parseArgs(['check', 'a.json', '--lang', 'en'])).toMatchObject({ options: { lang: 'en' } });
  });

  it('lets help win over anything else, but not after --', () => {
    expect(parseArgs(['check', '--help'])).toEqual({ kind: 'help', text: CHECK_HELP });
    expect(parseArgs(['check', '--bogus', '-h', 'x', 'y'])).toEqual({ kind: 'help', text: CHECK_HELP });
    expect(parseArgs(['check', '--', '--help'])).toMatchObject({ kind: 'check', options: { file: '--help' } });
  });

  it('takes file names that start with a dash after --, and - as a file', () => {
    expect(parseArgs(['check', '--', '-odd.json'])).toMatchObject({ options: { file: '-odd.json' } });
    expect(parseArgs(['check', '-'])).toMatchObject({ options: { file: '-' } });
  });

  it.each([
    [['check'], 'kumozu check: no input file given (see "kumozu check --help")'],
    [['check', 'a.json', 'b.json'], 'kumozu check: only one input file is accepted (got "a.json" and "b.json") (see "kumozu check --help")'],
    [['check', 'a.json', '--colour'], 'kumozu check: unknown option "--colour" (see "kumozu check --help")'],
    [['check', 'a.json', '-x'], 'kumozu check: unknown option "-x" (see "kumozu check --help")'],
    [['check', 'a.json', '--png', 'x.png'], 'kumozu check: unknown option "--png" (see "kumozu check --help")'],
    [['check', 'a.json', '--format'], 'kumozu check: --format needs a value (see "kumozu check --help")'],
    [['check', 'a.json', '--format='], 'kumozu check: --format needs a value (see "kumozu check --help")'],
    [['check', '--lang', '--format', 'json', 'a.json'], 'kumozu check: --lang needs a value (see "kumozu check --help")'],
    [['check', 'a.json', '--format', 'xml'], 'kumozu check: --format must be text or json (got "xml") (see "kumozu check --help")'],
    [['check', 'a.json', '--lang', 'fr'], 'kumozu check: --lang must be ja or en (got "fr") (see "kumozu check --help")'],
    [['check', 'a.json', '--fail-on', 'info'], 'kumozu check: --fail-on must be error, warning or never (got "info") (see "kumozu check --help")'],
    [['check', 'a.json', '--lang', 'en', '--lang', 'ja'], 'kumozu check: --lang is given more than once (see "kumozu check --help")'],
    [['check', ''], 'kumozu check: the input file name is empty (see "kumozu check --help")'],
  ])('refuses %j', (args, message) => {
    expect(usageMessage(parseArgs(args))).toBe(message);
  });

  it('does not read inherited names as options', () => {
    expect(usageMessage(parseArgs(['check', 'a.json', '--constructor', 'x']))).toContain('unknown option "--constructor"');
    expect(usageMessage(parseArgs(['check', 'a.json', '--toString=x']))).toContain('unknown option "--toString"');
  });
});

describe('export', () => {
  it('has the documented defaults', () => {
    expect(parseArgs(['export', 'a.json', '--png', 'a.png'])).toEqual({
      kind: 'export',
      options: { file: 'a.json', png: 'a.png', scale: 2, theme: 'light', embed: true },
    });
  });

  it('reads every option', () => {
    expect(
      parseArgs(['export', 'a.json', '--png', 'a.png', '--svg=a.svg', '--md', 'a.md', '--scale', '3.5', '--lang', 'ja', '--theme', 'dark', '--no-embed']),
    ).toEqual({
      kind: 'export',
      options: { file: 'a.json', png: 'a.png', svg: 'a.svg', md: 'a.md', scale: 3.5, lang: 'ja', theme: 'dark', embed: false },
    });
    expect(parseArgs(['export', 'a.json', '--md', 'out/a.md'])).toMatchObject({ options: { md: 'out/a.md' } });
    expect(parseArgs(['export', 'a.json', '--svg', 'a.svg', '--scale', '1'])).toMatchObject({ options: { scale: 1 } });
    expect(parseArgs(['export', 'a.json', '--svg', 'a.svg', '--scale', '4'])).toMatchObject({ options: { scale: 4 } });
  });

  it('shows its help', () => {
    expect(parseArgs(['export', '-h'])).toEqual({ kind: 'help', text: EXPORT_HELP });
    expect(parseArgs(['export', 'a.json', '--scale', '9', '--help'])).toEqual({ kind: 'help', text: EXPORT_HELP });
  });

  it.each([
    [['export', 'a.json'], 'give at least one of --png, --svg and --md'],
    [['export', 'a.json', '--no-embed'], 'give at least one of --png, --svg and --md'],
    [['export', '--png', 'a.png'], 'no input file given'],
    [['export', 'a.json', '--png'], '--png needs a value'],
    [['export', 'a.json', '--png', '--svg', 'a.svg'], '--png needs a value'],
    [['export', 'a.json', '--png', 'a.png', '--scale', '0'], '--scale must be a number from 1 to 4 (got "0")'],
    [['export', 'a.json', '--png', 'a.png', '--scale', '4.01'], '--scale must be a number from 1 to 4 (got "4.01")'],
    [['export', 'a.json', '--png', 'a.png', '--scale', '1e0'], '--scale must be a number from 1 to 4 (got "1e0")'],
    [['export', 'a.json', '--png', 'a.png', '--scale', 'two'], '--scale must be a number from 1 to 4 (got "two")'],
    [['export', 'a.json', '--png', 'a.png', '--scale', '-2'], '--scale needs a value'],
    [['export', 'a.json', '--png', 'a.png', '--scale=-2'], '--scale must be a number from 1 to 4 (got "-2")'],
    [['export', 'a.json', '--png', 'a.png', '--theme', 'blue'], '--theme must be light or dark (got "blue")'],
    [['export', 'a.json', '--png', 'a.png', '--no-embed=yes'], '--no-embed takes no value'],
    [['export', 'a.json', '--png', 'a.png', '--no-embed', '--no-embed'], '--no-embed is given more than once'],
    [['export', 'a.json', '--png', 'a.png', '--png', 'b.png'], '--png is given more than once'],
    [['export', 'a.json', '--png', 'a.png', '--format', 'json'], 'unknown option "--format"'],
    [['export', 'a.json', '--png', 'out.x', '--svg', './out.x'], '--png and --svg name the same file "out.x"'],
    [['export', 'a.json', '--md', 'a.json'], '--md would overwrite the input file "a.json"'],
    [['export', 'dir/a.json', '--md', 'dir//./a.json'], '--md would overwrite the input file "dir/a.json"'],
  ])('refuses %j', (args, reason) => {
    expect(usageMessage(parseArgs(args))).toBe(`kumozu export: ${reason} (see "kumozu export --help")`);
  });
});
