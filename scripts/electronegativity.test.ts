import { spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
// @ts-expect-error: a plain .mjs script without type declarations
import { check, findingsFromCsv, parseCsv } from './electronegativity.mjs';

interface Finding {
  id: string;
  severity: string;
  file: string;
}

const dir = mkdtempSync(join(tmpdir(), 'kumozu-eng-test-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

function fixture(name: string, webPreferences: string): string {
  const app = join(dir, name);
  mkdirSync(app, { recursive: true });
  writeFileSync(
    join(app, 'main.js'),
    `const { app, BrowserWindow } = require('electron');\napp.whenReady().then(() => {\n  const w = new BrowserWindow({ webPreferences: ${webPreferences} });\n  w.loadFile('index.html');\n});\n`,
  );
  return app;
}

function run(input: string): Promise<{ status: number | null; stdout: string; stderr: string }> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [fileURLToPath(new URL('./electronegativity.mjs', import.meta.url)), input]);
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (d) => void (stdout += String(d)));
    child.stderr.on('data', (d) => void (stderr += String(d)));
    child.on('error', reject);
    child.on('close', (status) => resolve({ status, stdout, stderr }));
  });
}

describe('electronegativity gate', () => {
  it('reads the CSV report, quotes and multi-line samples included', () => {
    const csv = 'issue, severity, confidence, filename, location, sample, description, url\r\nA_CHECK,"HIGH","FIRM","/x/main.js","3:2","new BrowserWindow({\r\n  a: ""b""","Review, please",https://example.test/A\r\nB_CHECK,"LOW","TENTATIVE","/x/i.html","1:0",N/A,"CSP",https://example.test/B\r\n';
    expect(parseCsv(csv)).toHaveLength(3);
    const findings = findingsFromCsv(csv);
    expect(findings).toMatchObject([
      { id: 'A_CHECK', severity: 'HIGH', sample: 'new BrowserWindow({\r\n  a: "b"', description: 'Review, please' },
      { id: 'B_CHECK', severity: 'LOW', sample: '' },
    ]);
    expect(() => findingsFromCsv('not,a,report\n')).toThrow('not an Electronegativity CSV report');
  });

  it(
    'fails on a HIGH or MEDIUM finding (nodeIntegration on, no sandbox) and passes a locked-down window',
    async () => {
      const bad = fixture('bad', '{ nodeIntegration: true, contextIsolation: false, sandbox: false }');
      const good = fixture('good', "{ preload: undefined, sandbox: true, contextIsolation: true, nodeIntegration: false, disableBlinkFeatures: 'Auxclick' }");
      // The script as npm test runs it, on the bad fixture; the library call on the good one, at the same time.
      const [cli, clean] = await Promise.all([
        run(bad),
        check([good]) as Promise<{ findings: Finding[]; failed: Finding[] }>,
      ]);
      expect(cli.status).toBe(1);
      expect(cli.stdout).toMatch(/(HIGH|MEDIUM) .*(NODE_INTEGRATION_JS_CHECK|CONTEXT_ISOLATION_JS_CHECK|SANDBOX_JS_CHECK)/);
      expect(cli.stderr).toContain('HIGH or MEDIUM finding');
      expect(clean.failed.filter((f) => /NODE_INTEGRATION|CONTEXT_ISOLATION|SANDBOX/.test(f.id))).toEqual([]);
    },
    120_000,
  );
});
