import { readFile } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { RULES } from '../app/rules/registry';
import type { RuleModule } from '../app/rules/types';
import { RULE_DOC_FILES, renderRuleDocs } from './gen-rule-docs';

/** The checked-in rule docs must be exactly what the generator writes today: a stale file fails here. */

const ROOT = fileURLToPath(new URL('../', import.meta.url));
const STALE = 'is stale: run `npm run docs:rules` and commit the result';

describe('docs/rules.md and docs/rules.ja.md', () => {
  for (const lang of ['en', 'ja'] as const) {
    it(`${RULE_DOC_FILES[lang]} is up to date`, async () => {
      const onDisk = await readFile(`${ROOT}${RULE_DOC_FILES[lang]}`, 'utf8');
      expect(onDisk, `${RULE_DOC_FILES[lang]} ${STALE}`).toBe(renderRuleDocs(lang));
    });
  }

  it('lists every rule once, in the index and as a section, in both languages', () => {
    for (const lang of ['en', 'ja'] as const) {
      const text = renderRuleDocs(lang);
      for (const rule of RULES) {
        expect(text.split(`| [${rule.id}](#${rule.id.toLowerCase()}) |`)).toHaveLength(2);
        expect(text.split(`\n### ${rule.id} · ${rule.title[lang]}\n`)).toHaveLength(2);
      }
      expect(text).toContain('npm run docs:rules');
    }
  });

  it('is deterministic', () => {
    expect(renderRuleDocs('en')).toBe(renderRuleDocs('en'));
    expect(renderRuleDocs('ja')).toBe(renderRuleDocs('ja'));
  });
});

describe('renderRuleDocs', () => {
  const t = (en: string, ja: string) => ({ en, ja });
  const sample: RuleModule<never>[] = [
    {
      id: 'TEST-001',
      severity: 'warning',
      category: 'load balancing',
      phase: 2,
      title: t('Pipes | and [brackets]', 'パイプ | と [角括弧]'),
      message: t('Message about {kind}.', '{kind} についてのメッセージ。'),
      messages: { b: t('Second gist.', '二つ目の要旨。'), a: t('First gist.', '一つ目の要旨。') },
      why: t('Because.', 'なぜなら。'),
      fix: t('Do this.', 'こうする。'),
      sources: [
        { label: t('Guide [v2]', 'ガイド [v2]'), url: 'https://example.com/a(b)' },
        { label: t('Study notes A', '学習ノート A') },
      ],
      check: () => [],
      quickFix: () => null,
    },
    { id: 'TEST-002', severity: 'info', category: 'cost', phase: 1, title: t('Plain', '普通'), message: t('M', 'M'), why: t('W', 'W'), fix: t('F', 'F'), sources: [], check: () => [] },
  ];

  it('renders the index, counts, sections, sub-cases and sources', () => {
    const en = renderRuleDocs('en', sample);
    expect(en).toContain('2 rules: 0 error, 1 warning, 1 info (base severities); 1 in phase 1, 1 in phase 2.');
    expect(en).toContain('| [TEST-001](#test-001) | Pipes \\| and [brackets] | warning | Load balancing | 2 | yes |');
    expect(en).toContain('| [TEST-002](#test-002) | Plain | info | Cost | 1 | no |');
    expect(en).toContain('<a id="test-001"></a>\n\n### TEST-001 · Pipes | and [brackets]\n');
    expect(en).toContain('> Message about {kind}.\n\nSub-case (a):\n\n> First gist.\n\nSub-case (b):\n\n> Second gist.');
    expect(en).toContain('- [Guide \\[v2\\]](<https://example.com/a(b)>)\n- Study notes A\n');
    expect(en).toContain('- **Quick fix:** none');
    expect(en.endsWith('\n')).toBe(true);
    expect(en.endsWith('\n\n')).toBe(false);
    const ja = renderRuleDocs('ja', sample);
    expect(ja).toContain('ルールは全 2 件（基本の重大度: エラー 0 件、警告 1 件、情報 1 件）。');
    expect(ja).toContain('| [TEST-001](#test-001) | パイプ \\| と [角括弧] | 警告 | ロードバランシング | 2 | あり |');
    expect(ja).toContain('English: [rules.md](rules.md)');
  });
});
