import { Resvg } from '@resvg/resvg-js';
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { inflateSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { extractFromPng, renderSvg, SHIPPED_FONT_FAMILY, SHIPPED_FONT_FILE, svgSize } from '../../app/export';
import { readChunks } from '../../app/export/png';
import { decodePng } from '../../app/export/testing/png-decode';
import { parseDiagram } from '../../app/format/parse';
import type { DiagramDocument } from '../../app/model/types';
import { adler32Combine, bandRows, cappedScale, MAX_PNG_PIXELS, renderPng } from './exporters';
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

function adler32(bytes: Uint8Array): number {
  let a = 1;
  let b = 0;
  for (const x of bytes) {
    a = (a + x) % 65521;
    b = (b + a) % 65521;
  }
  return ((b << 16) | a) >>> 0;
}

describe('the banded PNG rasteriser', () => {
  const parsed = parseDiagram(readFileSync(example, 'utf8'));
  if (!parsed.ok) throw new Error('the example did not parse');
  const doc: DiagramDocument = parsed.document;

  /** The image as resvg draws the whole SVG in one piece (what kumozu export did before bands). */
  function whole(scale: number) {
    const size = svgSize(doc, { lang: 'en' });
    const svg = renderSvg(doc, { lang: 'en', theme: 'light', embed: false });
    const png = new Resvg(svg, {
      font: { loadSystemFonts: false, fontFiles: [SHIPPED_FONT_FILE], defaultFontFamily: SHIPPED_FONT_FAMILY, sansSerifFamily: SHIPPED_FONT_FAMILY },
      fitTo: { mode: 'width', value: Math.round(size.width * scale) },
    })
      .render()
      .asPng();
    return decodePng(new Uint8Array(png));
  }

  it.each([
    [1, 2, 1],
    [1.37, 3, 2],
    [2, 5, 2],
  ])('at scale %s in %s bands on %s threads draws what resvg draws in one piece, as a valid PNG', async (scale, bands, workers) => {
    const png = await renderPng(doc, { lang: 'en', theme: 'light', scale, embed: true }, () => undefined, { bands, workers, fallback: false });
    const got = decodePng(png);
    const want = whole(scale);
    expect([got.width, got.height]).toEqual([want.width, want.height]);
    // zlib itself checks the combined Adler-32 of the bands' streams.
    const idat = (readChunks(png) ?? []).filter((c) => c.type === 'IDAT');
    expect(inflateSync(Buffer.concat(idat.map((c) => c.data))).length).toBe((got.width * 4 + 1) * got.height);
    // Only anti-aliasing where a shape crosses a band edge may differ (resvg clips each band).
    let differing = 0;
    let worst = 0;
    const a = got.rgba;
    const b = want.rgba;
    for (let i = 0; i < a.length; i++) {
      const d = Math.abs((a[i] as number) - (b[i] as number));
      if (d > 0) differing++;
      if (d > worst) worst = d;
    }
    expect(worst).toBeLessThanOrEqual(64);
    expect(differing).toBeLessThanOrEqual(a.length / 2000);
    const back = parseDiagram(extractFromPng(png) ?? '');
    expect(back.ok && back.document).toEqual(doc);
  }, 60_000);

  it('a worker that dies between bands fails the export cleanly, and by default the image is drawn in one piece instead', async () => {
    const settings = { lang: 'en', theme: 'light', scale: 1, embed: true } as const;
    await expect(renderPng(doc, settings, () => undefined, { bands: 3, workers: 1, fallback: false, dieAfterBand: true })).rejects.toThrow(/PNG rasteriser (stopped|is not running)/);
    const png = await renderPng(doc, settings, () => undefined, { bands: 3, workers: 1, dieAfterBand: true });
    const want = whole(1);
    const got = decodePng(png);
    expect([got.width, got.height]).toEqual([want.width, want.height]);
    const back = parseDiagram(extractFromPng(png) ?? '');
    expect(back.ok && back.document).toEqual(doc);
  }, 60_000);

  it('says nothing about the scale when it keeps it', async () => {
    const notices: string[] = [];
    await renderPng(doc, { lang: 'ja', theme: 'dark', scale: 1, embed: false }, (t) => notices.push(t), { bands: 1, workers: 1, fallback: false });
    expect(notices).toEqual([]);
  });

  it('splits rows into whole bands that cover the image once', () => {
    for (const [w, h, cores] of [
      [100, 100, 2],
      [10_048, 6_348, 2],
      [10_048, 6_348, 1],
      [3, 5, 8],
    ] as const) {
      const rows = bandRows(w, h, cores);
      expect(rows[0]?.[0]).toBe(0);
      expect(rows[rows.length - 1]?.[1]).toBe(h);
      rows.forEach(([a, b], i) => {
        expect(b).toBeGreaterThan(a);
        if (i > 0) expect(a).toBe(rows[i - 1]?.[1]);
        expect(w * (b - a)).toBeLessThanOrEqual(16_000_000);
      });
    }
    expect(bandRows(100, 100, 2)).toHaveLength(1);
    expect(bandRows(10_048, 6_348, 2)).toHaveLength(4);
  });

  it('combines Adler-32 checksums as zlib does', () => {
    const bytes = Uint8Array.from({ length: 70_000 }, (_, i) => (i * 7919) % 256);
    for (const cut of [0, 1, 5552, 65_521, 69_999, 70_000]) {
      expect(adler32Combine(adler32(bytes.subarray(0, cut)), adler32(bytes.subarray(cut)), bytes.length - cut)).toBe(adler32(bytes));
    }
  });
});
