import { Resvg } from '@resvg/resvg-js';
import { spawn } from 'node:child_process';
import { createRequire } from 'node:module';
import { availableParallelism } from 'node:os';
import { fileURLToPath } from 'node:url';
import { crc32 as zlibCrc32 } from 'node:zlib';
import {
  cappedScale,
  embedInPng,
  extractDiagram,
  layoutDiagram,
  MAX_RASTER_PIXELS,
  renderMarkdown,
  renderSvg,
  renderSvgParts,
  SHIPPED_FONT_FAMILY,
  SHIPPED_FONT_FILE,
  type RasterPart,
} from '../../app/export';
import { serializeDiagram } from '../../app/format/serialize';
import type { DiagramDocument, Lang } from '../../app/model/types';
import type { ThemeName } from '../../app/export/theme';
import { checkDocument } from '../../app/rules/engine';
import { describeRuleIn } from '../../app/rules/registry';
import type { Exporters } from './export';
import type { EmbeddedDiagramExtractor } from './io';

/**
 * The exporters of `kumozu export`: the same pure renderers as the app
 * (app/export), with resvg rasterising PNGs in Node using the shipped font,
 * so Japanese labels render on any machine.
 */

const FONT_PATH = fileURLToPath(new URL(`../../${SHIPPED_FONT_FILE}`, import.meta.url));
const RESVG_PATH = createRequire(import.meta.url).resolve('@resvg/resvg-js');

/** Above this many pixels the scale is lowered until the image fits, and the user is told. */
export const MAX_PNG_PIXELS = MAX_RASTER_PIXELS;
export { cappedScale };

// ---------------------------------------------------------------------------
// PNG: rasterised in horizontal bands on worker threads
//
// Measured on a 1,000-node diagram (64 megapixels at scale 1): resvg spends
// ~2.1 s shaping the ~3,300 text elements into outlines (per glyph, with no
// cache), ~1 s drawing and ~0.65 s in its own PNG encoder. So the image is cut
// into bands, each band's SVG keeps only the text near it (renderSvgParts),
// and the bands are drawn on worker threads, one per core. Each worker also
// encodes its rows: PNG rows with filter 0 (none) are independent, so each
// band is deflated on its own (zlib's sync flush between bands, as pigz does)
// and the Adler-32 checksums are combined. Diagram images are large flat
// areas, for which filter 0 compresses well: smaller files than resvg's own
// encoder in a third of the time (DEFLATE_LEVEL).

/**
 * Bands at most this big: a band's pixel buffers (resvg's, a copy, the
 * filtered rows) stay ~200 MB per worker, and with two bands per worker the
 * workers finish close together although text is denser in some bands.
 * Smaller bands cost more than they balance (each band parses the shapes and
 * the text along its edges again).
 */
const BAND_PIXELS = 16_000_000;
/** Below this, one band on one worker: starting more costs more than it saves. */
const PARALLEL_PIXELS = 2_000_000;
/**
 * zlib level 3: on the 64-megapixel image of a 1,000-node diagram it takes
 * 0.2 s of CPU for 7.4 MB, where resvg's encoder took 0.65 s for 7.9 MB
 * (level 4: 0.43 s, 5.8 MB; level 6: 0.58 s, 5.3 MB).
 */
const DEFLATE_LEVEL = 3;

interface BandJob {
  readonly svg: string;
  readonly width: number;
  readonly height: number;
  readonly last: boolean;
}

interface BandResult {
  readonly data: Uint8Array;
  readonly adler: number;
  readonly length: number;
}

/**
 * The worker, as plain JavaScript evaluated by Node (no file to locate or
 * bundle). A child process rather than a thread: resvg aborts the whole
 * process when it panics, and a crashed child only costs a fallback to
 * drawing in one piece. It draws a band with resvg, turns tiny-skia's premultiplied pixels
 * into PNG's straight alpha exactly as resvg's own encoder does, prefixes each
 * row with filter type 0, deflates (raw, sync flush unless last) and sums.
 */
const WORKER_SOURCE = String.raw`
const zlib = require('node:zlib');
const { Resvg } = require(process.env.KUMOZU_RESVG);
const font = JSON.parse(process.env.KUMOZU_RESVG_FONT);
process.on('message', (job) => {
  try {
    const image = new Resvg(job.svg, { font }).render();
    const w = image.width, h = image.height;
    if (w !== job.width || h !== job.height) throw new Error('resvg drew ' + w + 'x' + h + ' px, not ' + job.width + 'x' + job.height);
    const px = image.pixels;
    const stride = w * 4;
    const raw = Buffer.allocUnsafe((stride + 1) * h);
    for (let y = 0; y < h; y++) {
      const row = y * (stride + 1);
      raw[row] = 0;
      px.copy(raw, row + 1, y * stride, (y + 1) * stride);
      for (let o = row + 1, end = row + 1 + stride; o < end; o += 4) {
        const a = raw[o + 3];
        if (a === 255) continue;
        if (a === 0) { raw[o] = 0; raw[o + 1] = 0; raw[o + 2] = 0; continue; }
        const f = a / 255;
        raw[o] = Math.min(255, Math.floor(raw[o] / f + 0.5));
        raw[o + 1] = Math.min(255, Math.floor(raw[o + 1] / f + 0.5));
        raw[o + 2] = Math.min(255, Math.floor(raw[o + 2] / f + 0.5));
      }
    }
    const data = zlib.deflateRawSync(raw, { level: job.level, finishFlush: job.last ? zlib.constants.Z_FINISH : zlib.constants.Z_SYNC_FLUSH });
    let s1 = 1, s2 = 0;
    for (let i = 0; i < raw.length; ) {
      const end = Math.min(raw.length, i + 3800);
      for (; i < end; i++) { s1 += raw[i]; s2 += s1; }
      s1 %= 65521; s2 %= 65521;
    }
    process.send({ data, adler: ((s2 << 16) | s1) >>> 0, length: raw.length });
    // Tests: a worker that dies after its first band, as one killed by the OS would.
    if (process.env.KUMOZU_RASTER_DIE_AFTER_BAND === '1') setTimeout(() => process.exit(3), 10);
  } catch (e) {
    process.send({ error: String((e && e.stack) || e) });
  }
});
process.on('disconnect', () => process.exit(0));
`;

const BASE = 65521;

/** adler32_combine of zlib: the checksum of A followed by B from theirs and B's length. */
export function adler32Combine(a: number, b: number, lengthB: number): number {
  const rem = lengthB % BASE;
  let sum1 = a & 0xffff;
  let sum2 = (rem * sum1) % BASE;
  sum1 += (b & 0xffff) + BASE - 1;
  sum2 += ((a >>> 16) & 0xffff) + ((b >>> 16) & 0xffff) + BASE - rem;
  if (sum1 >= BASE) sum1 -= BASE;
  if (sum1 >= BASE) sum1 -= BASE;
  if (sum2 >= BASE * 2) sum2 -= BASE * 2;
  if (sum2 >= BASE) sum2 -= BASE;
  return ((sum2 << 16) | sum1) >>> 0;
}

/** Row ranges [start, end) covering `height` rows: as many bands as the size needs, at least one per core when it is worth it. */
export function bandRows(width: number, height: number, cores: number, bands?: number): [number, number][] {
  const pixels = width * height;
  const count = Math.min(height, bands ?? Math.max(Math.ceil(pixels / BAND_PIXELS), pixels >= PARALLEL_PIXELS ? cores : 1));
  const out: [number, number][] = [];
  for (let i = 0; i < count; i++) out.push([Math.floor((i * height) / count), Math.floor(((i + 1) * height) / count)]);
  return out;
}

function chunk(type: string, data: Uint8Array): Uint8Array {
  const out = Buffer.alloc(12 + data.length);
  out.writeUInt32BE(data.length, 0);
  out.write(type, 4, 'latin1');
  out.set(data, 8);
  out.writeUInt32BE(zlibCrc32(out.subarray(4, 8 + data.length)), 8 + data.length);
  return out;
}

/** An RGBA PNG from the bands' deflated rows, in order. */
function assemblePng(width: number, height: number, bands: readonly BandResult[]): Uint8Array {
  const ihdr = Buffer.alloc(13);
  ihdr.writeUInt32BE(width, 0);
  ihdr.writeUInt32BE(height, 4);
  ihdr.set([8, 6, 0, 0, 0], 8); // 8-bit RGBA, deflate, adaptive filtering (every row type 0), no interlace
  let adler = 1;
  let size = 2 + 4;
  for (const b of bands) {
    adler = adler32Combine(adler, b.adler, b.length);
    size += b.data.length;
  }
  const idat = Buffer.alloc(size);
  idat[0] = 0x78; // zlib: deflate, 32 KB window
  idat[1] = 0x5e; // FLEVEL 1 (fast, as levels 2–5 are) and the header check bits
  let at = 2;
  for (const b of bands) {
    idat.set(b.data, at);
    at += b.data.length;
  }
  idat.writeUInt32BE(adler, at);
  const parts = [Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]), chunk('IHDR', ihdr), chunk('IDAT', idat), chunk('IEND', new Uint8Array(0))];
  return Buffer.concat(parts);
}

/**
 * Draws the bands on up to `workers` child processes; results in band order.
 * The processes start first, so that loading resvg and the font overlaps with
 * writing the SVGs (`makeJobs`, called once). Rejects if any band fails.
 */
async function drawBands(count: number, makeJobs: () => readonly BandJob[], workers: number, dieAfterBand = false): Promise<BandResult[]> {
  const results: BandResult[] = new Array<BandResult>(count);
  const font = { loadSystemFonts: false, fontFiles: [FONT_PATH], defaultFontFamily: SHIPPED_FONT_FAMILY, sansSerifFamily: SHIPPED_FONT_FAMILY };
  const env = { ...process.env, KUMOZU_RESVG: RESVG_PATH, KUMOZU_RESVG_FONT: JSON.stringify(font), ELECTRON_RUN_AS_NODE: '1', KUMOZU_RASTER_DIE_AFTER_BAND: dieAfterBand ? '1' : '' };
  const pool = Array.from({ length: Math.max(1, Math.min(workers, count)) }, () =>
    spawn(process.execPath, ['-e', WORKER_SOURCE], { env, stdio: ['ignore', 'ignore', 'pipe', 'ipc'], serialization: 'advanced' }),
  );
  const stderr = pool.map((child) => {
    const out: string[] = [];
    child.stderr?.on('data', (d: Buffer) => out.push(d.toString('utf8')));
    return out;
  });
  // One settled-once failure per worker: a spawn error, or an exit at any time (between bands too), fails its current band.
  const dead = pool.map(
    (child, w) =>
      new Promise<never>((_, reject) => {
        const fail = (why: string) => reject(new Error(`PNG rasteriser stopped (${why}): ${(stderr[w] ?? []).join('').trim().slice(0, 500)}`));
        child.once('error', (e) => fail(e.message));
        child.once('exit', (code, signal) => fail(signal ?? `exit ${code}`));
      }),
  );
  // Workers are stopped on purpose at the end; nobody awaits their failure then.
  for (const d of dead) d.catch(() => undefined);
  let next = 0;
  try {
    const jobs = makeJobs();
    await Promise.all(
      pool.map(async (child, w) => {
        while (next < jobs.length) {
          const index = next++;
          const job = jobs[index] as BandJob;
          const band = new Promise<BandResult>((resolve, reject) => {
            child.once('message', (m: BandResult | { error: string }) => {
              if ('error' in m) reject(new Error(`PNG rasteriser: ${m.error}`));
              else resolve({ data: m.data, adler: m.adler, length: m.length });
            });
            if (!child.connected) reject(new Error('PNG rasteriser is not running'));
            else child.send({ ...job, level: DEFLATE_LEVEL }, (e) => e && reject(e));
          });
          results[index] = await Promise.race([dead[w] as Promise<never>, band]);
        }
      }),
    );
  } finally {
    for (const child of pool) if (child.connected) child.disconnect();
    for (const child of pool) if (child.exitCode === null && child.signalCode === null) child.kill();
  }
  return results;
}

/** The whole image drawn in one piece in this process: the fallback when a band fails. */
function wholeImage(doc: DiagramDocument, settings: PngSettings, width: number): Uint8Array {
  const svg = renderSvg(doc, { lang: settings.lang, theme: settings.theme, embed: false });
  return new Resvg(svg, {
    font: { loadSystemFonts: false, fontFiles: [FONT_PATH], defaultFontFamily: SHIPPED_FONT_FAMILY, sansSerifFamily: SHIPPED_FONT_FAMILY },
    fitTo: { mode: 'width', value: width },
  })
    .render()
    .asPng();
}

export interface PngSettings {
  readonly lang: Lang;
  readonly theme: ThemeName;
  readonly scale: number;
  readonly embed: boolean;
}

/** How the rasteriser splits its work; tests set it to exercise several bands on one machine or another. */
export interface PngTuning {
  readonly workers?: number;
  readonly bands?: number;
  /** Draw in one piece when a band fails (default); tests turn it off to see the failure. */
  readonly fallback?: boolean;
  /** Tests: every worker exits right after its first band. */
  readonly dieAfterBand?: boolean;
}

/**
 * The PNG of `kumozu export`: the whole diagram at `scale` (lowered to the
 * pixel cap, which `notice` is told about), with the diagram embedded when asked.
 */
export async function renderPng(doc: DiagramDocument, settings: PngSettings, notice: (text: string) => void, tuning: PngTuning = {}): Promise<Uint8Array> {
  const bounds = layoutDiagram(doc, settings.lang, []).bounds;
  const scale = cappedScale(bounds.width, bounds.height, settings.scale);
  if (scale !== settings.scale) {
    notice(
      settings.lang === 'ja'
        ? `図が大きいため、PNG の倍率を ${settings.scale} から ${scale} に下げました（上限 ${MAX_PNG_PIXELS / 1_000_000} メガピクセル）。SVG なら縮小せずに書き出せます。`
        : `The diagram is large: PNG scale lowered from ${settings.scale} to ${scale} to stay under ${MAX_PNG_PIXELS / 1_000_000} megapixels. SVG export keeps full detail.`,
    );
  }
  // As resvg's fitTo draws a whole image: whole pixels each way, the diagram stretched to fill them.
  const width = Math.max(1, Math.round(bounds.width * scale));
  const height = Math.max(1, Math.round(bounds.height * (width / bounds.width)));
  const sy = height / bounds.height;
  const cores = tuning.workers ?? Math.max(1, Math.min(4, availableParallelism()));
  const rows = bandRows(width, height, cores, tuning.bands);
  const parts: RasterPart[] = rows.map(([r0, r1]) => ({ viewBox: { x: bounds.x, y: bounds.y + r0 / sy, width: bounds.width, height: (r1 - r0) / sy }, width, height: r1 - r0 }));
  const banded = async (): Promise<Uint8Array> => {
    const jobs = (): BandJob[] =>
      renderSvgParts(doc, { lang: settings.lang, theme: settings.theme, embed: false }, parts).map((svg, i) => ({
        svg,
        width,
        height: (parts[i] as RasterPart).height,
        last: i === parts.length - 1,
      }));
    return assemblePng(width, height, await drawBands(parts.length, jobs, cores, tuning.dieAfterBand));
  };
  let png: Uint8Array;
  if (parts.length === 1) {
    // One band: nothing to share out, so no worker to start.
    png = wholeImage(doc, settings, width);
  } else {
    try {
      png = await banded();
    } catch (e) {
      if (tuning.fallback === false) throw e;
      // A band failed (out of memory, a crash in resvg): the same image, drawn in one piece, only slower.
      png = wholeImage(doc, settings, width);
    }
  }
  return settings.embed ? embedInPng(png, serializeDiagram(doc)) : png;
}

export function createExporters(notice: (text: string) => void): Exporters {
  return {
    png: (doc, settings) => renderPng(doc, settings, notice),
    async svg(doc, settings) {
      return renderSvg(doc, { lang: settings.lang, theme: settings.theme, embed: settings.embed });
    },
    async md(doc: DiagramDocument, settings) {
      const lang = settings.lang;
      return renderMarkdown(doc, { lang, findings: checkDocument(doc, lang), describeRule: describeRuleIn(lang) });
    },
  };
}

/** PNG and SVG exports carry their document; `check` and `export` read it back. */
export const extractEmbedded: EmbeddedDiagramExtractor = (bytes, type) => {
  const found = extractDiagram(bytes, type === 'png' ? 'diagram.png' : 'diagram.svg');
  return 'text' in found ? found.text : null;
};
