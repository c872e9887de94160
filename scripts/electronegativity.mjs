#!/usr/bin/env node
// Electronegativity (Doyensec's Electron security scanner) over the desktop
// shell's sources and the renderer's HTML, as part of `npm test`. The tool
// always exits 0, so this reads its reports (CSV for the severities, SARIF to
// check the CSV is complete), prints every finding, and exits 1 when any is
// HIGH or MEDIUM (2 when the scan itself failed).
//
// A false positive may be suppressed only the way the tool supports: an
// `// eng-disable CHECK_ID` comment on the flagged line, with the reason
// written next to it in the source.
//
// Usage: node scripts/electronegativity.mjs [input…]   (default: main renderer/index.html)
import { spawn } from 'node:child_process';
import { cpSync, existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { basename, isAbsolute, join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = resolve(fileURLToPath(new URL('..', import.meta.url)));
export const DEFAULT_INPUTS = ['main', 'renderer/index.html'];
/** The Electron version the app ships (package.json devDependencies); the checks' defaults depend on it. */
const ELECTRON_VERSION = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')).devDependencies.electron.replace(/^[^\d]*/, '');
export const FAILING = new Set(['HIGH', 'MEDIUM']);

/** RFC 4180 CSV (the report quotes fields and doubles quotes; samples may span lines). */
export function parseCsv(text) {
  const rows = [];
  let row = [];
  let field = '';
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (quoted) {
      if (c === '"' && text[i + 1] === '"') {
        field += '"';
        i++;
      } else if (c === '"') quoted = false;
      else field += c;
    } else if (c === '"') quoted = true;
    else if (c === ',') {
      row.push(field);
      field = '';
    } else if (c === '\n' || c === '\r') {
      if (c === '\r' && text[i + 1] === '\n') i++;
      row.push(field);
      if (row.length > 1 || row[0] !== '') rows.push(row);
      row = [];
      field = '';
    } else field += c;
  }
  if (field !== '' || row.length > 0) {
    row.push(field);
    rows.push(row);
  }
  return rows;
}

/** Findings from the tool's CSV report. */
export function findingsFromCsv(text) {
  const [header, ...rows] = parseCsv(text);
  if (!header || header[0]?.trim() !== 'issue') throw new Error('not an Electronegativity CSV report');
  return rows.map(([id, severity, confidence, file, location, sample, description]) => ({
    id: id?.trim() ?? '',
    severity: severity?.trim() ?? '',
    confidence: confidence?.trim() ?? '',
    file: file ?? '',
    location: location ?? '',
    sample: sample === 'N/A' ? '' : (sample ?? ''),
    description: description ?? '',
  }));
}

function cliPath() {
  const require = createRequire(import.meta.url);
  return join(require.resolve('@doyensec/electronegativity/package.json'), '..', 'dist', 'index.js');
}

/** Runs the CLI once on `stage`, writing `out` (.csv or .sarif); resolves with the report's text. */
function runCli(stage, out, root) {
  return new Promise((resolvePromise, reject) => {
    // -e: judge against the Electron we ship (detecting it needs the network otherwise).
    const child = spawn(process.execPath, [cliPath(), '-i', stage, '-o', out, '-e', ELECTRON_VERSION], { cwd: root, stdio: ['ignore', 'pipe', 'pipe'] });
    let log = '';
    child.stdout.on('data', (d) => void (log += d));
    child.stderr.on('data', (d) => void (log += d));
    child.on('error', reject);
    child.on('close', () => {
      if (!existsSync(out)) reject(new Error(`Electronegativity wrote no report:\n${log.trim()}`));
      else resolvePromise(readFileSync(out, 'utf8'));
    });
  });
}

/** How many results a SARIF report holds. */
export function sarifCount(text) {
  const runs = JSON.parse(text).runs;
  return Array.isArray(runs) ? runs.reduce((n, r) => n + (Array.isArray(r.results) ? r.results.length : 0), 0) : 0;
}

/**
 * Runs the scanner over all inputs, staged together in a temporary folder as
 * one app (its global checks, such as navigation limits and the permission
 * handler, need the main process and the HTML in the same scan); resolves
 * with the findings, paths relative to `root`.
 *
 * Severities are only in the CSV report, and the tool writes that file with
 * two unordered asynchronous writes (header, then rows), which can lose the
 * rows under load. So the SARIF report (one write) is produced alongside and
 * the CSV must list as many findings; a short one is produced again, and a
 * report that stays short fails the check rather than passing it.
 */
export async function scan(inputs, { root = ROOT } = {}) {
  const dir = mkdtempSync(join(tmpdir(), 'kumozu-eng-'));
  const stage = join(dir, 'app');
  try {
    for (const input of inputs) {
      const from = resolve(root, input);
      if (!existsSync(from)) throw new Error(`${input} does not exist`);
      // Inside the project: keep its path (reported as is); elsewhere (tests): by name.
      const rel = relative(root, from);
      cpSync(from, join(stage, rel.startsWith('..') || isAbsolute(rel) ? basename(from) : rel), { recursive: true });
    }
    const csv = (n) => runCli(stage, join(dir, `report-${n}.csv`), root).then(findingsFromCsv);
    const [expected, first] = await Promise.all([runCli(stage, join(dir, 'report.sarif'), root).then(sarifCount), csv(0)]);
    let findings = first;
    for (let attempt = 1; findings.length !== expected && attempt < 3; attempt++) findings = await csv(attempt);
    if (findings.length !== expected) throw new Error(`Electronegativity's CSV report lists ${findings.length} findings, its SARIF report ${expected}: the scan is incomplete.`);
    return findings.map((f) => ({ ...f, file: f.file.startsWith(stage) ? relative(stage, f.file) : f.file }));
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

/** Scans the inputs; returns the findings and those that fail the suite. */
export async function check(inputs = DEFAULT_INPUTS, options = {}) {
  const findings = await scan(inputs, options);
  return { findings, failed: findings.filter((f) => FAILING.has(f.severity)) };
}

export function format(f) {
  const where = f.file === 'N/A' ? '(whole app)' : `${f.file}:${f.location}`;
  return `${f.severity.padEnd(13)} ${f.confidence.padEnd(9)} ${f.id}  ${where}  ${f.description}`;
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const inputs = process.argv.slice(2).length > 0 ? process.argv.slice(2) : DEFAULT_INPUTS;
  try {
    const { findings, failed } = await check(inputs);
    for (const f of findings) console.log(format(f));
    if (failed.length > 0) {
      console.error(`Electronegativity: ${failed.length} HIGH or MEDIUM finding(s) in ${inputs.join(', ')}. Fix them, or for a false positive add an "eng-disable <CHECK>" comment with the reason.`);
      process.exit(1);
    }
    console.log(`Electronegativity: no HIGH or MEDIUM findings in ${inputs.join(', ')} (${findings.length} lower).`);
  } catch (e) {
    console.error(e instanceof Error ? e.message : String(e));
    process.exit(2);
  }
}
