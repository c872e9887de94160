import { chunkCrcOk, encodeChunk, hasPngSignature, inflateBounded, itxtData, MAX_TEXT_BYTES, parseITxt, PNG_SIGNATURE, readChunks } from './png';
import { cdata, xmlSafeJson } from './xml';

/**
 * The diagram carried inside exported images (format.md, "Carried inside
 * images"), and getting it back out, so that opening an exported PNG or SVG
 * in the app or passing it to the CLI opens the diagram.
 *
 * - SVG: `<metadata><kumozu:diagram xmlns:kumozu="https://kumozu.dev/ns/1">
 *   <![CDATA[…]]></kumozu:diagram></metadata>`.
 * - PNG: an iTXt chunk with keyword `kumozu.diagram`, UTF-8, written
 *   uncompressed (read compressed or not).
 *
 * Extraction takes untrusted bytes: it never throws and does bounded work.
 */

export const DIAGRAM_NAMESPACE = 'https://kumozu.dev/ns/1';
export const PNG_KEYWORD = 'kumozu.diagram';

// ---------------------------------------------------------------------------
// SVG

/**
 * The metadata element for a serialized document. A label holding `]]>` is
 * split across two CDATA sections rather than escaped, so the JSON inside
 * stays the file's bytes, readable by eye.
 */
export function svgMetadata(json: string): string {
  return `<kumozu:diagram xmlns:kumozu="${DIAGRAM_NAMESPACE}">${cdata(xmlSafeJson(json))}</kumozu:diagram>`;
}

const START_TAG = /<(?:([A-Za-z_][\w.-]*):)?diagram\b([^>]*)>/g;
const DECLARATION = /\bxmlns(?::([A-Za-z_][\w.-]*))?\s*=\s*(["'])https:\/\/kumozu\.dev\/ns\/1\2/g;
/** Candidate elements looked at before giving up: bounds the work on a hostile file full of look-alikes. */
const MAX_CANDIDATES = 16;

/**
 * The JSON text embedded in an SVG export, or null. Tolerates what editors
 * do to a file they re-save: another namespace prefix, the namespace declared
 * on the root, CDATA rewritten as escaped text, comments.
 */
export function extractFromSvg(svg: string): string | null {
  try {
    // Prefixes bound to our namespace anywhere in the file ('' = the default namespace).
    const prefixes = new Set<string>();
    for (const d of svg.matchAll(DECLARATION)) prefixes.add(d[1] ?? '');
    if (prefixes.size === 0) return null;
    let candidates = 0;
    for (const m of svg.matchAll(START_TAG)) {
      if (!prefixes.has(m[1] ?? '') || (m[2] ?? '').endsWith('/')) continue;
      if (++candidates > MAX_CANDIDATES) break;
      const content = elementText(svg, m.index + m[0].length);
      if (content !== null && content.trim() !== '') return content;
    }
    return null;
  } catch {
    return null;
  }
}

/**
 * The character data of an element from `at` (just after its start tag) to its
 * end tag: CDATA sections taken verbatim, text with entities decoded,
 * comments skipped. Null if a child element or the end of input comes first.
 * Reading section by section matters: a label may contain `</kumozu:diagram>`
 * inside the CDATA.
 */
function elementText(s: string, at: number): string | null {
  const out: string[] = [];
  let i = at;
  while (i < s.length) {
    if (s.startsWith('<![CDATA[', i)) {
      const end = s.indexOf(']]>', i + 9);
      if (end < 0) return null;
      out.push(s.slice(i + 9, end));
      i = end + 3;
    } else if (s.startsWith('<!--', i)) {
      const end = s.indexOf('-->', i + 4);
      if (end < 0) return null;
      i = end + 3;
    } else if (s.startsWith('</', i)) {
      return out.join('');
    } else if (s[i] === '<') {
      return null;
    } else {
      const next = s.indexOf('<', i);
      const end = next < 0 ? s.length : next;
      out.push(decodeEntities(s.slice(i, end)));
      i = end;
    }
  }
  return null;
}

const NAMED: Readonly<Record<string, string>> = { lt: '<', gt: '>', amp: '&', quot: '"', apos: "'" };

function decodeEntities(s: string): string {
  return s.replace(/&(#x[0-9A-Fa-f]+|#[0-9]+|[A-Za-z]+);/g, (whole, ref: string) => {
    if (ref.startsWith('#')) {
      const cp = ref[1] === 'x' ? parseInt(ref.slice(2), 16) : parseInt(ref.slice(1), 10);
      return Number.isInteger(cp) && cp >= 0 && cp <= 0x10ffff ? String.fromCodePoint(cp) : whole;
    }
    return NAMED[ref] ?? whole;
  });
}

// ---------------------------------------------------------------------------
// PNG

const utf8 = new TextEncoder();

/**
 * The PNG with the document JSON in an uncompressed iTXt chunk just before
 * IEND, replacing any earlier diagram chunk (re-exporting never stacks them).
 * The input comes from our own rasteriser, so a malformed one is a programming
 * error: throws when there is no PNG signature or no IEND chunk.
 */
export function embedInPng(png: Uint8Array, json: string): Uint8Array {
  const chunks = readChunks(png);
  if (chunks === null) throw new Error('embedInPng: not a PNG (no signature)');
  const iend = chunks.find((c) => c.type === 'IEND');
  if (!iend) throw new Error('embedInPng: the PNG has no IEND chunk');
  const kept = chunks.filter((c) => c.type !== 'IEND' && !(c.type === 'iTXt' && parseITxt(c.data)?.keyword === PNG_KEYWORD));
  const diagram = encodeChunk('iTXt', itxtData(PNG_KEYWORD, json));
  const size = 8 + kept.reduce((n, c) => n + (c.end - c.start), 0) + diagram.length + (iend.end - iend.start);
  const out = new Uint8Array(size);
  out.set(PNG_SIGNATURE, 0);
  let at = 8;
  for (const c of [...kept.map((k) => png.subarray(k.start, k.end)), diagram, png.subarray(iend.start, iend.end)]) {
    out.set(c, at);
    at += c.length;
  }
  return out;
}

/**
 * The document JSON from a PNG's `kumozu.diagram` iTXt chunk (uncompressed or
 * zlib), or null: no such chunk, a corrupt one (bad CRC, bad zlib, not UTF-8),
 * a truncated file, or not a PNG at all. The first intact chunk wins.
 */
export function extractFromPng(png: Uint8Array): string | null {
  try {
    const chunks = readChunks(png);
    if (chunks === null) return null;
    for (const c of chunks) {
      if (c.type !== 'iTXt') continue;
      const itxt = parseITxt(c.data);
      if (!itxt || itxt.keyword !== PNG_KEYWORD || !chunkCrcOk(c)) continue;
      const body = itxt.compressed ? inflateBounded(itxt.body) : itxt.body;
      if (body === null || body.length > MAX_TEXT_BYTES) continue;
      const text = decodeUtf8(body);
      if (text !== null) return text;
    }
    return null;
  } catch {
    return null;
  }
}

function decodeUtf8(bytes: Uint8Array): string | null {
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    return null;
  }
}

// ---------------------------------------------------------------------------
// Any of the three

export type ExtractedDiagram =
  | { readonly kind: 'json' | 'png' | 'svg'; readonly text: string }
  | { readonly error: 'noEmbeddedDiagram' | 'notAnImage' };

/**
 * The diagram text in whatever the user opened: a .kumozu.json file, or a PNG
 * or SVG export. Sniffed from the content (a PNG by its signature, SVG by an
 * `<svg` element, JSON by its first character); `nameHint` (a file name) only
 * breaks ties. The text still has to go through parseDiagram.
 *
 * - `noEmbeddedDiagram`: a PNG or SVG without (an intact) diagram in it;
 * - `notAnImage`: neither an image nor JSON text.
 */
export function extractDiagram(bytes: Uint8Array, nameHint?: string): ExtractedDiagram {
  if (hasPngSignature(bytes)) {
    const text = extractFromPng(bytes);
    return text === null ? { error: 'noEmbeddedDiagram' } : { kind: 'png', text };
  }
  const decoded = decodeUtf8(bytes);
  if (decoded === null) return { error: 'notAnImage' };
  const text = decoded.charCodeAt(0) === 0xfeff ? decoded.slice(1) : decoded;
  const start = text.trimStart();
  const ext = /\.([A-Za-z0-9]+)$/.exec(nameHint ?? '')?.[1]?.toLowerCase();
  if (start.startsWith('{') || (ext === 'json' && !start.startsWith('<'))) return { kind: 'json', text };
  if (start.startsWith('<') && (/<svg[\s>/]/.test(text) || ext === 'svg')) {
    const json = extractFromSvg(text);
    return json === null ? { error: 'noEmbeddedDiagram' } : { kind: 'svg', text: json };
  }
  return { error: 'notAnImage' };
}

/** UTF-8 bytes of a text (for callers writing an SVG string to disk or a Blob). */
export function encodeUtf8(text: string): Uint8Array {
  return utf8.encode(text);
}
