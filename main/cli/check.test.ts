import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { MAX_BYTES } from '../../app/format/limits';
import type { DiagramDocument, Lang } from '../../app/model/types';
import { checkDocument } from '../../app/rules/engine';
import type { CheckDocument, Finding } from '../../app/rules/types';
import type { CheckOptions } from './args';
import { runCheck, summaryText, type CheckDeps, type CliResult } from './check';
import { nodeInputFs, type InputFs } from './io';

let dir: string;
beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'kumozu-check-'));
});
afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

/** A file in the temp folder; returns its path. */
async function file(name: string, content: string | Uint8Array): Promise<string> {
  const path = join(dir, name);
  await writeFile(path, content);
  return path;
}

function diagram(lang: Lang | undefined, nodes: readonly object[] = []): string {
  return JSON.stringify({
    format: 'kumozu.diagram',
    version: 1,
    ...(lang ? { meta: { title: 't', description: '', lang } } : {}),
    nodes,
    edges: [],
  });
}

const options = (file: string, extra: Partial<CheckOptions> = {}): CheckOptions => ({ file, format: 'text', failOn: 'error', ...extra });

// ---------------------------------------------------------------------------
// A fake engine: fixed findings, already in the engine's order, with a message
// in the language asked for, so output, exit codes and language selection are
// tested independently of the rule set (which is still growing).

const FAKE: readonly Omit<Finding, 'message'>[] = [
  { rule: 'CP-001', severity: 'error', nodes: ['cp'], edges: [] },
  { rule: 'CP-004', severity: 'error', nodes: ['cp', 'x'], edges: [] },
  { rule: 'CONN-001', severity: 'warning', nodes: ['a b', 'c,d'], edges: ['e1', 'e2'] },
  { rule: 'COST-001', severity: 'info', nodes: [], edges: [] },
];

function fakeEngine(findings: readonly Omit<Finding, 'message'>[] = FAKE, seen: Lang[] = []): CheckDocument {
  return (_doc: DiagramDocument, lang: Lang) => {
    seen.push(lang);
    return findings.map((f) => ({ ...f, message: lang === 'ja' ? `${f.rule} の説明` : `About ${f.rule}` }));
  };
}

const depsWith = (engine: CheckDocument, fs: InputFs = nodeInputFs): CheckDeps => ({ fs, checkDocument: engine });

describe('check output', () => {
  it('prints one line per finding and the summary', async () => {
    const path = await file('text.kumozu.json', diagram('en'));
    const result = await runCheck(options(path), depsWith(fakeEngine()));
    expect(result.stdout).toBe(
      [
        'error    CP-001     cp  About CP-001',
        'error    CP-004     cp,x  About CP-004',
        'warning  CONN-001   "a b","c,d"  About CONN-001',
        'info     COST-001   -  About COST-001',
        '2 errors, 1 warning, 1 info',
        '',
      ].join('\n'),
    );
    expect(result.stderr).toBe('');
    expect(result.exitCode).toBe(1);
  });

  it('prints the JSON of cli.md, with the file as given', async () => {
    const path = await file('json.kumozu.json', diagram('en'));
    const result = await runCheck(options(path, { format: 'json' }), depsWith(fakeEngine()));
    expect(result.stdout.endsWith('}\n')).toBe(true);
    const out: unknown = JSON.parse(result.stdout);
    expect(out).toEqual({
      file: path,
      findings: [
        { rule: 'CP-001', severity: 'error', nodes: ['cp'], edges: [], message: 'About CP-001' },
        { rule: 'CP-004', severity: 'error', nodes: ['cp', 'x'], edges: [], message: 'About CP-004' },
        { rule: 'CONN-001', severity: 'warning', nodes: ['a b', 'c,d'], edges: ['e1', 'e2'], message: 'About CONN-001' },
        { rule: 'COST-001', severity: 'info', nodes: [], edges: [], message: 'About COST-001' },
      ],
      summary: { error: 2, warning: 1, info: 1 },
    });
    // Key order is part of the contract's look.
    expect(Object.keys(out as object)).toEqual(['file', 'findings', 'summary']);
    expect(result.stdout).toContain('{\n      "rule": "CP-001",\n      "severity": "error",\n      "nodes": [');
    expect(result.stderr).toBe('');
  });

  it('keeps the path exactly as given, relative or odd', async () => {
    const path = await file('odd name ü.kumozu.json', diagram('en'));
    const result = await runCheck(options(path, { format: 'json' }), depsWith(fakeEngine([])));
    expect((JSON.parse(result.stdout) as { file: string }).file).toBe(path);
  });

  it('prints only the summary when nothing is found, and exits 0', async () => {
    const path = await file('clean.kumozu.json', diagram('en'));
    expect(await runCheck(options(path), depsWith(fakeEngine([])))).toEqual({ stdout: '0 errors, 0 warnings, 0 info\n', stderr: '', exitCode: 0 });
    const json = await runCheck(options(path, { format: 'json' }), depsWith(fakeEngine([])));
    expect(JSON.parse(json.stdout)).toEqual({ file: path, findings: [], summary: { error: 0, warning: 0, info: 0 } });
    expect(json.exitCode).toBe(0);
  });

  it('keeps every finding on one line whatever the file holds', async () => {
    const path = await file('hostile.kumozu.json', diagram('en'));
    const hostile: CheckDocument = () => [
      { rule: 'PLACE-001', severity: 'error', nodes: ['line\nbreak', 'tab\there', 'quote"d'], edges: [], message: 'label\nwith\u001b[31m escapes\u2028end' },
    ];
    const result = await runCheck(options(path), depsWith(hostile));
    const lines = result.stdout.split('\n');
    expect(lines).toHaveLength(3);
    expect(lines[0]).toBe('error    PLACE-001  "line\\nbreak","tab\\there","quote\\"d"  label with [31m escapes end');
  });

  it('writes summaries in both languages', () => {
    expect(summaryText({ error: 1, warning: 0, info: 3 }, 'en')).toBe('1 error, 0 warnings, 3 info');
    expect(summaryText({ error: 2, warning: 1, info: 0 }, 'en')).toBe('2 errors, 1 warning, 0 info');
    expect(summaryText({ error: 2, warning: 1, info: 0 }, 'ja')).toBe('エラー 2 件、警告 1 件、情報 0 件');
  });
});

describe('check language', () => {
  it('follows meta.lang, else English, and --lang over both', async () => {
    const ja = await file('ja.kumozu.json', diagram('ja'));
    const en = await file('en.kumozu.json', diagram('en'));
    const none = await file('nolang.kumozu.json', diagram(undefined));
    const cases: [string, Lang | undefined, Lang][] = [
      [ja, undefined, 'ja'],
      [en, undefined, 'en'],
      [none, undefined, 'en'],
      [ja, 'en', 'en'],
      [en, 'ja', 'ja'],
    ];
    for (const [path, lang, expected] of cases) {
      const seen: Lang[] = [];
      const result = await runCheck(options(path, lang ? { lang } : {}), depsWith(fakeEngine(FAKE, seen)));
      expect(seen).toEqual([expected]);
      const last = result.stdout.trimEnd().split('\n').at(-1);
      expect(last).toBe(expected === 'ja' ? 'エラー 2 件、警告 1 件、情報 1 件' : '2 errors, 1 warning, 1 info');
      expect(result.stdout).toContain(expected === 'ja' ? 'CP-001 の説明' : 'About CP-001');
    }
  });
});

describe('check exit codes', () => {
  const only = (severity: Finding['severity']) => fakeEngine([{ rule: 'X-001', severity, nodes: ['n'], edges: [] }]);
  it.each([
    ['error', 'error', 1],
    ['error', 'warning', 1],
    ['error', 'never', 0],
    ['warning', 'error', 0],
    ['warning', 'warning', 1],
    ['warning', 'never', 0],
    ['info', 'error', 0],
    ['info', 'warning', 0],
    ['info', 'never', 0],
  ] as const)('a lone %s with --fail-on %s exits %i', async (severity, failOn, code) => {
    const path = await file(`exit-${severity}-${failOn}.kumozu.json`, diagram('en'));
    for (const format of ['text', 'json'] as const) {
      const result = await runCheck(options(path, { failOn, format }), depsWith(only(severity)));
      expect(result.exitCode).toBe(code);
      expect(result.stdout).not.toBe('');
    }
  });
});

// ---------------------------------------------------------------------------
// Input errors: exit 2, one line on stderr naming the file, nothing on stdout.

async function expectInputError(result: CliResult, path: string, reason: RegExp): Promise<void> {
  expect(result.exitCode).toBe(2);
  expect(result.stdout).toBe('');
  expect(result.stderr.endsWith('\n')).toBe(true);
  expect(result.stderr.slice(0, -1)).not.toContain('\n');
  expect(result.stderr.startsWith(`kumozu check: ${path}: `)).toBe(true);
  expect(result.stderr).toMatch(reason);
}

describe('check input errors', () => {
  const engine = fakeEngine();

  it('file not found', async () => {
    const path = join(dir, 'missing.kumozu.json');
    await expectInputError(await runCheck(options(path), depsWith(engine)), path, /The file does not exist\.$/m);
    await expectInputError(await runCheck(options(join(dir, 'no-dir', 'x.json')), depsWith(engine)), join(dir, 'no-dir', 'x.json'), /does not exist/);
  });

  it('a folder', async () => {
    const path = join(dir, 'a-folder');
    await mkdir(path);
    await expectInputError(await runCheck(options(path), depsWith(engine)), path, /is a folder, not a diagram file/);
  });

  it('unreadable (permission denied, simulated: root reads anything)', async () => {
    const path = await file('locked.kumozu.json', diagram('en'));
    const denied: InputFs = {
      stat: nodeInputFs.stat,
      readFile: () => Promise.reject(Object.assign(new Error('EACCES: permission denied'), { code: 'EACCES' })),
    };
    await expectInputError(await runCheck(options(path), depsWith(engine, denied)), path, /could not be read \(permission denied\)/);
    const odd: InputFs = { stat: () => Promise.reject(new Error('disk on fire')), readFile: nodeInputFs.readFile };
    await expectInputError(await runCheck(options(path), depsWith(engine, odd)), path, /could not be read \(disk on fire\)/);
  });

  it('too large, decided by stat before reading', async () => {
    const path = join(dir, 'huge.kumozu.json');
    let read = false;
    const huge: InputFs = {
      stat: () => Promise.resolve({ size: MAX_BYTES + 1, isFile: () => true, isDirectory: () => false }),
      readFile: () => {
        read = true;
        return Promise.reject(new Error('must not be read'));
      },
    };
    await expectInputError(await runCheck(options(path), depsWith(engine, huge)), path, /too large to open \(20\.0 MB; the limit is 20 MB\)/);
    expect(read).toBe(false);
  });

  it('too large, for real', async () => {
    const path = await file('real-huge.kumozu.json', new Uint8Array(MAX_BYTES + 10).fill(0x20));
    await expectInputError(await runCheck(options(path), depsWith(engine)), path, /too large/);
  });

  it('not JSON', async () => {
    const path = await file('broken.kumozu.json', '{ "format": ');
    await expectInputError(await runCheck(options(path), depsWith(engine)), path, /could not be read as JSON/);
  });

  it('not UTF-8', async () => {
    const path = await file('binary.kumozu.json', new Uint8Array([0x7b, 0xff, 0xfe, 0x7d]));
    await expectInputError(await runCheck(options(path), depsWith(engine)), path, /not UTF-8 text/);
  });

  it('not a Kumozu file', async () => {
    const path = await file('package.json', '{"name": "x"}');
    await expectInputError(await runCheck(options(path), depsWith(engine)), path, /not a Kumozu diagram/);
  });

  it('version too new', async () => {
    const path = await file('future.kumozu.json', JSON.stringify({ format: 'kumozu.diagram', version: 3, nodes: [], edges: [] }));
    await expectInputError(await runCheck(options(path), depsWith(engine)), path, /newer Kumozu \(file format version 3; this app reads up to version 2\)/);
  });

  it('invalid, with the path to the field', async () => {
    const path = await file(
      'invalid.kumozu.json',
      diagram('en', [{ id: 'cp', kind: 'eksControlPlane', position: { x: 0, y: 'zero' }, props: {} }]),
    );
    await expectInputError(await runCheck(options(path), depsWith(engine)), path, /\/nodes\/0\/position\/y must be a number/);
  });

  it('too many nodes', async () => {
    const nodes = Array.from({ length: 20001 }, (_, i) => ({ id: `n${i}`, kind: 'vpc', position: { x: 0, y: 0 } }));
    const path = await file('many.kumozu.json', diagram('en', nodes));
    await expectInputError(await runCheck(options(path), depsWith(engine)), path, /too many components/);
  });

  it('a PNG or SVG, which this build cannot read yet', async () => {
    const png = await file('diagram.png', new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 0]));
    await expectInputError(await runCheck(options(png), depsWith(engine)), png, /embedded in a PNG image is not available in this build yet/);
    // Recognised by its signature, whatever the name.
    const renamed = await file('diagram.kumozu.json.bak', new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]));
    await expectInputError(await runCheck(options(renamed), depsWith(engine)), renamed, /PNG image/);
    const svg = await file('diagram.SVG', '<svg xmlns="http://www.w3.org/2000/svg"/>');
    await expectInputError(await runCheck(options(svg), depsWith(engine)), svg, /embedded in an SVG image/);
  });

  it('hands images to the extractor hook once there is one', async () => {
    const svg = await file('with-diagram.svg', '<svg/>');
    const deps: CheckDeps = { ...depsWith(fakeEngine([])), extractEmbeddedDiagram: () => diagram('ja') };
    expect(await runCheck(options(svg), deps)).toEqual({ stdout: 'エラー 0 件、警告 0 件、情報 0 件\n', stderr: '', exitCode: 0 });
    const none: CheckDeps = { ...depsWith(fakeEngine([])), extractEmbeddedDiagram: () => Promise.resolve(null) };
    await expectInputError(await runCheck(options(svg), none), svg, /This SVG image has no embedded Kumozu diagram/);
  });

  it('words the reason in the --lang language', async () => {
    const path = join(dir, 'missing-ja.kumozu.json');
    await expectInputError(await runCheck(options(path, { lang: 'ja' }), depsWith(engine)), path, /ファイルが見つかりません。/);
    const future = await file('future-ja.kumozu.json', JSON.stringify({ format: 'kumozu.diagram', version: 9, nodes: [], edges: [] }));
    await expectInputError(await runCheck(options(future, { lang: 'ja', format: 'json' }), depsWith(engine)), future, /新しいバージョンの Kumozu/);
  });

  it('gives exit 2 whatever --fail-on and --format say', async () => {
    const path = join(dir, 'missing.kumozu.json');
    for (const failOn of ['error', 'warning', 'never'] as const) {
      for (const format of ['text', 'json'] as const) {
        await expectInputError(await runCheck(options(path, { failOn, format }), depsWith(engine)), path, /does not exist/);
      }
    }
  });
});

describe('check repairs', () => {
  it('lists lossless repairs on stderr, leaving stdout as it is', async () => {
    const path = await file(
      'dangling.kumozu.json',
      JSON.stringify({
        format: 'kumozu.diagram',
        version: 1,
        nodes: [{ id: 'a', kind: 'vpc', position: { x: 0, y: 0 }, size: { width: 100, height: 100 } }],
        edges: [{ id: 'e', kind: 'routesTo', source: 'a', target: 'ghost' }],
      }),
    );
    const result = await runCheck(options(path, { format: 'json' }), depsWith(fakeEngine([])));
    expect(result.exitCode).toBe(0);
    expect(JSON.parse(result.stdout)).toMatchObject({ file: path, findings: [] });
    expect(result.stderr).toMatch(new RegExp(`^kumozu check: ${path.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}: .+\\n$`));
  });
});

// ---------------------------------------------------------------------------
// With the real rule engine

const RANK = { error: 0, warning: 1, info: 2 } as const;

describe('check with the rule engine', () => {
  const endpointsOff = (lang: Lang) =>
    diagram(lang, [{ id: 'cp', kind: 'eksControlPlane', position: { x: 0, y: 0 }, props: { endpointPublicAccess: false, endpointPrivateAccess: false } }]);
  const real = depsWith(checkDocument);

  it('reports CP-004 for a cluster with both endpoint modes off, sorted as cli.md says', async () => {
    const path = await file('endpoints-off.kumozu.json', endpointsOff('en'));
    const result = await runCheck(options(path, { format: 'json' }), real);
    const out = JSON.parse(result.stdout) as { findings: Finding[]; summary: Record<string, number> };
    expect(out.findings).toContainEqual(expect.objectContaining({ rule: 'CP-004', severity: 'error', nodes: ['cp'], edges: [] }));
    expect(result.exitCode).toBe(1);
    const keys = out.findings.map((f) => [RANK[f.severity], f.rule, f.nodes[0] ?? ''] as const);
    const sorted = [...keys].sort((a, b) => a[0] - b[0] || (a[1] < b[1] ? -1 : a[1] > b[1] ? 1 : 0) || (a[2] < b[2] ? -1 : a[2] > b[2] ? 1 : 0));
    expect(keys).toEqual(sorted);
    expect(out.summary.error).toBe(out.findings.filter((f) => f.severity === 'error').length);
    // Same input, same bytes.
    expect((await runCheck(options(path, { format: 'json' }), real)).stdout).toBe(result.stdout);
    expect((await runCheck(options(path, { failOn: 'never' }), real)).exitCode).toBe(0);
  });

  it('writes Japanese by meta.lang and by --lang, the same findings otherwise', async () => {
    const enPath = await file('endpoints-off-en.kumozu.json', endpointsOff('en'));
    const jaPath = await file('endpoints-off-ja.kumozu.json', endpointsOff('ja'));
    const json = async (path: string, lang?: Lang) =>
      JSON.parse((await runCheck(options(path, { format: 'json', ...(lang ? { lang } : {}) }), real)).stdout) as { findings: Finding[] };
    const en = await json(enPath);
    const byMeta = await json(jaPath);
    const byFlag = await json(enPath, 'ja');
    expect(byMeta.findings).toEqual(byFlag.findings);
    const strip = (f: Finding) => ({ ...f, message: '' });
    expect(byMeta.findings.map(strip)).toEqual(en.findings.map(strip));
    const cp004 = (r: { findings: Finding[] }) => r.findings.find((f) => f.rule === 'CP-004')?.message ?? '';
    expect(cp004(byMeta)).not.toBe(cp004(en));
    expect(cp004(byMeta)).toMatch(/[\u3040-\u30ff\u4e00-\u9fff]/);
    const text = await runCheck(options(jaPath), real);
    expect(text.stdout).toMatch(/^error {4}CP-004 {5}cp {2}\S/m);
    expect(text.stdout).toMatch(/エラー \d+ 件、警告 \d+ 件、情報 \d+ 件\n$/);
  });
});
