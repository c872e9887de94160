import { describe, expect, it } from 'vitest';
import { emptyDocument } from './types';

describe('emptyDocument', () => {
  it('starts a version 1 Kumozu document in the chosen language', () => {
    const doc = emptyDocument('ja');
    expect(doc.format).toBe('kumozu.diagram');
    expect(doc.version).toBe(1);
    expect(doc.meta.lang).toBe('ja');
    expect(doc.nodes).toEqual([]);
  });
});
