import { describe, expect, it } from 'vitest';
import { isKnownKind } from '../catalog/registry';
import type { Text } from '../model/types';
import { RULES } from '../rules/registry';
import { QUIZ, scoreOf } from './quiz';

function bilingual(text: Text, japaneseScript = true): void {
  expect(text.en.trim()).not.toBe('');
  expect(text.ja.trim()).not.toBe('');
  // Prose is really Japanese; a choice may be a product name written the same in both.
  if (japaneseScript) expect(text.ja).toMatch(/[\u3040-\u30ff\u4e00-\u9fff]/);
}

describe('quiz', () => {
  it('has at least ten questions with unique ids', () => {
    expect(QUIZ.length).toBeGreaterThanOrEqual(10);
    const ids = QUIZ.map((q) => q.id);
    expect(new Set(ids).size).toBe(ids.length);
  });

  it.each(QUIZ.map((q) => [q.id, q] as const))('%s: 3–4 distinct choices, exactly one correct', (_id, q) => {
    expect(q.choices.length).toBeGreaterThanOrEqual(3);
    expect(q.choices.length).toBeLessThanOrEqual(4);
    expect(q.choices.filter((c) => c.correct)).toHaveLength(1);
    expect(new Set(q.choices.map((c) => c.text.en)).size).toBe(q.choices.length);
    expect(new Set(q.choices.map((c) => c.text.ja)).size).toBe(q.choices.length);
  });

  it.each(QUIZ.map((q) => [q.id, q] as const))('%s: every text in both languages, kinds from the catalog', (_id, q) => {
    for (const t of [q.topic, q.question, q.explanation, q.source]) bilingual(t);
    for (const c of q.choices) bilingual(c.text, false);
    expect(q.kinds.length).toBeGreaterThan(0);
    for (const k of q.kinds) expect(isKnownKind(k), k).toBe(true);
  });

  it('cites only rules that exist', () => {
    const known = new Set(RULES.map((r) => r.id));
    for (const q of QUIZ) {
      for (const id of q.source.en.match(/[A-Z]+-\d{3}/g) ?? []) expect(known.has(id), `${q.id}: ${id}`).toBe(true);
      expect(q.source.ja.match(/[A-Z]+-\d{3}/g) ?? []).toEqual(q.source.en.match(/[A-Z]+-\d{3}/g) ?? []);
    }
  });

  it('does not always put the right answer in the same place', () => {
    const positions = new Set(QUIZ.map((q) => q.choices.findIndex((c) => c.correct)));
    expect(positions.size).toBeGreaterThanOrEqual(3);
  });

  it('scores right answers only', () => {
    const correct = QUIZ.map((q) => q.choices.findIndex((c) => c.correct));
    const wrong = QUIZ.map((q) => q.choices.findIndex((c) => !c.correct));
    expect(scoreOf(QUIZ, correct)).toBe(QUIZ.length);
    expect(scoreOf(QUIZ, wrong)).toBe(0);
    expect(scoreOf(QUIZ, QUIZ.map(() => null))).toBe(0);
    const half = correct.map((c, i) => (i % 2 === 0 ? c : (wrong[i] ?? null)));
    expect(scoreOf(QUIZ, half)).toBe(Math.ceil(QUIZ.length / 2));
  });
});
