import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { parseDiagram } from './format/parse';
import { serializeDiagram } from './format/serialize';
import { canonicalV1AsV2 } from './format/testing';
import type { DiagramDocument } from './model/types';
import { checkDocument } from './rules/engine';

/** The template gallery (assets/templates): reference architectures and "spot the mistakes" copies. */

const templatesDir = join(dirname(fileURLToPath(import.meta.url)), '..', 'assets', 'templates');

interface Bilingual {
  readonly en: string;
  readonly ja: string;
}
interface TemplateEntry {
  readonly id: string;
  readonly file: string;
  readonly title: Bilingual;
  readonly description: Bilingual;
  readonly tags: readonly string[];
}
interface MistakesEntry {
  readonly id: string;
  readonly file: string;
  readonly basedOn: string;
  readonly title: Bilingual;
  readonly description: Bilingual;
}
interface GalleryIndex {
  readonly templates: readonly TemplateEntry[];
  readonly mistakes: readonly MistakesEntry[];
}
interface ExpectedFinding {
  readonly rule: string;
  readonly severity: string;
  readonly nodes: readonly string[];
}

const index = JSON.parse(readFileSync(join(templatesDir, 'index.json'), 'utf8')) as GalleryIndex;

function load(file: string): { text: string; doc: DiagramDocument } {
  const text = readFileSync(join(templatesDir, file), 'utf8');
  const result = parseDiagram(text);
  if (!result.ok) throw new Error(`${file} does not parse: ${JSON.stringify(result.error)}`);
  expect(result.repairs, `${file} needs repairs`).toEqual([]);
  return { text, doc: result.document };
}

/** Error and warning findings as sortable keys; info notes are teaching aids and not asserted. */
function blockingKeys(doc: DiagramDocument): string[] {
  return checkDocument(doc, 'en')
    .filter((f) => f.severity !== 'info')
    .map((f) => `${f.severity} ${f.rule} ${f.nodes.join(',')}`)
    .sort();
}

function nonEmpty(text: Bilingual): void {
  expect(text.en.trim()).not.toBe('');
  expect(text.ja.trim()).not.toBe('');
}

describe('template gallery index', () => {
  it('lists at least eight templates and four mistakes variants with unique ids', () => {
    expect(index.templates.length).toBeGreaterThanOrEqual(8);
    expect(index.mistakes.length).toBeGreaterThanOrEqual(4);
    const ids = [...index.templates, ...index.mistakes].map((e) => e.id);
    expect(new Set(ids).size).toBe(ids.length);
  });

  it('has non-empty titles and descriptions in both languages', () => {
    for (const entry of [...index.templates, ...index.mistakes]) {
      nonEmpty(entry.title);
      nonEmpty(entry.description);
    }
    for (const entry of index.templates) expect(entry.tags.length).toBeGreaterThan(0);
  });

  it('lists every diagram file in the folder, and every listed file exists', () => {
    const listed = new Set([...index.templates, ...index.mistakes].map((e) => e.file));
    for (const entry of listed) expect(existsSync(join(templatesDir, entry)), entry).toBe(true);
    const onDisk = [
      ...readdirSync(templatesDir).filter((f) => f.endsWith('.kumozu.json')),
      ...readdirSync(join(templatesDir, 'mistakes'))
        .filter((f) => f.endsWith('.kumozu.json'))
        .map((f) => `mistakes/${f}`),
    ];
    for (const file of onDisk) expect(listed.has(file), `${file} is not in index.json`).toBe(true);
  });

  it('bases every mistakes variant on a listed template', () => {
    const templateIds = new Set(index.templates.map((t) => t.id));
    for (const m of index.mistakes) expect(templateIds.has(m.basedOn), m.id).toBe(true);
  });
});

describe.each(index.templates.map((t) => [t.id, t] as const))('template %s', (_id, entry) => {
  it('parses without repairs and is stored canonically', () => {
    const { text, doc } = load(entry.file);
    expect(serializeDiagram(doc)).toBe(canonicalV1AsV2(text));
  });

  it('matches its index entry (English title, lang en)', () => {
    const { doc } = load(entry.file);
    expect(doc.meta.title).toBe(entry.title.en);
    expect(doc.meta.lang).toBe('en');
    expect(doc.meta.description.trim()).not.toBe('');
  });

  it('has no error or warning findings', () => {
    const { doc } = load(entry.file);
    expect(blockingKeys(doc)).toEqual([]);
  });
});

describe.each(index.mistakes.map((m) => [m.id, m] as const))('mistakes variant %s', (_id, entry) => {
  it('parses without repairs and is stored canonically', () => {
    const { text, doc } = load(entry.file);
    expect(serializeDiagram(doc)).toBe(canonicalV1AsV2(text));
  });

  it('has exactly its listed error and warning findings', () => {
    const { doc } = load(entry.file);
    const expectFile = entry.file.replace(/\.kumozu\.json$/, '.expect.json');
    const expected = (JSON.parse(readFileSync(join(templatesDir, expectFile), 'utf8')) as { findings: ExpectedFinding[] }).findings;
    expect(expected.length).toBeGreaterThan(0);
    for (const f of expected) expect(['error', 'warning']).toContain(f.severity);
    const wanted = expected.map((f) => `${f.severity} ${f.rule} ${f.nodes.join(',')}`).sort();
    expect(blockingKeys(doc)).toEqual(wanted);
  });
});
