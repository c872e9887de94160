import { describe, expect, it } from 'vitest';
import { LANGS } from '../model/types';
import { parseDiagram, describeParseError, describeRepair, type ParseError, type ParseErrorReason, type Repair, type RepairKind } from './parse';
import type { Expectation, Found } from './result';
import everyRepair from './fixtures/every-repair.kumozu.json?raw';

/** One sample per case; `Record` over the union makes a missing case a type error here too. */
const ERRORS: Record<ParseErrorReason, readonly ParseError[]> = {
  notJson: [{ reason: 'notJson', detail: 'Unexpected end of JSON input' }],
  notAKumozuFile: [{ reason: 'notAKumozuFile' }],
  versionTooNew: [{ reason: 'versionTooNew', version: 3, supported: 2 }],
  invalid: [{ reason: 'invalid', path: '/nodes/3/position/x', detail: 'must be a finite number (found "12")', expected: 'finiteNumber', found: 'string' }],
  tooLarge: [
    { reason: 'tooLarge', limit: 'bytes', actual: 22_020_096, max: 20_971_520 },
    { reason: 'tooLarge', limit: 'nodes', actual: 20_001, max: 20_000 },
  ],
};

const REPAIRS: Record<RepairKind, readonly Repair[]> = {
  duplicateIdRenamed: [
    { kind: 'duplicateIdRenamed', collection: 'nodes', oldId: 'vpc', newId: 'vpc-2' },
    { kind: 'duplicateIdRenamed', collection: 'edges', oldId: 'e1', newId: 'e1-2' },
    { kind: 'duplicateIdRenamed', collection: 'notes', oldId: 'n1', newId: 'n1-2' },
    { kind: 'duplicateIdRenamed', collection: 'steps', oldId: 's1', newId: 's1-2' },
  ],
  droppedDanglingEdge: [{ kind: 'droppedDanglingEdge', edgeId: 'e1', missing: 'ghost' }],
  orphanReparented: [{ kind: 'orphanReparented', nodeId: 'nat', missingParent: 'subnet-x' }],
  parentCycleBroken: [{ kind: 'parentCycleBroken', nodeId: 'b', formerParent: 'a' }],
  containerSizeAdded: [{ kind: 'containerSizeAdded', nodeId: 'vpc', size: { width: 1040, height: 680 } }],
  nodesReordered: [
    { kind: 'nodesReordered', moved: 1 },
    { kind: 'nodesReordered', moved: 1200 },
  ],
  stepReferenceDropped: [
    { kind: 'stepReferenceDropped', stepId: 's1', collection: 'nodes', ref: 'ghost', why: 'missing' },
    { kind: 'stepReferenceDropped', stepId: 's1', collection: 'edges', ref: 'e9', why: 'missing' },
    { kind: 'stepReferenceDropped', stepId: 's2', collection: 'nodes', ref: 'vpc', why: 'repeated' },
  ],
};

const EXPECTATIONS: Record<Expectation, true> = {
  object: true,
  array: true,
  string: true,
  nonEmptyString: true,
  stringOrNull: true,
  finiteNumber: true,
  positiveNumber: true,
  versionNumber: true,
  lang: true,
  jsonValue: true,
  shallowerNesting: true,
};
const FOUND: Record<Found, true> = { missing: true, null: true, boolean: true, number: true, string: true, array: true, object: true, other: true };

const JAPANESE = /[\u3040-\u30ff\u4e00-\u9fff]/;

function expectBothLanguages(textIn: (lang: 'ja' | 'en') => string): void {
  const en = textIn('en');
  const ja = textIn('ja');
  expect(en.trim().length).toBeGreaterThan(10);
  expect(ja.trim().length).toBeGreaterThan(5);
  expect(en).not.toMatch(JAPANESE);
  expect(ja).toMatch(JAPANESE);
  expect(ja).not.toBe(en);
}

describe('describeParseError', () => {
  it.each(Object.values(ERRORS).flat().map((e) => [e.reason, e] as const))('describes %s in ja and en', (_reason, error) => {
    expectBothLanguages((lang) => describeParseError(error, lang));
  });

  it('describes every expectation and every found type', () => {
    for (const expected of Object.keys(EXPECTATIONS) as Expectation[]) {
      for (const found of Object.keys(FOUND) as Found[]) {
        const error: ParseError = { reason: 'invalid', path: '/x', detail: 'd', expected, found };
        expectBothLanguages((lang) => describeParseError(error, lang));
        expectBothLanguages((lang) => describeParseError({ ...error, actual: '"zz"' }, lang));
      }
    }
  });

  it('names the path, the versions and the limits', () => {
    const [invalid] = ERRORS.invalid;
    for (const lang of LANGS) expect(describeParseError(invalid!, lang)).toContain('/nodes/3/position/x');
    expect(describeParseError(ERRORS.versionTooNew[0]!, 'en')).toMatch(/version 3.*version 2/);
    expect(describeParseError(ERRORS.tooLarge[0]!, 'en')).toContain('21 MB');
    expect(describeParseError(ERRORS.tooLarge[0]!, 'ja')).toContain('上限は 20 MB');
    expect(describeParseError(ERRORS.tooLarge[1]!, 'en')).toContain('20,001');
    expect(describeParseError(ERRORS.tooLarge[1]!, 'ja')).toContain('20,000 個');
  });

  it('reads naturally for real errors', () => {
    const result = parseDiagram('{"format":"kumozu.diagram","version":2,"nodes":[{"id":"a","kind":"vpc","position":{"x":"12","y":0}}],"edges":[]}');
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(describeParseError(result.error, 'en')).toBe('The diagram file is damaged: /nodes/0/position/x must be a number, but it is a string.');
    expect(describeParseError(result.error, 'ja')).toBe('図のファイルが壊れています。/nodes/0/position/x には数値が必要ですが、文字列になっています。');
    const lang = parseDiagram('{"format":"kumozu.diagram","version":1,"meta":{"lang":"fr"},"nodes":[],"edges":[]}');
    if (lang.ok) throw new Error('expected an error');
    expect(lang.error).toMatchObject({ path: '/meta/lang', actual: '"fr"' });
    expect(describeParseError(lang.error, 'en')).toBe('The diagram file is damaged: /meta/lang must be "ja" or "en", but it is "fr".');
    expect(describeParseError(lang.error, 'ja')).toBe('図のファイルが壊れています。/meta/lang には "ja" または "en" が必要ですが、"fr" になっています。');
  });
});

describe('describeRepair', () => {
  it.each(Object.values(REPAIRS).flat().map((r) => [r.kind, r] as const))('describes %s in ja and en', (_kind, repair) => {
    expectBothLanguages((lang) => describeRepair(repair, lang));
  });

  it('describes every repair of the fixture, naming the ids involved', () => {
    const result = parseDiagram(everyRepair);
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    for (const repair of result.repairs) {
      expectBothLanguages((lang) => describeRepair(repair, lang));
      if ('nodeId' in repair) for (const lang of LANGS) expect(describeRepair(repair, lang)).toContain(repair.nodeId);
      if (repair.kind === 'stepReferenceDropped') {
        expect(describeRepair(repair, 'en')).toContain(`"${repair.stepId}"`);
        expect(describeRepair(repair, 'ja')).toContain(`「${repair.ref}」`);
      }
    }
    expect(result.repairs.some((r) => r.kind === 'stepReferenceDropped')).toBe(true);
    expect(describeRepair(REPAIRS.duplicateIdRenamed[1]!, 'ja')).toBe('ID「e1」が重複していたため、後にある接続の ID を「e1-2」に変更しました。');
    expect(describeRepair(REPAIRS.stepReferenceDropped[0]!, 'en')).toBe(
      'Presentation step "s1" named the component "ghost", which does not exist; it was taken out of the step.',
    );
    expect(describeRepair(REPAIRS.stepReferenceDropped[2]!, 'ja')).toBe(
      'プレゼンのステップ「s2」にコンポーネント「vpc」が重複して含まれていたため、重複分を外しました。',
    );
  });
});
