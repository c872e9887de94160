import { mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ExportOptions } from './args';
import { EXPORT_UNAVAILABLE, runExport, type ExportDeps, type Exporters } from './export';
import { nodeInputFs, writeFileAtomic } from './io';

let dir: string;
let input: string;
beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'kumozu-export-'));
  input = join(dir, 'in.kumozu.json');
  await writeFile(input, JSON.stringify({ format: 'kumozu.diagram', version: 1, meta: { title: 'T', description: '', lang: 'ja' }, nodes: [], edges: [] }));
});
afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

const base = (extra: Partial<ExportOptions>): ExportOptions => ({ file: input, scale: 2, theme: 'light', embed: true, ...extra });
const deps: ExportDeps = { fs: nodeInputFs, writeFile: writeFileAtomic };

describe('export in this build', () => {
  it('says it is not available, after the input has been read', async () => {
    const out = join(dir, 'a.md');
    expect(await runExport(base({ md: out }), deps)).toEqual({ stdout: '', stderr: `kumozu export: ${EXPORT_UNAVAILABLE}\n`, exitCode: 2 });
    expect(await readdir(dir)).toEqual(['in.kumozu.json']);
  });

  it('reports input errors first, like check', async () => {
    const missing = join(dir, 'missing.kumozu.json');
    expect(await runExport(base({ file: missing, md: join(dir, 'a.md') }), deps)).toEqual({
      stdout: '',
      stderr: `kumozu export: ${missing}: The file does not exist.\n`,
      exitCode: 2,
    });
  });
});

describe('export once exporters are wired', () => {
  const calls: string[] = [];
  const exporters: Exporters = {
    png: (_doc, s) => {
      calls.push(`png ${s.lang} ${s.theme} ${s.scale} ${s.embed}`);
      return Promise.resolve(new Uint8Array([1, 2, 3]));
    },
    svg: (_doc, s) => {
      calls.push(`svg ${s.lang} ${s.theme} ${s.embed}`);
      return Promise.resolve('<svg/>');
    },
    md: (doc, s) => {
      calls.push(`md ${s.lang}`);
      return Promise.resolve(`# ${doc.meta.title}\n`);
    },
  };

  it('writes every output with the settings asked for', async () => {
    const png = join(dir, 'w.png');
    const svg = join(dir, 'w.svg');
    const md = join(dir, 'w.md');
    const result = await runExport(base({ png, svg, md, scale: 3, theme: 'dark', embed: false }), { ...deps, exporters });
    expect(result).toEqual({ stdout: '', stderr: '', exitCode: 0 });
    expect(calls).toEqual(['png ja dark 3 false', 'svg ja dark false', 'md ja']);
    expect([...(await readFile(png))]).toEqual([1, 2, 3]);
    expect(await readFile(svg, 'utf8')).toBe('<svg/>');
    expect(await readFile(md, 'utf8')).toBe('# T\n');
  });

  it('says which output could not be written', async () => {
    const md = join(dir, 'no-such-folder', 'w.md');
    const result = await runExport(base({ md, lang: 'en' }), { ...deps, exporters });
    expect(result.exitCode).toBe(2);
    expect(result.stderr).toMatch(new RegExp(`^kumozu export: ${md.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}: could not be written \\(.*ENOENT.*\\)\\n$`));
  });
});
