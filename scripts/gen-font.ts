import { mkdir, readdir, readFile, writeFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { extname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { SHIPPED_FONT_FAMILY, SHIPPED_FONT_FILE } from '../app/export/font';
import { extractFace, readAdvances, readCmap, readFaces, readName } from '../app/export/sfnt';

/**
 * Builds the font Kumozu ships for exports (app/export/font.ts):
 *
 *     npx tsx scripts/gen-font.ts [path/to/NotoSansCJK-Regular.ttc]
 *
 * 1. Takes the Noto Sans CJK JP Regular face out of the Debian collection
 *    (fonts-noto-cjk; the face is found by its family name, not its index).
 * 2. Subsets it with subset-font (HarfBuzz hb-subset, wasm) to: ASCII, Latin-1,
 *    Latin Extended-A, Greek and Cyrillic (both are in JIS X 0208), general
 *    punctuation, arrows and common symbols, CJK symbols, kana, full-width
 *    forms, the JIS X 0208 level-1 and level-2 kanji (6,355, a superset of the
 *    Jōyō kanji except four 2010 additions, which are added by hand), and every
 *    CJK character in the app's own texts (app/, renderer/src/, main/, docs/,
 *    assets/examples/).
 *    Output stays OpenType/CFF (`sfnt`), not WOFF2: resvg loads only TTF/OTF.
 *    Layout closure is off: it pulls in vertical, traditional (jp78/jp83) and
 *    width variants (~1 MB more) that horizontal diagram text never uses.
 * 3. Writes assets/fonts/<file> and app/export/font-metrics.generated.ts, the
 *    advance widths the layout measures text with (font units; every code
 *    point not listed is one em wide).
 *
 * The result is deterministic for a given collection and tree; font.test.ts
 * checks that the shipped file covers the app's Japanese texts.
 */

const ROOT = fileURLToPath(new URL('../', import.meta.url));
const DEFAULT_TTC = '/usr/share/fonts/opentype/noto/NotoSansCJK-Regular.ttc';
export const METRICS_FILE = 'app/export/font-metrics.generated.ts';

type SubsetFont = (
  font: Uint8Array,
  text: string,
  options: { targetFormat: 'sfnt'; noLayoutClosure?: boolean; preserveNameIds?: number[] },
) => Promise<Uint8Array>;
// subset-font is CommonJS without type declarations.
const subsetFont = createRequire(import.meta.url)('subset-font') as SubsetFont;

/** Code point ranges kept whole (those the font has; missing ones are skipped by hb-subset). */
export const RANGES: readonly (readonly [number, number])[] = [
  [0x0020, 0x007e], // ASCII
  [0x00a0, 0x00ff], // Latin-1 Supplement
  [0x0100, 0x017f], // Latin Extended-A
  [0x0370, 0x03ff], // Greek
  [0x0400, 0x04ff], // Cyrillic
  [0x2000, 0x206f], // General Punctuation
  [0x20a0, 0x20cf], // Currency Symbols
  [0x2100, 0x218f], // Letterlike Symbols, Number Forms (℃ № Ⅱ)
  [0x2190, 0x21ff], // Arrows
  [0x2200, 0x22ff], // Mathematical Operators
  [0x2460, 0x24ff], // Enclosed Alphanumerics (①)
  [0x2500, 0x257f], // Box Drawing
  [0x25a0, 0x25ff], // Geometric Shapes
  [0x2600, 0x26ff], // Miscellaneous Symbols (★)
  [0x2700, 0x27bf], // Dingbats (✓)
  [0x3000, 0x303f], // CJK Symbols and Punctuation
  [0x3040, 0x309f], // Hiragana
  [0x30a0, 0x30ff], // Katakana
  [0x31f0, 0x31ff], // Katakana Phonetic Extensions
  [0xff00, 0xffef], // Halfwidth and Fullwidth Forms
];

/** Jōyō kanji added in 2010 that are not in JIS X 0208: 𠮟 塡 剝 頰. */
const JOYO_OUTSIDE_JIS = [0x20b9f, 0x5861, 0x525d, 0x9830];

/** JIS X 0208 kanji, decoded from EUC-JP: level 1 is rows 16–47 (2,965), level 2 rows 48–84 (3,390). */
export function jisKanji(level: 1 | 2): string {
  const decoder = new TextDecoder('euc-jp', { fatal: true });
  const [first, last, lastCells] = level === 1 ? [16, 47, 51] : [48, 84, 6];
  let out = '';
  for (let row = first; row <= last; row++) {
    const cells = row === last ? lastCells : 94;
    for (let cell = 1; cell <= cells; cell++) out += decoder.decode(new Uint8Array([0xa0 + row, 0xa0 + cell]));
  }
  return out;
}

/** Whether a code point is Japanese/CJK text (not an emoji, which comes from the viewer's emoji font). */
export function isCjk(cp: number): boolean {
  return (cp >= 0x2e80 && cp <= 0xa4cf) || (cp >= 0xf900 && cp <= 0xfaff) || (cp >= 0xfe30 && cp <= 0xfe4f) || (cp >= 0xff00 && cp <= 0xffef) || (cp >= 0x20000 && cp <= 0x3ffff);
}

/** CJK characters used anywhere in the project's own texts. */
async function projectCjk(): Promise<Set<number>> {
  const found = new Set<number>();
  const walk = async (dir: string): Promise<void> => {
    let entries;
    try {
      entries = await readdir(join(ROOT, dir), { withFileTypes: true });
    } catch {
      return;
    }
    for (const e of entries) {
      const rel = join(dir, e.name);
      if (e.isDirectory()) {
        if (e.name !== 'node_modules' && !e.name.startsWith('.')) await walk(rel);
      } else if (['.ts', '.tsx', '.md', '.json'].includes(extname(e.name))) {
        for (const ch of await readFile(join(ROOT, rel), 'utf8')) {
          const cp = ch.codePointAt(0) ?? 0;
          if (isCjk(cp)) found.add(cp);
        }
      }
    }
  };
  for (const dir of ['app', 'renderer/src', 'main', 'docs', 'assets/examples']) await walk(dir);
  return found;
}

async function main(): Promise<void> {
  const source = process.argv[2] ?? DEFAULT_TTC;
  const collection = new Uint8Array(await readFile(source));
  const face = readFaces(collection).find((f) => readName(f, 1) === SHIPPED_FONT_FAMILY);
  if (!face) throw new Error(`${source} has no face named ${SHIPPED_FONT_FAMILY}`);
  const standalone = extractFace(face);

  const wanted = new Set<number>();
  for (const [a, b] of RANGES) for (let c = a; c <= b; c++) wanted.add(c);
  const jis1 = jisKanji(1);
  const jis2 = jisKanji(2);
  for (const ch of jis1 + jis2) wanted.add(ch.codePointAt(0) ?? 0);
  for (const c of JOYO_OUTSIDE_JIS) wanted.add(c);
  const project = await projectCjk();
  for (const c of project) wanted.add(c);

  const text = [...wanted].sort((a, b) => a - b).map((c) => String.fromCodePoint(c)).join('');
  // Name ids 0 (copyright), 13 and 14 (licence) are kept so the file carries its OFL notice.
  // subset-font sniffs the format with Buffer#toString, so it needs a Buffer, not a bare Uint8Array.
  const subset = await subsetFont(Buffer.from(standalone.buffer, standalone.byteOffset, standalone.byteLength), text, { targetFormat: 'sfnt', noLayoutClosure: true, preserveNameIds: [0, 13, 14] });

  const out = readFaces(subset)[0];
  if (!out) throw new Error('subset produced no font');
  const cmap = readCmap(out);
  const { unitsPerEm, advance } = readAdvances(out);
  const missingProject = [...project].filter((c) => !cmap.has(c));

  await mkdir(join(ROOT, 'assets/fonts'), { recursive: true });
  await writeFile(join(ROOT, SHIPPED_FONT_FILE), subset);
  await writeFile(join(ROOT, METRICS_FILE), metricsModule(cmap, unitsPerEm, advance));

  const kanji = [...cmap.keys()].filter((c) => (c >= 0x4e00 && c <= 0x9fff) || c >= 0x20000).length;
  console.log(`${SHIPPED_FONT_FILE}: ${subset.length} bytes, ${cmap.size} code points (${kanji} kanji)`);
  console.log(`from ${source}; JIS level 1 ${[...jis1].length}, level 2 ${[...jis2].length}, project characters ${project.size}`);
  if (missingProject.length > 0) {
    console.log(`not in Noto Sans CJK JP: ${missingProject.map((c) => `U+${c.toString(16).toUpperCase()}`).join(' ')}`);
  }
}

/** The width table as a TypeScript module: runs of consecutive code points whose advance is not one em. */
export function metricsModule(cmap: ReadonlyMap<number, number>, unitsPerEm: number, advance: (glyph: number) => number): string {
  const narrow = [...cmap.entries()]
    .map(([cp, glyph]) => [cp, advance(glyph)] as const)
    .filter(([, w]) => w !== unitsPerEm)
    .sort((a, b) => a[0] - b[0]);
  const runs: [number, number[]][] = [];
  for (const [cp, w] of narrow) {
    const last = runs[runs.length - 1];
    if (last && last[0] + last[1].length === cp) last[1].push(w);
    else runs.push([cp, [w]]);
  }
  const lines = runs.map(([start, widths]) => `  [0x${start.toString(16)}, [${widths.join(', ')}]],`);
  return [
    '// Generated by scripts/gen-font.ts from the shipped font. Do not edit.',
    '',
    '/** Font units per em of the shipped font. */',
    `export const UNITS_PER_EM = ${unitsPerEm};`,
    '',
    '/** Runs of code points whose advance is not one em: [first code point, advances in font units]. */',
    'export const NARROW_ADVANCES: readonly (readonly [number, readonly number[]])[] = [',
    ...lines,
    '];',
    '',
  ].join('\n');
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  main().catch((e: unknown) => {
    console.error(e instanceof Error ? e.message : e);
    process.exitCode = 1;
  });
}
