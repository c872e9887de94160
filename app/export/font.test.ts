import { readdir, readFile, stat } from 'node:fs/promises';
import { extname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { isCjk, jisKanji, METRICS_FILE, metricsModule } from '../../scripts/gen-font';
import { fontFamilyList, SHIPPED_FONT_FAMILY, SHIPPED_FONT_FILE } from './font';
import { readAdvances, readCmap, readFaces, readName } from './sfnt';
import { charWidth, textWidth, truncate, wrap } from './text';

const ROOT = fileURLToPath(new URL('../../', import.meta.url));
const REBUILD = 'run `npx tsx scripts/gen-font.ts` and commit assets/fonts and app/export/font-metrics.generated.ts';

async function shipped() {
  const bytes = new Uint8Array(await readFile(join(ROOT, SHIPPED_FONT_FILE)));
  const face = readFaces(bytes)[0];
  if (!face) throw new Error('no face');
  return { bytes, face, cmap: readCmap(face) };
}

/** Every CJK character in the app's own source texts. */
async function appCjk(dir: string): Promise<Map<number, string>> {
  const found = new Map<number, string>();
  for (const e of await readdir(join(ROOT, dir), { withFileTypes: true })) {
    const rel = join(dir, e.name);
    if (e.isDirectory()) {
      if (e.name !== 'fixtures') for (const [k, v] of await appCjk(rel)) found.set(k, v);
    } else if (extname(e.name) === '.ts' && !e.name.endsWith('.test.ts')) {
      for (const ch of await readFile(join(ROOT, rel), 'utf8')) {
        const cp = ch.codePointAt(0) ?? 0;
        if (isCjk(cp) && !found.has(cp)) found.set(cp, rel);
      }
    }
  }
  return found;
}

describe('the shipped font', () => {
  it('is a Noto Sans CJK JP subset of at most 3 MB, with its licence beside it', async () => {
    const { bytes, face } = await shipped();
    expect(bytes.length).toBeLessThanOrEqual(3 * 1024 * 1024);
    expect(readName(face, 1)).toBe(SHIPPED_FONT_FAMILY);
    expect(readName(face, 0)).toMatch(/Adobe/);
    // OpenType (CFF) rather than WOFF2: resvg reads only TTF/OTF.
    expect(String.fromCharCode(...bytes.subarray(0, 4))).toBe('OTTO');
    const licence = await readFile(join(ROOT, 'assets/fonts/OFL.txt'), 'utf8');
    expect(licence).toMatch(/SIL OPEN FONT LICENSE Version 1\.1/);
    expect(licence).toMatch(/Copyright 2014-2021 Adobe/);
    expect((await stat(join(ROOT, 'assets/fonts/README.md'))).isFile()).toBe(true);
  });

  it('covers ASCII, Latin-1, kana, CJK punctuation, full-width forms and the JIS X 0208 kanji', async () => {
    const { cmap } = await shipped();
    const missing = (cps: Iterable<number>) => [...cps].filter((c) => !cmap.has(c)).map((c) => String.fromCodePoint(c));
    const range = (a: number, b: number) => Array.from({ length: b - a + 1 }, (_, i) => a + i);
    expect(missing(range(0x20, 0x7e))).toEqual([]);
    expect(missing(range(0xa1, 0xff).filter((c) => c !== 0xad))).toEqual([]);
    expect(missing(range(0x3041, 0x3096))).toEqual([]);
    expect(missing(range(0x30a1, 0x30fa))).toEqual([]);
    expect(missing(range(0x3001, 0x3015))).toEqual([]);
    expect(missing(range(0xff01, 0xff5e))).toEqual([]);
    expect(missing(Array.from(jisKanji(1), (c) => c.codePointAt(0) ?? 0))).toEqual([]);
    expect(missing(Array.from(jisKanji(2), (c) => c.codePointAt(0) ?? 0))).toEqual([]);
  });

  it("covers every Japanese character in the app's own texts", async () => {
    const { cmap } = await shipped();
    const gaps = [...(await appCjk('app'))].filter(([cp]) => !cmap.has(cp)).map(([cp, file]) => `${String.fromCodePoint(cp)} (${file})`);
    expect(gaps, `characters the shipped font lacks: ${REBUILD}`).toEqual([]);
  });

  it('matches the width table the layout measures with', async () => {
    const { face, cmap } = await shipped();
    const { unitsPerEm, advance } = readAdvances(face);
    expect(await readFile(join(ROOT, METRICS_FILE), 'utf8'), `${METRICS_FILE} is stale: ${REBUILD}`).toBe(metricsModule(cmap, unitsPerEm, advance));
  });
});

describe('text measuring', () => {
  it('uses the font widths for Latin and one em for CJK', () => {
    expect(charWidth('i'.codePointAt(0) ?? 0)).toBeLessThan(charWidth('M'.codePointAt(0) ?? 0));
    expect(charWidth('日'.codePointAt(0) ?? 0)).toBe(1);
    expect(charWidth('ア'.codePointAt(0) ?? 0)).toBe(1);
    expect(textWidth('日本語', 10)).toBe(30);
    expect(textWidth('abc', 10)).toBeGreaterThan(10);
    expect(textWidth('abc', 10)).toBeLessThan(20);
    expect(charWidth(0x200d)).toBe(0);
  });

  it('truncates at grapheme boundaries with an ellipsis', () => {
    expect(truncate('short', 100, 13)).toBe('short');
    const cut = truncate('a long label that does not fit', 80, 13);
    expect(cut.endsWith('…')).toBe(true);
    expect(textWidth(cut, 13)).toBeLessThanOrEqual(80);
    // A family emoji is one grapheme: it is kept whole or dropped whole.
    const family = '👨‍👩‍👧‍👦';
    for (let w = 10; w < 60; w += 3) {
      const t = truncate(`ab${family}${family}cd`, w, 13);
      expect(t.replace('…', '').replaceAll(family, '')).toMatch(/^(a|ab|abcd?|)$/u);
    }
  });

  it('wraps at spaces, and anywhere in Japanese', () => {
    expect(wrap(['one two three four five six'], 60, 13).length).toBeGreaterThan(1);
    for (const line of wrap(['one two three four five six'], 60, 13)) expect(line.startsWith(' ')).toBe(false);
    const ja = wrap(['日本語の長いメモは単語の区切りがなくても折り返されます'], 100, 13);
    expect(ja.length).toBeGreaterThan(2);
    for (const line of ja) expect(textWidth(line, 13)).toBeLessThanOrEqual(100);
    expect(wrap(['a', '', 'b'], 100, 13)).toEqual(['a', '', 'b']);
  });

  it('lists the shipped family first, then CJK fallbacks, without quotes from outside', () => {
    expect(fontFamilyList()).toMatch(/^'Noto Sans CJK JP', .*'Hiragino Sans'.*, sans-serif$/);
    expect(fontFamilyList(`My "Font"; } <x>`)).toMatch(/^'My Font {2}x', 'Noto Sans CJK JP'/);
  });
});
