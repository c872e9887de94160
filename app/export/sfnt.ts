/**
 * A minimal, read-only reader for SFNT fonts (TrueType/OpenType) and font
 * collections (TTC): just enough to pick a face out of a collection, read its
 * names, its character map and its advance widths.
 *
 * Used by scripts/gen-font.ts (to build the shipped subset and the width table
 * of font-metrics.generated.ts) and by the tests (to prove the shipped font
 * covers the app's Japanese texts). Pure: it works on a Uint8Array, so it may
 * live in app/ even though the app itself never reads fonts at run time.
 * Every read is bounds-checked and throws a plain Error on a malformed font;
 * the inputs are fonts we ship or the system's, not user files.
 */

export interface SfntTable {
  readonly tag: string;
  readonly checksum: number;
  /** Offset from the start of the file (collections share one file). */
  readonly offset: number;
  readonly length: number;
}

export interface SfntFace {
  readonly bytes: Uint8Array;
  /** Offset of this face's table directory in `bytes`. */
  readonly offset: number;
  readonly sfntVersion: number;
  readonly tables: ReadonlyMap<string, SfntTable>;
}

class Reader {
  readonly view: DataView;
  constructor(readonly bytes: Uint8Array) {
    this.view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  }
  private check(at: number, size: number): void {
    if (at < 0 || at + size > this.bytes.length) throw new Error(`font data truncated at ${at}`);
  }
  u16(at: number): number {
    this.check(at, 2);
    return this.view.getUint16(at);
  }
  i16(at: number): number {
    this.check(at, 2);
    return this.view.getInt16(at);
  }
  u32(at: number): number {
    this.check(at, 4);
    return this.view.getUint32(at);
  }
  tag(at: number): string {
    this.check(at, 4);
    return String.fromCharCode(...this.bytes.subarray(at, at + 4));
  }
}

/** The table directories of every face: one for a plain font, several for a collection. */
export function readFaces(bytes: Uint8Array): SfntFace[] {
  const r = new Reader(bytes);
  if (r.tag(0) === 'ttcf') {
    const count = r.u32(8);
    if (count > 1000) throw new Error('implausible font collection');
    const faces: SfntFace[] = [];
    for (let i = 0; i < count; i++) faces.push(readFace(r, r.u32(12 + i * 4)));
    return faces;
  }
  return [readFace(r, 0)];
}

function readFace(r: Reader, offset: number): SfntFace {
  const sfntVersion = r.u32(offset);
  const numTables = r.u16(offset + 4);
  const tables = new Map<string, SfntTable>();
  for (let i = 0; i < numTables; i++) {
    const rec = offset + 12 + i * 16;
    const t: SfntTable = { tag: r.tag(rec), checksum: r.u32(rec + 4), offset: r.u32(rec + 8), length: r.u32(rec + 12) };
    if (t.offset + t.length > r.bytes.length) throw new Error(`table ${t.tag} lies outside the file`);
    tables.set(t.tag, t);
  }
  return { bytes: r.bytes, offset, sfntVersion, tables };
}

function table(face: SfntFace, tag: string): SfntTable {
  const t = face.tables.get(tag);
  if (!t) throw new Error(`font has no ${tag} table`);
  return t;
}

/** The face as a standalone font file: its tables copied out of a collection, unchanged. */
export function extractFace(face: SfntFace): Uint8Array {
  const tables = [...face.tables.values()];
  const headerSize = 12 + 16 * tables.length;
  let size = headerSize;
  for (const t of tables) size += (t.length + 3) & ~3;
  const out = new Uint8Array(size);
  const view = new DataView(out.buffer);
  // sfntVersion, numTables, searchRange, entrySelector, rangeShift: the same as in the collection.
  out.set(face.bytes.subarray(face.offset, face.offset + 12), 0);
  let at = headerSize;
  tables.forEach((t, i) => {
    const rec = 12 + i * 16;
    for (let k = 0; k < 4; k++) out[rec + k] = t.tag.charCodeAt(k);
    view.setUint32(rec + 4, t.checksum);
    view.setUint32(rec + 8, at);
    view.setUint32(rec + 12, t.length);
    out.set(face.bytes.subarray(t.offset, t.offset + t.length), at);
    at += (t.length + 3) & ~3;
  });
  return out;
}

/** A name-table string (Windows Unicode BMP, or Macintosh Roman as a fallback), e.g. 1 = family, 0 = copyright. */
export function readName(face: SfntFace, nameId: number): string | undefined {
  const r = new Reader(face.bytes);
  const t = table(face, 'name');
  const count = r.u16(t.offset + 2);
  const strings = t.offset + r.u16(t.offset + 4);
  let mac: string | undefined;
  for (let i = 0; i < count; i++) {
    const rec = t.offset + 6 + i * 12;
    const platform = r.u16(rec);
    const encoding = r.u16(rec + 2);
    const language = r.u16(rec + 4);
    if (r.u16(rec + 6) !== nameId) continue;
    const length = r.u16(rec + 8);
    const start = strings + r.u16(rec + 10);
    if (start + length > face.bytes.length) continue;
    if (platform === 3 && encoding === 1 && language === 0x409) {
      let s = '';
      for (let k = 0; k + 1 < length; k += 2) s += String.fromCharCode(r.u16(start + k));
      return s;
    }
    if (platform === 1 && encoding === 0 && mac === undefined) mac = String.fromCharCode(...face.bytes.subarray(start, start + length));
  }
  return mac;
}

/** Code point → glyph id, from the best Unicode cmap subtable (format 12, else format 4). */
export function readCmap(face: SfntFace): Map<number, number> {
  const r = new Reader(face.bytes);
  const t = table(face, 'cmap');
  const count = r.u16(t.offset + 2);
  let best: { format: number; at: number } | undefined;
  for (let i = 0; i < count; i++) {
    const rec = t.offset + 4 + i * 8;
    const platform = r.u16(rec);
    const encoding = r.u16(rec + 2);
    const at = t.offset + r.u32(rec + 4);
    const format = r.u16(at);
    const unicode = platform === 0 || (platform === 3 && (encoding === 1 || encoding === 10));
    if (!unicode || (format !== 4 && format !== 12)) continue;
    if (!best || (format === 12 && best.format === 4)) best = { format, at };
  }
  if (!best) throw new Error('font has no Unicode cmap');
  const map = new Map<number, number>();
  if (best.format === 12) {
    const groups = r.u32(best.at + 12);
    for (let g = 0; g < groups; g++) {
      const rec = best.at + 16 + g * 12;
      const start = r.u32(rec);
      const end = r.u32(rec + 4);
      const glyph = r.u32(rec + 8);
      if (end - start > 0x110000) throw new Error('implausible cmap group');
      for (let c = start; c <= end; c++) map.set(c, glyph + (c - start));
    }
    return map;
  }
  const segX2 = r.u16(best.at + 6);
  const ends = best.at + 14;
  const starts = ends + segX2 + 2;
  const deltas = starts + segX2;
  const rangeOffsets = deltas + segX2;
  for (let s = 0; s < segX2; s += 2) {
    const end = r.u16(ends + s);
    const start = r.u16(starts + s);
    const delta = r.i16(deltas + s);
    const ro = r.u16(rangeOffsets + s);
    for (let c = start; c <= end && c !== 0xffff; c++) {
      let glyph: number;
      if (ro === 0) glyph = (c + delta) & 0xffff;
      else {
        const g = r.u16(rangeOffsets + s + ro + (c - start) * 2);
        glyph = g === 0 ? 0 : (g + delta) & 0xffff;
      }
      if (glyph !== 0) map.set(c, glyph);
    }
  }
  return map;
}

/** Units per em (head) and the advance width of every glyph (hhea + hmtx). */
export function readAdvances(face: SfntFace): { unitsPerEm: number; advance: (glyph: number) => number } {
  const r = new Reader(face.bytes);
  const unitsPerEm = r.u16(table(face, 'head').offset + 18);
  const numberOfHMetrics = r.u16(table(face, 'hhea').offset + 34);
  const hmtx = table(face, 'hmtx').offset;
  const last = numberOfHMetrics > 0 ? r.u16(hmtx + (numberOfHMetrics - 1) * 4) : 0;
  return {
    unitsPerEm,
    // Glyphs past the last long metric share its advance (OpenType hmtx).
    advance: (glyph) => (glyph < numberOfHMetrics ? r.u16(hmtx + glyph * 4) : last),
  };
}
