#!/usr/bin/env node
// Bundles the Electron main process and its preload with esbuild:
//   main/electron/main.ts    → dist-main/main.js     (ESM, what package.json "main" names)
//   main/electron/preload.ts → dist-main/preload.cjs (CommonJS: sandboxed preloads cannot be ES modules)
// `electron` stays external (Electron provides it); everything else main uses
// (app/, main/cli/io.ts, fflate…) is bundled, so the packaged app needs no node_modules.
// Usage: node scripts/build-main.mjs [--if-stale]
import { existsSync, statSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';
import { newestMtime } from './lib/webserver.mjs';

const ROOT = resolve(fileURLToPath(new URL('..', import.meta.url)));
export const OUT = join(ROOT, 'dist-main');
const SOURCES = ['main', 'app', 'package.json'];

/** Whether dist-main is missing or older than a source it is built from. */
export function mainIsStale() {
  const outs = ['main.js', 'preload.cjs'].map((f) => join(OUT, f));
  if (!outs.every(existsSync)) return true;
  const built = Math.min(...outs.map((f) => statSync(f).mtimeMs));
  return Math.max(...SOURCES.map((s) => newestMtime(join(ROOT, s)))) >= built;
}

export async function buildMain(out = OUT) {
  const common = {
    bundle: true,
    platform: 'node',
    target: 'node22',
    external: ['electron'],
    sourcemap: 'linked',
    legalComments: 'none',
    logLevel: 'warning',
    absWorkingDir: ROOT,
  };
  await Promise.all([
    build({
      ...common,
      entryPoints: ['main/electron/main.ts'],
      outfile: join(out, 'main.js'),
      format: 'esm',
      // Bundled CommonJS dependencies may call require(); give the ES module one.
      banner: { js: "import { createRequire as __kumozuCreateRequire } from 'node:module'; const require = __kumozuCreateRequire(import.meta.url);" },
    }),
    build({
      ...common,
      entryPoints: ['main/electron/preload.ts'],
      outfile: join(out, 'preload.cjs'),
      format: 'cjs',
      // The sandboxed preload's require() offers only electron and a few Node polyfills; nothing else may be imported.
      external: ['electron'],
    }),
  ]);
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  if (process.argv.includes('--if-stale') && !mainIsStale()) process.exit(0);
  await buildMain();
  console.log(`Built ${join('dist-main', 'main.js')} and ${join('dist-main', 'preload.cjs')}`);
}
