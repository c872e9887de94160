import { NARROW_ADVANCES, UNITS_PER_EM } from './font-metrics.generated';

/**
 * Text measuring without a DOM: an estimate from the shipped font's advance
 * widths (font-metrics.generated.ts). The layout needs widths to truncate
 * labels, size halos and pills, and wrap notes; it never needs them to the
 * pixel, and a browser substituting another font lands within a few percent.
 *
 * Characters the shipped font lacks are estimated by class: wide East Asian
 * and emoji one em, combining marks and zero-width characters nothing,
 * anything else (Arabic, Hebrew, Thai, …) 0.6 em.
 */

const advances = new Map<number, number>();
for (const [start, widths] of NARROW_ADVANCES) widths.forEach((w, i) => advances.set(start + i, w / UNITS_PER_EM));

function isZeroWidth(cp: number): boolean {
  return (
    (cp >= 0x0300 && cp <= 0x036f) || // combining diacritics
    (cp >= 0x200b && cp <= 0x200f) || // zero-width space/joiners, LRM/RLM
    (cp >= 0xfe00 && cp <= 0xfe0f) || // variation selectors
    (cp >= 0xe0100 && cp <= 0xe01ef) ||
    cp === 0x20e3 || // combining enclosing keycap
    (cp >= 0x1f3fb && cp <= 0x1f3ff) // skin-tone modifiers (drawn with the emoji before them)
  );
}

function isWide(cp: number): boolean {
  return (
    (cp >= 0x1100 && cp <= 0x115f) ||
    (cp >= 0x2190 && cp <= 0x27bf) || // arrows, symbols, dingbats: full width in the shipped font
    (cp >= 0x2e80 && cp <= 0xa4cf) || // CJK radicals … Yi
    (cp >= 0xac00 && cp <= 0xd7a3) || // Hangul syllables
    (cp >= 0xf900 && cp <= 0xfaff) ||
    (cp >= 0xfe30 && cp <= 0xfe4f) ||
    (cp >= 0xff00 && cp <= 0xff60) ||
    (cp >= 0xffe0 && cp <= 0xffe6) ||
    (cp >= 0x1f000 && cp <= 0x1faff) || // emoji and pictographs
    (cp >= 0x20000 && cp <= 0x3fffd) // CJK extensions
  );
}

/** Width of one code point in em. */
export function charWidth(cp: number): number {
  const known = advances.get(cp);
  if (known !== undefined) return known;
  if (isZeroWidth(cp)) return 0;
  if (isWide(cp)) return 1;
  return 0.6;
}

/** Estimated width in px of a single line at this font size. */
export function textWidth(text: string, fontSize: number): number {
  let em = 0;
  for (const ch of text) em += charWidth(ch.codePointAt(0) ?? 0);
  return em * fontSize;
}

const segmenter = typeof Intl !== 'undefined' && 'Segmenter' in Intl ? new Intl.Segmenter('en', { granularity: 'grapheme' }) : undefined;

/**
 * User-perceived characters, so truncation never splits an emoji sequence
 * (👩‍💻), a flag or a base letter from its accent. Falls back to code points
 * where Intl.Segmenter is missing.
 */
export function graphemes(text: string): string[] {
  if (segmenter) return Array.from(segmenter.segment(text), (s) => s.segment);
  return Array.from(text);
}

const ELLIPSIS = '…';

/** The text, cut at a grapheme boundary and ended with "…" when it is wider than `maxWidth` px. */
export function truncate(text: string, maxWidth: number, fontSize: number): string {
  if (textWidth(text, fontSize) <= maxWidth) return text;
  const room = maxWidth - textWidth(ELLIPSIS, fontSize);
  if (room <= 0) return '';
  let used = 0;
  let out = '';
  for (const g of graphemes(text)) {
    const w = textWidth(g, fontSize);
    if (used + w > room) break;
    used += w;
    out += g;
  }
  return out.trimEnd() + ELLIPSIS;
}

/**
 * Greedy line wrapping to `maxWidth` px: breaks at spaces where the text has
 * them, and anywhere between graphemes otherwise (Japanese has no spaces; a
 * long URL must not overflow the note). Line breaks in the input are kept.
 */
export function wrap(lines: readonly string[], maxWidth: number, fontSize: number): string[] {
  const out: string[] = [];
  for (const line of lines) {
    if (textWidth(line, fontSize) <= maxWidth) {
      out.push(line);
      continue;
    }
    let current = '';
    let width = 0;
    let lastSpace = -1;
    for (const g of graphemes(line)) {
      const w = textWidth(g, fontSize);
      if (width + w > maxWidth && current !== '') {
        if (g !== ' ' && lastSpace > 0) {
          // Carry the word in progress to the next line.
          out.push(current.slice(0, lastSpace));
          current = current.slice(lastSpace + 1);
        } else {
          out.push(current);
          current = '';
        }
        if (g === ' ') {
          width = textWidth(current, fontSize);
          lastSpace = -1;
          continue;
        }
        width = textWidth(current, fontSize);
        lastSpace = -1;
      }
      if (g === ' ') lastSpace = current.length;
      current += g;
      width += w;
    }
    out.push(current);
  }
  return out;
}
