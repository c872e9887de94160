import { describe, expect, it } from 'vitest';
import { emptyDocument } from './types';

describe('emptyDocument', () => {
  it('starts a version 2 Kumozu document in the chosen language, with no presentation steps', () => {
    const doc = emptyDocument('ja');
    expect(doc.format).toBe('kumozu.diagram');
    expect(doc.version).toBe(2);
    expect(doc.meta.lang).toBe('ja');
    expect(doc.nodes).toEqual([]);
    expect(doc.presentation).toEqual({ steps: [] });
  });
});
