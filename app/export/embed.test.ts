import { readFile } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import { zlibSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import { parseDiagram } from '../format/parse';
import { serializeDiagram } from '../format/serialize';
import type { DiagramDocument } from '../model/types';
import { embedInPng, extractDiagram, extractFromPng, extractFromSvg, PNG_KEYWORD, svgMetadata } from './embed';
import { chunkCrcOk, crc32, encodeChunk, inflateBounded, readChunks } from './png';
import { renderSvg } from './svg';
import { decodePng } from './testing/png-decode';

const fixture = (name: string) => fileURLToPath(new URL(`./fixtures/${name}`, import.meta.url));

async function load(path: string): Promise<DiagramDocument> {
  const r = parseDiagram(await readFile(path, 'utf8'));
  if (!r.ok) throw new Error(`${path}: ${r.error.reason}`);
  return r.document;
}

/** A valid 2×1 RGBA PNG built by hand (signature, IHDR, IDAT, IEND). */
function tinyPng(extra: Uint8Array[] = []): Uint8Array {
  const ihdr = new Uint8Array(13);
  const v = new DataView(ihdr.buffer);
  v.setUint32(0, 2);
  v.setUint32(4, 1);
  ihdr.set([8, 6, 0, 0, 0], 8);
  const raw = new Uint8Array([0, 255, 0, 0, 255, 0, 0, 255, 255]);
  const parts = [new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]), encodeChunk('IHDR', ihdr), ...extra, encodeChunk('IDAT', zlibSync(raw)), encodeChunk('IEND', new Uint8Array())];
  const out = new Uint8Array(parts.reduce((n, p) => n + p.length, 0));
  let at = 0;
  for (const p of parts) {
    out.set(p, at);
    at += p.length;
  }
  return out;
}

const utf8 = (s: string) => new TextEncoder().encode(s);
const latin1 = (s: string) => Uint8Array.from(s, (c) => c.charCodeAt(0));

function itxt(keyword: string, body: Uint8Array, compressed: boolean): Uint8Array {
  const head = latin1(keyword);
  const data = new Uint8Array(head.length + 5 + body.length);
  data.set(head, 0);
  data.set([0, compressed ? 1 : 0, 0, 0, 0], head.length);
  data.set(body, head.length + 5);
  return encodeChunk('iTXt', data);
}

describe('CRC-32', () => {
  it('matches the standard check value', () => {
    expect(crc32(latin1('123456789'))).toBe(0xcbf43926);
    expect(crc32(new Uint8Array())).toBe(0);
  });
});

describe('PNG embedding', () => {
  const json = '{"format":"kumozu.diagram","label":"日本語 ]]> <x> 👩‍💻"}';

  it('inserts one uncompressed iTXt chunk before IEND with a correct CRC, and reads it back', () => {
    const png = embedInPng(tinyPng(), json);
    const decoded = decodePng(png);
    expect(decoded.chunkTypes).toEqual(['IHDR', 'IDAT', 'iTXt', 'IEND']);
    expect(decoded.width).toBe(2);
    const chunk = readChunks(png)?.find((c) => c.type === 'iTXt');
    expect(chunk && chunkCrcOk(chunk)).toBe(true);
    // keyword, NUL, compression flag 0, method 0, empty language and translated keyword.
    expect(Array.from(chunk?.data.subarray(0, PNG_KEYWORD.length + 5) ?? [])).toEqual([...latin1(PNG_KEYWORD), 0, 0, 0, 0, 0]);
    expect(extractFromPng(png)).toBe(json);
  });

  it('replaces an earlier diagram chunk instead of stacking a second one, and keeps other text chunks', () => {
    const other = itxt('Comment', utf8('made by hand'), false);
    const once = embedInPng(tinyPng([other]), '{"v":1}');
    const twice = embedInPng(once, '{"v":2}');
    expect(decodePng(twice).chunkTypes).toEqual(['IHDR', 'iTXt', 'IDAT', 'iTXt', 'IEND']);
    expect(extractFromPng(twice)).toBe('{"v":2}');
  });

  it('reads a zlib-compressed iTXt chunk', () => {
    const png = tinyPng([itxt(PNG_KEYWORD, zlibSync(utf8(json)), true)]);
    expect(extractFromPng(png)).toBe(json);
  });

  it('ignores chunks with another keyword, a bad CRC, broken zlib or invalid UTF-8', () => {
    expect(extractFromPng(tinyPng([itxt('kumozu.other', utf8(json), false)]))).toBeNull();
    const good = itxt(PNG_KEYWORD, utf8(json), false);
    const corrupt = good.slice();
    corrupt[corrupt.length - 1] = (corrupt[corrupt.length - 1] ?? 0) ^ 0xff;
    expect(extractFromPng(tinyPng([corrupt]))).toBeNull();
    expect(extractFromPng(tinyPng([itxt(PNG_KEYWORD, new Uint8Array([1, 2, 3, 4]), true)]))).toBeNull();
    expect(extractFromPng(tinyPng([itxt(PNG_KEYWORD, new Uint8Array([0xff, 0xfe, 0x80]), false)]))).toBeNull();
    // A corrupt first chunk does not hide an intact later one.
    expect(extractFromPng(tinyPng([corrupt, good]))).toBe(json);
  });

  it('refuses to embed into something that is not a PNG', () => {
    expect(() => embedInPng(utf8('not a png'), json)).toThrow(/not a PNG/);
    expect(() => embedInPng(tinyPng().subarray(0, 40), json)).toThrow(/IEND/);
  });

  it('never throws on truncated or random bytes, and stays fast', () => {
    const png = embedInPng(tinyPng(), json);
    const started = Date.now();
    for (let n = 0; n <= png.length; n++) {
      const cut = png.subarray(0, n);
      const r = extractFromPng(cut);
      // Cut anywhere before the chunk is complete, nothing comes out; after it, the whole text does.
      expect(r === null || r === json).toBe(true);
      expect(() => extractDiagram(cut, 'x.png')).not.toThrow();
    }
    let seed = 7;
    const rand = () => (seed = (Math.imul(seed, 1103515245) + 12345) >>> 0) & 0xff;
    for (let k = 0; k < 300; k++) {
      const noise = png.slice();
      for (let j = 0; j < 6; j++) noise[8 + (rand() % (noise.length - 8))] = rand();
      expect(() => extractFromPng(noise)).not.toThrow();
      const junk = Uint8Array.from({ length: 64 + (rand() % 200) }, rand);
      junk.set([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
      expect(extractFromPng(junk)).toBeNull();
    }
    // A chunk claiming 4 GB is not believed.
    const liar = tinyPng().slice();
    new DataView(liar.buffer).setUint32(8, 0xffffffff);
    expect(extractFromPng(liar)).toBeNull();
    expect(Date.now() - started).toBeLessThan(5000);
  });

  it('stops inflating a zip bomb at the size limit', () => {
    const bomb = zlibSync(new Uint8Array(8 * 1024 * 1024), { level: 9 });
    expect(bomb.length).toBeLessThan(64 * 1024);
    expect(inflateBounded(bomb, 1024 * 1024)).toBeNull();
    expect(inflateBounded(bomb, 16 * 1024 * 1024)?.length).toBe(8 * 1024 * 1024);
    expect(inflateBounded(bomb.subarray(0, bomb.length - 10), 16 * 1024 * 1024)).toBeNull();
  });
});

describe('SVG embedding', () => {
  it('writes the metadata element of format.md, splitting CDATA around "]]>"', () => {
    expect(svgMetadata('{"a":"x]]>y"}')).toBe(
      '<kumozu:diagram xmlns:kumozu="https://kumozu.dev/ns/1"><![CDATA[{"a":"x]]]]><![CDATA[>y"}]]></kumozu:diagram>',
    );
    expect(extractFromSvg(`<svg><metadata>${svgMetadata('{"a":"x]]>y ]]> </kumozu:diagram>"}')}</metadata></svg>`)).toBe(
      '{"a":"x]]>y ]]> </kumozu:diagram>"}',
    );
  });

  it('round-trips every fixture through an exported SVG', async () => {
    const files = ['platform.kumozu.json', 'japanese.kumozu.json', 'hostile.kumozu.json', 'web-app.kumozu.json'].map(fixture);
    for (const name of [...files, fileURLToPath(new URL('../../assets/examples/web-app.kumozu.json', import.meta.url))]) {
      const doc = await load(name);
      const svg = renderSvg(doc, { lang: 'en', theme: 'light' });
      const text = extractFromSvg(svg);
      expect(text).not.toBeNull();
      const back = parseDiagram(text ?? '');
      expect(back.ok && back.repairs.length === 0, name).toBe(true);
      if (back.ok) expect(serializeDiagram(back.document)).toBe(serializeDiagram(doc));
    }
  });

  it('still finds the diagram after an editor re-saves the file', () => {
    const json = '{"format":"kumozu.diagram","t":"a<b & c"}';
    // Another prefix, declared on the root; CDATA rewritten as escaped text; a comment inside.
    const resaved = `<?xml version="1.0"?><svg xmlns="http://www.w3.org/2000/svg" xmlns:k="https://kumozu.dev/ns/1"><metadata><k:diagram><!-- kept -->{"format":"kumozu.diagram","t":"a&lt;b &amp; c"}</k:diagram></metadata></svg>`;
    expect(extractFromSvg(resaved)).toBe(json);
    expect(extractFromSvg(`<svg><metadata><diagram xmlns='https://kumozu.dev/ns/1'><![CDATA[${json}]]></diagram></metadata></svg>`)).toBe(json);
  });

  it('ignores look-alikes: another namespace, an empty element, an unterminated section', () => {
    expect(extractFromSvg('<svg><kumozu:diagram xmlns:kumozu="https://example.com/other"><![CDATA[{}]]></kumozu:diagram></svg>')).toBeNull();
    expect(extractFromSvg('<svg><kumozu:diagram xmlns:kumozu="https://kumozu.dev/ns/1"/></svg>')).toBeNull();
    expect(extractFromSvg('<svg><kumozu:diagram xmlns:kumozu="https://kumozu.dev/ns/1"><![CDATA[{"a":1}')).toBeNull();
    expect(extractFromSvg('<svg>no metadata</svg>')).toBeNull();
    expect(extractFromSvg('')).toBeNull();
  });

  it('does bounded work on a file full of look-alikes', () => {
    const decl = 'xmlns:kumozu="https://kumozu.dev/ns/1"';
    const hostile = `<svg ${decl}>${'<kumozu:diagram><![CDATA['.repeat(20000)}</svg>`;
    const started = Date.now();
    expect(extractFromSvg(hostile)).toBeNull();
    expect(Date.now() - started).toBeLessThan(2000);
  });
});

describe('extractDiagram', () => {
  const json = serializeDiagram({ format: 'kumozu.diagram', version: 2, meta: { title: 'x', description: '', lang: 'en' }, nodes: [], edges: [], notes: [], presentation: { steps: [] } });

  it('opens JSON, PNG and SVG by their content, whatever the name says', () => {
    const png = embedInPng(tinyPng(), json);
    const svg = `<svg xmlns="http://www.w3.org/2000/svg"><metadata>${svgMetadata(json)}</metadata></svg>`;
    expect(extractDiagram(utf8(json))).toEqual({ kind: 'json', text: json });
    expect(extractDiagram(utf8(`\uFEFF${json}`), 'a.kumozu.json')).toEqual({ kind: 'json', text: json });
    expect(extractDiagram(png, 'misnamed.json')).toEqual({ kind: 'png', text: json });
    expect(extractDiagram(utf8(svg), 'drawing.png')).toEqual({ kind: 'svg', text: json });
    expect(extractDiagram(utf8(`<?xml version="1.0"?>\n<!-- c -->\n${svg}`))).toEqual({ kind: 'svg', text: json });
  });

  it('tells an image without a diagram from something that is not an image at all', () => {
    expect(extractDiagram(tinyPng(), 'plain.png')).toEqual({ error: 'noEmbeddedDiagram' });
    expect(extractDiagram(utf8('<svg xmlns="http://www.w3.org/2000/svg"/>'))).toEqual({ error: 'noEmbeddedDiagram' });
    expect(extractDiagram(utf8('hello'), 'notes.txt')).toEqual({ error: 'notAnImage' });
    expect(extractDiagram(new Uint8Array([0xff, 0xd8, 0xff, 0xe0, 0x00]), 'photo.jpg')).toEqual({ error: 'notAnImage' });
    expect(extractDiagram(new Uint8Array(), 'empty')).toEqual({ error: 'notAnImage' });
    // JSON that is not a diagram is still JSON: parseDiagram gives the precise reason.
    expect(extractDiagram(utf8('[1,2]'), 'x.json')).toEqual({ kind: 'json', text: '[1,2]' });
  });
});
