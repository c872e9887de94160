import { describe, expect, it } from 'vitest';
import * as fc from 'fast-check';
import { bytesOverLimit, MAX_BYTES, MAX_NODES, utf8ByteLength } from './limits';

describe('limits', () => {
  it('are those of format.md', () => {
    expect(MAX_BYTES).toBe(20 * 1024 * 1024);
    expect(MAX_NODES).toBe(20000);
  });

  it('counts UTF-8 bytes as TextEncoder does, surrogates included', () => {
    const encoder = new TextEncoder();
    fc.assert(
      fc.property(fc.string({ unit: 'binary', maxLength: 300 }), (s) => {
        expect(utf8ByteLength(s)).toBe(encoder.encode(s).length);
      }),
      { numRuns: 500 },
    );
    // Lone surrogates, and a pair split exactly at the chunk boundary.
    for (const s of ['\ud800', '\udc00x', 'a\ud83d', '\ud83d\ude00', 'x'.repeat(65535) + '\ud83d\ude00' + 'y']) {
      expect(utf8ByteLength(s)).toBe(encoder.encode(s).length);
    }
  });

  it('decides most sizes from the length alone', () => {
    expect(bytesOverLimit('')).toBeUndefined();
    expect(bytesOverLimit('a'.repeat(Math.floor(MAX_BYTES / 3)))).toBeUndefined();
    expect(bytesOverLimit('é'.repeat(MAX_BYTES / 2))).toBeUndefined();
    expect(bytesOverLimit('é'.repeat(MAX_BYTES / 2 + 1))).toBe(MAX_BYTES + 2);
  });
});
