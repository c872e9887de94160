/**
 * `npm run bench`: the performance benchmarks of Kumozu (measurement only).
 *
 *   npm run bench            full run: writes bench/results.json and docs/performance.md
 *   npm run bench -- --quick tiny sizes, 1–2 runs; checks only that every
 *                            measurement produced a number (bench/out/quick-results.json)
 *   npm run bench -- --report  rewrites docs/performance.md from bench/results.json
 *                            and bench/notes.md without measuring
 *   npm run bench -- --node  only the Node measurements (core, CLI exporters), printed
 *                            and written to bench/out/node-results.json; with --quick, tiny
 *                            sizes; `--sizes 2000,5000` limits the document sizes
 *
 * Never part of `npm test`, and timings never fail it: only `--quick` exits
 * non-zero, and only when a measurement is missing.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import type { Server } from 'node:http';
import { cpus, freemem, totalmem } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { gzipSync } from 'node:zlib';
import { runBrowserBenchmarks, type BrowserPlan } from './browser';
import { runNodeBenchmarks, type NodePlan } from './node';
import { renderReport, type Results } from './report';
import { freePort, serveStatic } from './lib/static';
import { metric, fmt, type Metric } from './lib/stats';

const BENCH = dirname(fileURLToPath(import.meta.url));
const ROOT = resolve(BENCH, '..');
const quick = process.argv.includes('--quick');
const nodeOnly = process.argv.includes('--node');

/** `--sizes 200,1000`: only these document sizes (Node part). */
function sizesArg(): ReadonlySet<number> | null {
  const i = process.argv.indexOf('--sizes');
  const value = i >= 0 ? process.argv[i + 1] : undefined;
  if (value === undefined) return null;
  const sizes = value.split(',').map(Number);
  if (sizes.some((n) => !Number.isInteger(n) || n <= 0)) throw new Error(`--sizes takes whole numbers separated by commas (got "${value}")`);
  return new Set(sizes);
}

interface WebServerModule {
  buildIfStale(): Promise<void>;
  serveWebEdition(port: number): Promise<Server>;
  DIST: string;
}

const NODE_PLAN: NodePlan = quick
  ? { sizes: [40], exportSizes: [40], pngSizes: [40], runs: 2, warmup: 1, pngRuns: 1, pngWarmup: 0 }
  : { sizes: [200, 1000, 2000, 5000], exportSizes: [200, 1000, 2000], pngSizes: [200, 1000], runs: 9, warmup: 3, pngRuns: 3, pngWarmup: 1 };

const BROWSER_PLAN: BrowserPlan = quick
  ? { renderSizes: [40], renderRuns: 1, gestureSizes: [40], gestures: 1, heapSize: 100, heapRuns: 1 }
  : { renderSizes: [1000, 2000], renderRuns: 3, gestureSizes: [1000, 2000], gestures: 2, heapSize: 5000, heapRuns: 2 };

function log(line: string): void {
  console.error(line);
}

function machine(chromium: string) {
  const cpu = cpus();
  return {
    cpu: cpu[0]?.model.trim() ?? 'unknown',
    cores: cpu.length,
    memoryGiB: Math.round((totalmem() / 2 ** 30) * 10) / 10,
    freeMemoryGiB: Math.round((freemem() / 2 ** 30) * 10) / 10,
    node: process.version,
    chromium,
    platform: `${process.platform} ${process.arch}`,
  };
}

const BARE = join(BENCH, 'bare');
const BARE_DIST = join(ROOT, 'node_modules', '.cache', 'kumozu-bench', 'bare');

function newest(paths: string[]): number {
  return Math.max(...paths.map((p) => (existsSync(p) ? statSync(p).mtimeMs : 0)));
}

/** Builds bench/bare (into node_modules/.cache, see its vite.config.ts) when it is missing or older than its sources. */
function buildBareIfStale(): void {
  const built = existsSync(join(BARE_DIST, 'index.html')) ? statSync(join(BARE_DIST, 'index.html')).mtimeMs : 0;
  const sources = newest(['index.html', 'main.tsx', 'vite.config.ts'].map((f) => join(BARE, f)).concat(join(ROOT, 'package-lock.json')));
  if (built > sources) return;
  log('Building the bare React Flow page…');
  const r = spawnSync(process.execPath, [join(ROOT, 'node_modules', 'vite', 'bin', 'vite.js'), 'build', '--config', join(BARE, 'vite.config.ts'), '--logLevel', 'warn'], {
    cwd: ROOT,
    stdio: ['ignore', 'inherit', 'inherit'],
  });
  if (r.status !== 0) throw new Error('the bare React Flow page failed to build');
}

/** The renderer's JavaScript, each file gzipped (level 9, as a server would serve it), in KiB. */
function rendererJsSize(dist: string): { metric: Metric; files: number; raw: number } {
  const assets = join(dist, 'assets');
  const files = readdirSync(assets).filter((f) => f.endsWith('.js'));
  let gz = 0;
  let raw = 0;
  for (const f of files) {
    const bytes = readFileSync(join(assets, f));
    raw += bytes.length;
    gz += gzipSync(bytes, { level: 9 }).length;
  }
  return {
    metric: metric('rendererJs', 'Renderer JS, gzipped', 'KB', [gz / 1024], { below: 700, text: '< 700 KB' }, `${files.length} file(s) in dist/renderer/assets, ${(raw / 1024).toFixed(0)} KiB before gzip; KB = 1024 bytes`),
    files: files.length,
    raw,
  };
}

function table(metrics: readonly Metric[]): string {
  const rows = metrics.map((m) => [m.label, fmt(m.median, m.unit), m.runs > 1 ? `${fmt(m.min, m.unit)} – ${fmt(m.max, m.unit)} (p95 ${fmt(m.p95, m.unit)})` : '', m.target?.text ?? '', m.pass === null ? '' : m.pass ? 'pass' : 'MISS']);
  const widths = [0, 1, 2, 3, 4].map((i) => Math.max(...rows.map((r) => (r[i] ?? '').length), ['metric', 'median', 'spread', 'target', ''][i]?.length ?? 0));
  const line = (r: string[]) => r.map((c, i) => c.padEnd(widths[i] ?? 0)).join('  ');
  return [line(['metric', 'median', 'spread', 'target', '']), ...rows.map(line)].join('\n');
}

/** `--node`: the Node part alone, for working on the core without a browser. */
async function nodeMain(): Promise<void> {
  const only = sizesArg();
  const pick = (sizes: readonly number[]) => (only ? sizes.filter((n) => only.has(n)) : sizes);
  const plan: NodePlan = { ...NODE_PLAN, sizes: pick(NODE_PLAN.sizes), exportSizes: pick(NODE_PLAN.exportSizes), pngSizes: pick(NODE_PLAN.pngSizes) };
  const m = machine('not used');
  console.log(`Machine: ${m.cpu}, ${m.cores} cores, ${m.memoryGiB} GiB RAM (${m.freeMemoryGiB} GiB free), ${m.platform}, Node ${m.node}`);
  log('Node (core, CLI exporters):');
  const metrics = await runNodeBenchmarks(plan, log);
  console.log('');
  console.log(table(metrics));
  mkdirSync(join(BENCH, 'out'), { recursive: true });
  writeFileSync(join(BENCH, 'out', 'node-results.json'), `${JSON.stringify({ generated: new Date().toISOString(), mode: quick ? 'quick' : 'full', machine: m, metrics }, null, 2)}\n`);
  console.log('\nWrote bench/out/node-results.json (bench/results.json and docs/performance.md are left alone).');
}

async function main(): Promise<void> {
  if (nodeOnly) return nodeMain();
  if (process.argv.includes('--report')) {
    const saved = JSON.parse(readFileSync(join(BENCH, 'results.json'), 'utf8')) as Results;
    writeFileSync(join(ROOT, 'docs', 'performance.md'), renderReport(saved, readFileSync(join(BENCH, 'notes.md'), 'utf8')));
    console.log('Wrote docs/performance.md from bench/results.json.');
    return;
  }
  const started = Date.now();
  log(quick ? 'Kumozu benchmarks (quick smoke run)' : 'Kumozu benchmarks (full run)');

  const webserver = (await import(pathToFileURL(join(ROOT, 'scripts', 'lib', 'webserver.mjs')).href)) as WebServerModule;
  await webserver.buildIfStale();
  buildBareIfStale();
  const size = rendererJsSize(webserver.DIST);

  const port = await freePort();
  const kumozuServer = await webserver.serveWebEdition(port);
  const bare = await serveStatic(BARE_DIST);
  const metrics: Metric[] = [];
  let chromium: string | undefined;
  try {
    // Machine first: the Chromium version comes from a short launch.
    const { chromium: pw } = await import('@playwright/test');
    const { CHROMIUM, CHROMIUM_ARGS } = await import('./browser');
    const probe = await pw.launch({ executablePath: CHROMIUM, args: CHROMIUM_ARGS, headless: true });
    chromium = probe.version();
    await probe.close();
    const m = machine(chromium);
    console.log(`Machine: ${m.cpu}, ${m.cores} cores, ${m.memoryGiB} GiB RAM (${m.freeMemoryGiB} GiB free), ${m.platform}, Node ${m.node}, Chromium ${m.chromium}`);

    log('Node (core, CLI exporters):');
    metrics.push(...(await runNodeBenchmarks(NODE_PLAN, log)));
    log('Chromium (web edition and bare React Flow):');
    const browser = await runBrowserBenchmarks({ kumozu: `http://127.0.0.1:${port}/`, bare: bare.url }, BROWSER_PLAN, log);
    metrics.push(...browser.metrics);
    metrics.push(size.metric);
  } finally {
    kumozuServer.close();
    bare.server.close();
  }

  console.log('');
  console.log(table(metrics));
  const seconds = Math.round((Date.now() - started) / 1000);
  const results = { generated: new Date().toISOString(), mode: quick ? 'quick' : 'full', seconds, machine: machine(chromium ?? 'unknown'), metrics };

  if (quick) {
    mkdirSync(join(BENCH, 'out'), { recursive: true });
    writeFileSync(join(BENCH, 'out', 'quick-results.json'), `${JSON.stringify(results, null, 2)}\n`);
    const missing = metrics.filter((m) => !Number.isFinite(m.median));
    const expected = NODE_PLAN.sizes.length * 5 + NODE_PLAN.exportSizes.length * 2 + NODE_PLAN.pngSizes.length + BROWSER_PLAN.renderSizes.length + BROWSER_PLAN.gestureSizes.length * 6 + 2;
    if (missing.length > 0 || metrics.length !== expected) {
      console.error(`\nSmoke run failed: ${missing.length} measurement(s) without a number (${missing.map((m) => m.id).join(', ')}), ${metrics.length} of ${expected} measured.`);
      process.exitCode = 1;
      return;
    }
    console.log(`\nSmoke run OK: ${metrics.length} measurements in ${seconds} s (bench/out/quick-results.json). Timings are not checked.`);
    return;
  }

  writeFileSync(join(BENCH, 'results.json'), `${JSON.stringify(results, null, 2)}\n`);
  writeFileSync(join(ROOT, 'docs', 'performance.md'), renderReport(results, readFileSync(join(BENCH, 'notes.md'), 'utf8')));
  console.log(`\nWrote bench/results.json and docs/performance.md (${seconds} s).`);
}

main().catch((e: unknown) => {
  console.error(e instanceof Error ? (e.stack ?? e.message) : String(e));
  process.exit(1);
});
