import { spawnSync } from 'node:child_process';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CHECK_HELP } from './args';

/**
 * The real command, end to end: proves the wiring of argv, stdout, stderr and
 * the exit code. `node --import tsx` is what `npm run kumozu` does through the
 * tsx binary, without npm's own output and start-up time.
 */

const ROOT = fileURLToPath(new URL('../../', import.meta.url));

function kumozu(...args: string[]) {
  const r = spawnSync(process.execPath, ['--import', 'tsx', 'main/cli/kumozu.ts', ...args], {
    cwd: ROOT,
    encoding: 'utf8',
    timeout: 30_000,
    env: { ...process.env, NODE_OPTIONS: '' },
  });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}

let dir: string;
beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'kumozu-cli-'));
});
afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

describe('kumozu command', () => {
  it('checks a file: JSON on stdout, exit 1 on errors, exit 0 with --fail-on never', async () => {
    const path = join(dir, 'endpoints-off.kumozu.json');
    await writeFile(
      path,
      JSON.stringify({
        format: 'kumozu.diagram',
        version: 1,
        meta: { title: 't', description: '', lang: 'en' },
        nodes: [{ id: 'cp', kind: 'eksControlPlane', position: { x: 0, y: 0 }, props: { endpointPublicAccess: false, endpointPrivateAccess: false } }],
        edges: [],
      }),
    );
    const json = kumozu('check', path, '--format', 'json');
    expect(json.stderr).toBe('');
    expect(json.code).toBe(1);
    const out = JSON.parse(json.stdout) as { file: string; findings: { rule: string }[] };
    expect(out.file).toBe(path);
    expect(out.findings.map((f) => f.rule)).toContain('CP-004');

    const text = kumozu('check', path, '--fail-on=never', '--lang', 'ja');
    expect(text.code).toBe(0);
    expect(text.stdout).toMatch(/^error {4}CP-004 {5}cp {2}/m);
    expect(text.stdout).toMatch(/エラー \d+ 件、警告 \d+ 件、情報 \d+ 件\n$/);
  });

  it('exits 2 with one line and no stack trace for user errors, and shows help', () => {
    const missing = join(dir, 'missing.kumozu.json');
    expect(kumozu('check', missing)).toEqual({ code: 2, stdout: '', stderr: `kumozu check: ${missing}: The file does not exist.\n` });
    expect(kumozu('check', missing, '--format', 'yaml')).toEqual({
      code: 2,
      stdout: '',
      stderr: 'kumozu check: --format must be text or json (got "yaml") (see "kumozu check --help")\n',
    });
    const none = kumozu();
    expect(none.code).toBe(2);
    expect(none.stdout).toBe('');
    expect(none.stderr).toMatch(/^Usage: kumozu <command>/);
    expect(kumozu('check', '--help')).toEqual({ code: 0, stdout: CHECK_HELP, stderr: '' });
  });
});
