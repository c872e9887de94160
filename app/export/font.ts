/**
 * The font the exports are drawn with.
 *
 * Kumozu ships one font, a subset of Noto Sans CJK JP Regular
 * (assets/fonts/, built by scripts/gen-font.ts), so that Japanese labels
 * render the same on every machine and in headless rasterising (resvg has no
 * system fonts to fall back on in CI). app/ never reads the file: the SVG
 * names the family first in its font-family list, and
 *
 * - resvg (the CLI's PNG export, the tests) is given the file explicitly
 *   (`fontFiles`), because it ignores CSS @font-face;
 * - a browser opening the SVG uses the family if installed, else the
 *   @font-face that `renderSvg` writes when the caller passes the font's
 *   bytes (`font.dataBase64`), else the CJK fallbacks listed after it.
 *
 * There is deliberately no per-export subsetting here (no wasm in app/): the
 * renderer and the CLI pass the shipped font as is.
 */

/** Family name inside the shipped font file (its name table). */
export const SHIPPED_FONT_FAMILY = 'Noto Sans CJK JP';

/** The shipped font, relative to the repository (and the packaged app's resources) root. */
export const SHIPPED_FONT_FILE = 'assets/fonts/NotoSansCJKjp-Regular.subset.otf';

/** Fonts tried after the chosen one: common Japanese system fonts on Linux, macOS and Windows. */
export const CJK_FALLBACK_FAMILIES: readonly string[] = [
  'Noto Sans CJK JP',
  'Noto Sans JP',
  'Source Han Sans JP',
  'Hiragino Sans',
  'Hiragino Kaku Gothic ProN',
  'Yu Gothic',
  'YuGothic',
  'Meiryo',
];

/**
 * The CSS font-family list for an export: the given family first, then the
 * fallbacks (without repeating it), then the generic `sans-serif`. Names are
 * quoted with single quotes so the list can sit in a double-quoted attribute;
 * quotes and backslashes in a caller's family name are dropped rather than
 * escaped, since CSS escapes are not understood by every SVG renderer.
 */
export function fontFamilyList(primary: string = SHIPPED_FONT_FAMILY): string {
  const clean = (name: string) => name.replace(/['"\\<>&;{}\p{Cc}]/gu, '').trim();
  const names = [clean(primary), ...CJK_FALLBACK_FAMILIES].filter((n, i, all) => n !== '' && all.indexOf(n) === i);
  return [...names.map((n) => `'${n}'`), 'sans-serif'].join(', ');
}
