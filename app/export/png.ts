import { Unzlib } from 'fflate';

/**
 * PNG chunk reading and writing (PNG spec, "Chunk layout"; iTXt in §11.3.4.5),
 * on plain Uint8Arrays so it runs in the renderer, the CLI and tests alike.
 *
 * Reading takes untrusted files (anything a user drops on the app), so it
 * never throws and its work is bounded: one pass over the bytes, lengths
 * checked against what is left, and decompression stopped at MAX_TEXT_BYTES.
 */

export const PNG_SIGNATURE: readonly number[] = [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a];

/** The diagram's limit (format.md: files up to 20 MB load); a longer text can't be a diagram we could open. */
export const MAX_TEXT_BYTES = 20 * 1024 * 1024;

export interface Chunk {
  readonly type: string;
  /** Offset of the chunk's length field. */
  readonly start: number;
  /** Offset just past its CRC. */
  readonly end: number;
  readonly data: Uint8Array;
  /** The CRC stored in the file; check it with `chunkCrcOk` (only where it matters: IDAT can be megabytes). */
  readonly storedCrc: number;
}

let crcTable: Uint32Array | undefined;

/** Feeds bytes into a running CRC-32 register (start with 0xffffffff, finish with `crcDone`). */
function crcUpdate(register: number, bytes: Uint8Array): number {
  if (!crcTable) {
    crcTable = new Uint32Array(256);
    for (let n = 0; n < 256; n++) {
      let c = n;
      for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
      crcTable[n] = c >>> 0;
    }
  }
  let c = register;
  for (let i = 0; i < bytes.length; i++) c = (crcTable[(c ^ (bytes[i] ?? 0)) & 0xff] ?? 0) ^ (c >>> 8);
  return c >>> 0;
}

function crcDone(register: number): number {
  return (register ^ 0xffffffff) >>> 0;
}

/** CRC-32 (ISO 3309, as PNG uses it) of the bytes. */
export function crc32(bytes: Uint8Array): number {
  return crcDone(crcUpdate(0xffffffff, bytes));
}

/** The CRC a chunk must carry: over its type and data. */
export function chunkCrc(typeBytes: Uint8Array, data: Uint8Array): number {
  return crcDone(crcUpdate(crcUpdate(0xffffffff, typeBytes), data));
}

export function hasPngSignature(bytes: Uint8Array): boolean {
  return bytes.length >= 8 && PNG_SIGNATURE.every((b, i) => bytes[i] === b);
}

function u32(bytes: Uint8Array, at: number): number {
  return (((bytes[at] ?? 0) << 24) | ((bytes[at + 1] ?? 0) << 16) | ((bytes[at + 2] ?? 0) << 8) | (bytes[at + 3] ?? 0)) >>> 0;
}

/**
 * The chunks of a PNG, in order, up to and including IEND. Stops at the first
 * chunk that does not fit in the bytes (a truncated file yields the chunks
 * before it). Returns null without a PNG signature.
 */
export function readChunks(bytes: Uint8Array): Chunk[] | null {
  if (!hasPngSignature(bytes)) return null;
  const chunks: Chunk[] = [];
  let at = 8;
  while (at + 12 <= bytes.length) {
    const length = u32(bytes, at);
    if (length > bytes.length - at - 12) break;
    const typeBytes = bytes.subarray(at + 4, at + 8);
    const type = String.fromCharCode(...typeBytes);
    const data = bytes.subarray(at + 8, at + 8 + length);
    const stored = u32(bytes, at + 8 + length);
    chunks.push({ type, start: at, end: at + 12 + length, data, storedCrc: stored });
    at += 12 + length;
    if (type === 'IEND') break;
  }
  return chunks;
}

export function chunkCrcOk(chunk: Chunk): boolean {
  return chunk.storedCrc === chunkCrc(latin1(chunk.type), chunk.data);
}

/** A chunk's bytes: length, type, data and CRC. */
export function encodeChunk(type: string, data: Uint8Array): Uint8Array {
  const out = new Uint8Array(12 + data.length);
  const view = new DataView(out.buffer);
  view.setUint32(0, data.length);
  for (let i = 0; i < 4; i++) out[4 + i] = type.charCodeAt(i);
  out.set(data, 8);
  view.setUint32(8 + data.length, crc32(out.subarray(4, 8 + data.length)));
  return out;
}

const utf8 = new TextEncoder();

/** An uncompressed iTXt chunk's data: keyword, NUL, flag 0, method 0, empty language and translated keyword, text. */
export function itxtData(keyword: string, text: string): Uint8Array {
  const key = latin1(keyword);
  const body = utf8.encode(text);
  const out = new Uint8Array(key.length + 5 + body.length);
  out.set(key, 0);
  // key NUL, compression flag 0, compression method 0, language "" NUL, translated keyword "" NUL.
  out.set([0, 0, 0, 0, 0], key.length);
  out.set(body, key.length + 5);
  return out;
}

function latin1(s: string): Uint8Array {
  return Uint8Array.from(s, (c) => c.charCodeAt(0) & 0xff);
}

export interface ITxt {
  readonly keyword: string;
  readonly compressed: boolean;
  /** The text bytes as stored (still compressed when `compressed`). */
  readonly body: Uint8Array;
}

/** Splits an iTXt chunk's data; null when it is malformed. */
export function parseITxt(data: Uint8Array): ITxt | null {
  const keyEnd = data.indexOf(0);
  // Keywords are 1–79 Latin-1 bytes.
  if (keyEnd < 1 || keyEnd > 79 || keyEnd + 2 >= data.length) return null;
  const keyword = String.fromCharCode(...data.subarray(0, keyEnd));
  const flag = data[keyEnd + 1];
  const method = data[keyEnd + 2];
  if ((flag !== 0 && flag !== 1) || method !== 0) return null;
  const langEnd = data.indexOf(0, keyEnd + 3);
  if (langEnd < 0) return null;
  const translatedEnd = data.indexOf(0, langEnd + 1);
  if (translatedEnd < 0) return null;
  return { keyword, compressed: flag === 1, body: data.subarray(translatedEnd + 1) };
}

/**
 * zlib inflate with an output limit: a few kilobytes of hostile input can
 * claim gigabytes, so input is fed in small slices (each can expand at most
 * ~1000×) and decoding stops as soon as the output passes `limit`. Returns
 * null on corrupt data, a missing end, or too much output.
 */
export function inflateBounded(input: Uint8Array, limit = MAX_TEXT_BYTES): Uint8Array | null {
  const parts: Uint8Array[] = [];
  let total = 0;
  let over = false;
  let done = false;
  try {
    const inflater = new Unzlib((chunk, final) => {
      total += chunk.length;
      if (total > limit) over = true;
      else parts.push(chunk);
      if (final) done = true;
    });
    const SLICE = 1024;
    for (let at = 0; at < input.length && !over; at += SLICE) {
      const end = Math.min(at + SLICE, input.length);
      inflater.push(input.subarray(at, end), end === input.length);
    }
  } catch {
    return null;
  }
  if (over || !done) return null;
  const out = new Uint8Array(total);
  let at = 0;
  for (const p of parts) {
    out.set(p, at);
    at += p.length;
  }
  return out;
}
