import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { extractFromPng } from '../../app/export';
import { parseDiagram } from '../../app/format/parse';
import { cappedScale, MAX_PNG_PIXELS } from './exporters';
import { runCli } from './run';

const example = 'assets/examples/web-app.kumozu.json';

function pngSize(png: Uint8Array): { width: number; height: number } {
  const view = new DataView(png.buffer, png.byteOffset, png.byteLength);
  return { width: view.getUint32(16), height: view.getUint32(20) };
}

describe('kumozu export with the real exporters', () => {
  it('writes PNG, SVG and Markdown that reopen as the same diagram', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'kumozu-export-'));
    const png = join(dir, 'd.png');
    const svg = join(dir, 'd.svg');
    const md = join(dir, 'd.md');
    const r = await runCli(['export', example, '--png', png, '--svg', svg, '--md', md, '--scale', '1', '--lang', 'ja']);
    expect(r).toMatchObject({ exitCode: 0, stdout: '' });

    const original = parseDiagram(readFileSync(example, 'utf8'));
    const fromPng = parseDiagram(extractFromPng(new Uint8Array(readFileSync(png))) ?? '');
    expect(original.ok && fromPng.ok && fromPng.document).toEqual(original.ok && original.document);
    expect(readFileSync(md, 'utf8')).toMatch(/^# Web application on EKS/);

    // Scale 2 doubles the pixel size.
    const png2 = join(dir, 'd2.png');
    expect((await runCli(['export', example, '--png', png2])).exitCode).toBe(0);
    const one = pngSize(new Uint8Array(readFileSync(png)));
    const two = pngSize(new Uint8Array(readFileSync(png2)));
    expect(Math.abs(two.width - one.width * 2)).toBeLessThanOrEqual(1);

    // check reads the diagram back out of both images.
    for (const image of [png, svg]) {
      const checked = await runCli(['check', image, '--format', 'json']);
      expect(checked.exitCode).toBe(0);
      expect(JSON.parse(checked.stdout).file).toBe(image);
    }
  });

  it('--no-embed leaves the diagram out, and check then says so', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'kumozu-export-'));
    const png = join(dir, 'plain.png');
    expect((await runCli(['export', example, '--png', png, '--scale', '1', '--no-embed'])).exitCode).toBe(0);
    const checked = await runCli(['check', png]);
    expect(checked.exitCode).toBe(2);
    expect(checked.stderr).toContain(png);
    expect(checked.stdout).toBe('');
  });

  it('caps very large PNGs by lowering the scale instead of failing or drawing nothing', () => {
    expect(cappedScale(1000, 1000, 2)).toBe(2);
    const s = cappedScale(20_000, 20_000, 4);
    expect(s).toBeLessThan(4);
    expect(20_000 * s * 20_000 * s).toBeLessThanOrEqual(MAX_PNG_PIXELS);
  });
});
