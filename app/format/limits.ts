/**
 * Size limits of format.md ("Reading untrusted files"): larger inputs are
 * refused with `tooLarge` instead of freezing the window.
 */

/** Largest file that loads, in UTF-8 bytes. */
export const MAX_BYTES = 20 * 1024 * 1024;

/** Most nodes a file may hold. */
export const MAX_NODES = 20000;

/**
 * Deepest nesting allowed inside a free JSON value (a prop value or an unknown
 * field). Real props nest two or three levels; the bound keeps the reader and
 * the writer safe from stack exhaustion on hostile input and from cyclic
 * objects handed to `parseDiagramValue`.
 */
export const MAX_VALUE_DEPTH = 200;

const CHUNK = 1 << 16;
let encoder: TextEncoder | undefined;
let scratch: Uint8Array | undefined;

/**
 * UTF-8 length of `text`, as `TextEncoder` would write it (lone surrogates
 * become U+FFFD, 3 bytes). Encodes chunk by chunk into one small scratch
 * buffer: native speed without a copy of the whole file.
 */
export function utf8ByteLength(text: string): number {
  encoder ??= new TextEncoder();
  // Each UTF-16 code unit becomes at most 3 bytes; a chunk may grow by one unit.
  scratch ??= new Uint8Array(CHUNK * 3 + 8);
  let bytes = 0;
  for (let i = 0; i < text.length; ) {
    let end = Math.min(i + CHUNK, text.length);
    const last = text.charCodeAt(end - 1);
    // Never split a surrogate pair across chunks: it would count as two U+FFFD.
    if (end < text.length && last >= 0xd800 && last <= 0xdbff) end++;
    bytes += encoder.encodeInto(text.slice(i, end), scratch).written;
    i = end;
  }
  return bytes;
}

/**
 * The UTF-8 size of `text` when it is over `MAX_BYTES`, else `undefined`.
 * Most files are decided from the UTF-16 length alone (one code unit is 1 to
 * 3 UTF-8 bytes); only the band in between is counted.
 */
export function bytesOverLimit(text: string): number | undefined {
  if (text.length * 3 <= MAX_BYTES) return undefined;
  const bytes = utf8ByteLength(text);
  return bytes > MAX_BYTES ? bytes : undefined;
}
