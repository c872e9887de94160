import { displayLines, displayText } from './xml';

/**
 * Markdown writing helpers. Every user-written string (labels, titles, the
 * description, notes, prop values, finding messages) goes through `mdText`
 * (inline) or `mdBlockLine` (a line of its own); the output must render as
 * the literal text on GitHub and pass markdownlint, whatever the label says.
 */

/**
 * Inline text, escaped so nothing in it is Markdown or HTML:
 * - `&`, `<`, `>` become entities (no HTML tags, comments or autolinks);
 * - emphasis, code, link, table, heading, math, strike-through and mention
 *   characters are backslash-escaped (any ASCII punctuation may be, in
 *   CommonMark), except `_` inside a word, which is inert;
 * - `://`, `www.` and `@` are broken up so GFM does not turn a URL or an
 *   e-mail address into a link (markdownlint MD034 would also flag it);
 * - control and bidirectional-override characters are dropped and any run of
 *   whitespace, newlines included, becomes one space.
 */
export function mdText(s: string): string {
  return displayText(s)
    .replace(/[\\`*[\]#|~$@&<>]/g, (c) => (c === '&' ? '&amp;' : c === '<' ? '&lt;' : c === '>' ? '&gt;' : `\\${c}`))
    // `_` between two letters or digits can neither open nor close emphasis (CommonMark 6.2): API_AND_CONFIG_MAP stays readable.
    .replace(/(?<![\p{L}\p{N}])_|_(?![\p{L}\p{N}])/gu, '\\_')
    .replace(/:\/\//g, '\\://')
    .replace(/\b(www)\./gi, '$1\\.');
}

/**
 * A line that starts a block (a paragraph line, a list item's continuation):
 * inline escaping plus the characters that mean something only at the start
 * of a line: `-`, `+`, `=` (list items, setext underlines, thematic breaks),
 * `1.` / `1)` (ordered lists). `#`, `>`, `*` and backticks are already escaped.
 */
export function mdBlockLine(s: string): string {
  return mdText(s)
    .replace(/^([-+=])/, '\\$1')
    .replace(/^(\d+)([.)])/, '$1\\$2');
}

/** Multi-line free text (the description, a note) as lines, each safe at the start of a line; blank lines kept as paragraph breaks. */
export function mdParagraphs(s: string): string[] {
  const out: string[] = [];
  let blank = true;
  for (const raw of displayLines(s)) {
    const line = mdBlockLine(raw);
    if (line === '') {
      if (!blank) out.push('');
      blank = true;
    } else {
      out.push(line);
      blank = false;
    }
  }
  while (out.length > 0 && out[out.length - 1] === '') out.pop();
  return out;
}

/** A GFM table (compact style, MD060); cells are written as given, so escape them first. Empty cells get a dash. */
export function mdTable(header: readonly string[], rows: readonly (readonly string[])[]): string[] {
  const line = (cells: readonly string[]) => `| ${header.map((_, i) => (cells[i] ?? '') || '—').join(' | ')} |`;
  return [line(header), `| ${header.map(() => '---').join(' | ')} |`, ...rows.map(line)];
}

/**
 * A relative link destination: Windows separators turned into `/`, and
 * anything that could end or break the destination (spaces, parentheses,
 * angle brackets, quotes, controls) percent-encoded.
 */
export function mdLinkDestination(path: string): string {
  let out = '';
  for (const ch of path.replace(/\\/g, '/')) {
    const cp = ch.codePointAt(0) ?? 0;
    if (/^[A-Za-z0-9\-._~/!$&'*+,;=:@]$/.test(ch)) out += ch;
    else if (cp >= 0xd800 && cp <= 0xdfff) continue; // a lone surrogate can't be encoded
    else out += Array.from(new TextEncoder().encode(ch), (b) => `%${b.toString(16).toUpperCase().padStart(2, '0')}`).join('');
  }
  return out;
}

/** Heading text: escaped, without the trailing punctuation markdownlint MD026 rejects. */
export function mdHeading(s: string): string {
  return mdText(displayText(s).replace(/[.,;:!。，；：！]+$/u, ''));
}
