import { execFile } from 'node:child_process';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { Resvg } from '@resvg/resvg-js';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parseDiagram } from '../format/parse';
import { serializeDiagram } from '../format/serialize';
import { doc as makeDoc, node, withLabel } from '../model/testing';
import type { DiagramDocument, Lang } from '../model/types';
import { embedInPng, extractDiagram, extractFromPng } from './embed';
import { SHIPPED_FONT_FAMILY, SHIPPED_FONT_FILE } from './font';
import { layoutDiagram } from './layout';
import { renderSvg, svgSize } from './svg';
import { PLATFORM_FINDINGS } from './testing/cases';
import { decodePng } from './testing/png-decode';
import { THEMES, type ThemeName } from './theme';

/**
 * The SVG export as the rasterisers see it: resvg (what the CLI uses for PNG,
 * given the shipped font and no system fonts, so CI renders exactly what a
 * user gets) and librsvg's rsvg-convert (a second, independent renderer, as
 * GNOME and many converters use).
 */

const ROOT = fileURLToPath(new URL('../../', import.meta.url));
const FONT = join(ROOT, SHIPPED_FONT_FILE);
const here = (rel: string) => fileURLToPath(new URL(rel, import.meta.url));

async function load(rel: string): Promise<DiagramDocument> {
  const r = parseDiagram(await readFile(here(rel), 'utf8'));
  if (!r.ok) throw new Error(`${rel}: ${r.error.reason}`);
  return r.document;
}

function rasterise(svg: string, width: number, fontFiles: string[] = [FONT]): { png: Uint8Array; width: number; height: number; pixels: Uint8Array } {
  const image = new Resvg(svg, {
    font: { loadSystemFonts: false, fontFiles, defaultFontFamily: SHIPPED_FONT_FAMILY, sansSerifFamily: SHIPPED_FONT_FAMILY },
    fitTo: { mode: 'width', value: width },
    logLevel: 'off',
  }).render();
  return { png: new Uint8Array(image.asPng()), width: image.width, height: image.height, pixels: new Uint8Array(image.pixels) };
}

const CASES: readonly { file: string; lang: Lang; theme: ThemeName }[] = [
  { file: '../../assets/examples/web-app.kumozu.json', lang: 'en', theme: 'light' },
  { file: '../../assets/examples/web-app.kumozu.json', lang: 'ja', theme: 'dark' },
  { file: './fixtures/platform.kumozu.json', lang: 'en', theme: 'dark' },
  { file: './fixtures/japanese.kumozu.json', lang: 'ja', theme: 'light' },
  { file: './fixtures/hostile.kumozu.json', lang: 'en', theme: 'light' },
];

describe('rendering with resvg', () => {
  it('renders every fixture at scale 1 and 2 with the expected pixel size', async () => {
    for (const c of CASES) {
      const doc = await load(c.file);
      const svg = renderSvg(doc, { lang: c.lang, theme: c.theme, findings: PLATFORM_FINDINGS });
      const size = svgSize(doc, { lang: c.lang, findings: PLATFORM_FINDINGS });
      for (const scale of [1, 2]) {
        const out = rasterise(svg, size.width * scale);
        expect([out.width, out.height], `${c.file} × ${scale}`).toEqual([size.width * scale, size.height * scale]);
        const decoded = decodePng(out.png);
        expect([decoded.width, decoded.height]).toEqual([out.width, out.height]);
      }
    }
  });

  it('draws the canvas colour of the theme behind the diagram', async () => {
    const doc = await load('./fixtures/japanese.kumozu.json');
    for (const theme of ['light', 'dark'] as const) {
      const out = rasterise(renderSvg(doc, { lang: 'ja', theme }), svgSize(doc, { lang: 'ja' }).width);
      const hex = `#${Array.from(out.pixels.subarray(0, 3), (v) => v.toString(16).padStart(2, '0')).join('')}`;
      expect(hex).toBe(THEMES[theme].canvas);
    }
  });

  it('keeps the diagram through PNG embedding: valid chunks, same pixels, the document back', async () => {
    for (const c of CASES) {
      const doc = await load(c.file);
      const svg = renderSvg(doc, { lang: c.lang, theme: c.theme, embed: false });
      const out = rasterise(svg, svgSize(doc, { lang: c.lang }).width * 2);
      const json = serializeDiagram(doc);
      const png = embedInPng(out.png, json);
      // decodePng checks every chunk's CRC and that IEND ends the file.
      const before = decodePng(out.png);
      const after = decodePng(png);
      expect(after.chunkTypes.filter((t) => t === 'iTXt')).toHaveLength(1);
      expect(after.chunkTypes[after.chunkTypes.length - 2]).toBe('iTXt');
      expect([after.width, after.height]).toEqual([before.width, before.height]);
      expect(Buffer.from(after.rgba).equals(Buffer.from(before.rgba))).toBe(true);
      expect(extractFromPng(png)).toBe(json);
      const opened = extractDiagram(png, 'diagram.png');
      expect(opened).toEqual({ kind: 'png', text: json });
      const back = parseDiagram('text' in opened ? opened.text : '');
      expect(back.ok && back.repairs).toEqual([]);
      if (back.ok) expect(back.document).toEqual(doc);
      // resvg itself still reads the PNG: wrap it in an SVG image and render it.
      const wrapped = `<svg xmlns="http://www.w3.org/2000/svg" width="4" height="4"><image width="4" height="4" href="data:image/png;base64,${Buffer.from(png).toString('base64')}"/></svg>`;
      expect(() => new Resvg(wrapped, { font: { loadSystemFonts: false } }).render()).not.toThrow();
    }
  });

  it('draws Japanese labels with the shipped font, not as blanks or missing-glyph boxes', () => {
    const label = '注文処理サービス';
    const japanese = makeDoc([withLabel(node('w', 'workload'), label)]);
    japanese.nodes[0] = { ...japanese.nodes[0]!, size: { width: 300, height: 72 } };
    japanese.meta.lang = 'ja';
    const scale = 2;
    const layout = layoutDiagram(japanese, 'ja');
    const leaf = layout.leaves[0];
    if (!leaf) throw new Error('no leaf');
    expect(leaf.label.text).toBe(label);
    const box = leaf.label.box;
    const b = layout.bounds;
    const bg = THEMES.light.nodeBg;
    const bgRgb = [1, 3, 5].map((i) => parseInt(bg.slice(i, i + 2), 16));

    /** Pixels in the label's text box that differ clearly from the card, and the horizontal extent of that ink. */
    const ink = (doc: DiagramDocument, fontFiles?: string[]) => {
      const out = rasterise(renderSvg(doc, { lang: 'ja', theme: 'light' }), b.width * scale, fontFiles);
      let count = 0;
      let minX = Infinity;
      let maxX = -Infinity;
      const x0 = Math.floor((box.x - b.x) * scale);
      const x1 = Math.ceil((box.x + box.width - b.x) * scale) + 8;
      const y0 = Math.floor((box.y - b.y) * scale);
      const y1 = Math.ceil((box.y + box.height - b.y) * scale);
      const mask: number[] = [];
      for (let y = y0; y < y1; y++) {
        for (let x = x0; x < x1; x++) {
          const i = (y * out.width + x) * 4;
          const d = Math.max(...[0, 1, 2].map((k) => Math.abs((out.pixels[i + k] ?? 0) - (bgRgb[k] ?? 0))));
          const on = d > 80;
          mask.push(on ? 1 : 0);
          if (on) {
            count++;
            minX = Math.min(minX, x);
            maxX = Math.max(maxX, x);
          }
        }
      }
      return { count, area: (x1 - x0) * (y1 - y0), width: (maxX - minX + 1) / scale, mask };
    };

    const drawn = ink(japanese);
    expect(drawn.count / drawn.area).toBeGreaterThan(0.08);
    // The layout's width estimate for CJK (one em per character) matches what the font draws.
    expect(drawn.width).toBeGreaterThan(box.width * 0.85);
    expect(drawn.width).toBeLessThan(box.width * 1.1);
    // Sanity checks that the count measures glyphs: without fonts the box stays blank…
    expect(ink(japanese, []).count).toBe(0);
    // …and the same number of characters the font lacks (drawn as .notdef boxes) looks different.
    const tofu = makeDoc([{ ...withLabel(node('w', 'workload'), '\uE000'.repeat([...label].length)), size: { width: 300, height: 72 } }]);
    const missing = ink(tofu);
    const differing = drawn.mask.reduce((n, v, i) => n + (v !== missing.mask[i] ? 1 : 0), 0);
    expect(differing / Math.max(drawn.count, 1)).toBeGreaterThan(0.5);
  });
});

describe('rendering with librsvg (rsvg-convert)', () => {
  let dir = '';
  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), 'kumozu-rsvg-'));
  });
  afterAll(async () => {
    if (dir) await rm(dir, { recursive: true, force: true });
  });

  const rsvgConvert = (args: string[]) =>
    new Promise<{ code: number; stderr: string }>((resolve, reject) => {
      execFile('rsvg-convert', args, { timeout: 60_000 }, (error, _stdout, stderr) => {
        if (error && 'code' in error && error.code === 'ENOENT') {
          reject(new Error('rsvg-convert was not found: install it with `sudo apt-get install librsvg2-bin` (CI installs it)'));
          return;
        }
        const code = error && typeof error.code === 'number' ? error.code : error ? 1 : 0;
        resolve({ code, stderr: String(stderr) });
      });
    });

  it('renders every fixture to a PNG of the SVG’s size', async () => {
    for (const [i, c] of CASES.entries()) {
      const doc = await load(c.file);
      const svgPath = join(dir, `case-${i}.svg`);
      const pngPath = join(dir, `case-${i}.png`);
      await writeFile(svgPath, renderSvg(doc, { lang: c.lang, theme: c.theme, findings: PLATFORM_FINDINGS }));
      const { code, stderr } = await rsvgConvert(['--format=png', `--output=${pngPath}`, svgPath]);
      expect(code, stderr).toBe(0);
      const decoded = decodePng(new Uint8Array(await readFile(pngPath)));
      const size = svgSize(doc, { lang: c.lang, findings: PLATFORM_FINDINGS });
      expect([decoded.width, decoded.height], c.file).toEqual([size.width, size.height]);
    }
  });
});
