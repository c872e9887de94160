import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
// @ts-expect-error: a plain .mjs script without type declarations
import { buildMain } from './build-main.mjs';

const out = mkdtempSync(join(tmpdir(), 'kumozu-build-main-'));
afterAll(() => rmSync(out, { recursive: true, force: true }));

describe('build:main', () => {
  it('bundles main as an ES module and the preload as CommonJS that needs nothing but electron', async () => {
    await buildMain(out);
    const main = readFileSync(join(out, 'main.js'), 'utf8');
    const preload = readFileSync(join(out, 'preload.cjs'), 'utf8');
    // main: ESM; electron stays external; app/ and main/cli are inside the bundle (no node_modules at runtime).
    expect(main).toMatch(/^import .* from "electron";$/m);
    const imports = [...main.matchAll(/^import .* from "([^"]+)";$/gm)].map((m) => m[1]);
    expect(imports.every((name) => name === 'electron' || name?.startsWith('node:') || name === 'module')).toBe(true);
    expect(main).toContain('extractDiagram');
    // The sandboxed preload's require() offers electron only: any other require would fail at startup.
    expect(preload).not.toMatch(/^\s*import\s/m);
    expect([...preload.matchAll(/require\("([^"]+)"\)/g)].map((m) => m[1])).toEqual(['electron']);
    expect(preload).toContain('exposeInMainWorld("kumozuDesktop"');
  }, 60_000);
});
