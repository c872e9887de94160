import { unzlibSync } from 'fflate';
import { chunkCrcOk, readChunks } from '../png';

/**
 * A small PNG decoder for the tests (8-bit RGB or RGBA, non-interlaced: what
 * resvg writes): proves an image is still a valid PNG after a chunk was
 * inserted, and gives its pixels. Throws on anything it cannot decode,
 * naming the problem, including any chunk whose CRC is wrong.
 */
export interface DecodedPng {
  readonly width: number;
  readonly height: number;
  /** RGBA, row by row. */
  readonly rgba: Uint8Array;
  readonly chunkTypes: readonly string[];
}

export function decodePng(bytes: Uint8Array): DecodedPng {
  const chunks = readChunks(bytes);
  if (!chunks) throw new Error('no PNG signature');
  const last = chunks[chunks.length - 1];
  if (!last || last.type !== 'IEND') throw new Error('no IEND chunk');
  if (last.end !== bytes.length) throw new Error('bytes after IEND');
  for (const c of chunks) if (!chunkCrcOk(c)) throw new Error(`bad CRC in ${c.type} chunk at ${c.start}`);
  const ihdr = chunks[0];
  if (!ihdr || ihdr.type !== 'IHDR' || ihdr.data.length !== 13) throw new Error('IHDR must come first');
  const view = new DataView(ihdr.data.buffer, ihdr.data.byteOffset, 13);
  const width = view.getUint32(0);
  const height = view.getUint32(4);
  const [depth, colour, , , interlace] = [ihdr.data[8], ihdr.data[9], ihdr.data[10], ihdr.data[11], ihdr.data[12]];
  if (depth !== 8 || (colour !== 6 && colour !== 2) || interlace !== 0) throw new Error(`unsupported PNG: depth ${depth}, colour ${colour}, interlace ${interlace}`);
  const channels = colour === 6 ? 4 : 3;
  const idat = chunks.filter((c) => c.type === 'IDAT');
  const total = idat.reduce((n, c) => n + c.data.length, 0);
  const joined = new Uint8Array(total);
  let at = 0;
  for (const c of idat) {
    joined.set(c.data, at);
    at += c.data.length;
  }
  const raw = unzlibSync(joined);
  const stride = width * channels;
  if (raw.length !== height * (stride + 1)) throw new Error(`image data has ${raw.length} bytes, expected ${height * (stride + 1)}`);
  const rgba = new Uint8Array(width * height * 4);
  let prev = new Uint8Array(stride);
  for (let y = 0; y < height; y++) {
    const filter = raw[y * (stride + 1)];
    const line = raw.slice(y * (stride + 1) + 1, (y + 1) * (stride + 1));
    for (let x = 0; x < stride; x++) {
      const a = x >= channels ? (line[x - channels] ?? 0) : 0;
      const b = prev[x] ?? 0;
      const c = x >= channels ? (prev[x - channels] ?? 0) : 0;
      let add = 0;
      if (filter === 1) add = a;
      else if (filter === 2) add = b;
      else if (filter === 3) add = (a + b) >> 1;
      else if (filter === 4) {
        const p = a + b - c;
        const pa = Math.abs(p - a);
        const pb = Math.abs(p - b);
        const pc = Math.abs(p - c);
        add = pa <= pb && pa <= pc ? a : pb <= pc ? b : c;
      } else if (filter !== 0) throw new Error(`unknown filter ${filter} on row ${y}`);
      line[x] = ((line[x] ?? 0) + add) & 0xff;
    }
    for (let x = 0; x < width; x++) {
      for (let k = 0; k < channels; k++) rgba[(y * width + x) * 4 + k] = line[x * channels + k] ?? 0;
      if (channels === 3) rgba[(y * width + x) * 4 + 3] = 255;
    }
    prev = line;
  }
  return { width, height, rgba, chunkTypes: chunks.map((c) => c.type) };
}
