/**
 * XML writing helpers for the SVG export: text cleaning, escaping, CDATA and
 * number formatting. Everything a user typed goes through `escapeText` or
 * `escapeAttr`; nothing else ever reaches the output unescaped.
 */

/**
 * Characters that may not appear in an XML 1.0 document at all (C0 controls
 * other than tab/LF/CR, lone surrogates, U+FFFE/U+FFFF) or that would change
 * how neighbouring text is displayed (bidirectional embeddings, overrides and
 * isolates: a label with U+202E must not reverse what is drawn after it).
 * Removed from labels; the document itself keeps them, in the metadata JSON.
 */
// eslint-disable-next-line no-control-regex -- matching control characters is the point
const UNSAFE = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F-\u009F\u202A-\u202E\u2066-\u2069\uFFFE\uFFFF]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g;

/**
 * A label as one line of display text: unsafe characters removed, any run of
 * whitespace (newlines, tabs) shown as one space, ends trimmed.
 */
export function displayText(s: string): string {
  return s.replace(UNSAFE, '').replace(/\s+/g, ' ').trim();
}

/** Like displayText, but keeping line breaks (sticky notes are multi-line). */
export function displayLines(s: string): string[] {
  return s
    .replace(UNSAFE, '')
    .replace(/\r\n?/g, '\n')
    .split('\n')
    .map((line) => line.replace(/[^\S\n]+/g, ' ').trimEnd());
}

/** Escapes character data. `>` is escaped too, so `]]>` can never appear in text. */
export function escapeText(s: string): string {
  return s.replace(/[&<>]/g, (c) => (c === '&' ? '&amp;' : c === '<' ? '&lt;' : '&gt;'));
}

/** Escapes an attribute value for a double-quoted attribute (whitespace kept as written, not normalised). */
export function escapeAttr(s: string): string {
  return s.replace(/[&<>"\t\n\r]/g, (c) => ATTR_ESCAPES[c] ?? c);
}

const ATTR_ESCAPES: Readonly<Record<string, string>> = {
  '&': '&amp;',
  '<': '&lt;',
  '>': '&gt;',
  '"': '&quot;',
  '\t': '&#9;',
  '\n': '&#10;',
  '\r': '&#13;',
};

/**
 * Text as one or more CDATA sections. A CDATA section ends at the first `]]>`,
 * so each occurrence is split between two sections (`]]` ends one, `>` starts
 * the next); concatenating the sections' contents gives back the input.
 * The caller guarantees the text holds only XML characters (see `xmlSafeJson`).
 */
export function cdata(s: string): string {
  return `<![CDATA[${s.split(']]>').join(']]]]><![CDATA[>')}]]>`;
}

/**
 * JSON text made safe to carry as XML character data without changing the
 * value it parses to: the characters XML forbids can only occur inside JSON
 * strings (the structure is ASCII), where a `\uXXXX` escape means the same.
 * JSON.stringify already escapes controls and lone surrogates; this covers
 * U+FFFE/U+FFFF and any raw control character a hand-written text may hold.
 */
export function xmlSafeJson(json: string): string {
  // eslint-disable-next-line no-control-regex -- see above
  return json.replace(/[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g, (c) =>
    `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`,
  );
}

/**
 * A coordinate as fixed text: at most two decimals, no trailing zeros, no
 * `-0`, no exponent, so the same diagram always gives the same bytes.
 * Non-finite values (impossible after parsing, but cheap to guard) become 0.
 */
export function num(n: number): string {
  if (!Number.isFinite(n)) return '0';
  const r = Math.round(n * 100) / 100;
  if (r === 0) return '0';
  // toFixed switches to exponent form from 1e21 on; String() gives a valid SVG number there too.
  if (Math.abs(r) >= 1e21) return String(r);
  const s = r.toFixed(2);
  return s.replace(/\.?0+$/, '');
}

/** FNV-1a over UTF-16 code units, as 8 hex digits: a short, stable fingerprint for id prefixes. */
export function fingerprint(s: string): string {
  let h = 0x811c9dc5;
  for (let i = 0; i < s.length; i++) {
    h ^= s.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return (h >>> 0).toString(16).padStart(8, '0');
}
