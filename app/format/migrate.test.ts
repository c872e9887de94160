import { describe, expect, it } from 'vitest';
import type { DiagramDocument } from '../model/types';
import { MIGRATIONS, migrateToCurrent, v1ToV2 } from './migrate';
import { parseDiagram, parseDiagramValue, type ParseResult } from './parse';
import { serializeDiagram } from './serialize';
import { canonicalV1AsV2 as asV2 } from './testing';
import fullExampleV1 from './fixtures/v1/full-example.kumozu.json?raw';
import unknownThingsV1 from './fixtures/v1/unknown-things.kumozu.json?raw';
import everyRepairV1 from './fixtures/v1/every-repair.kumozu.json?raw';
import presentationMemberV1 from './fixtures/v1/presentation-member.kumozu.json?raw';
import fullExampleV2 from './fixtures/full-example.kumozu.json?raw';
import minimalV1 from './fixtures/minimal.kumozu.json?raw';

function ok(result: ParseResult): Extract<ParseResult, { ok: true }> {
  if (!result.ok) throw new Error(`expected ok, got ${JSON.stringify(result.error)}`);
  return result;
}

describe('migration v1 -> v2', () => {
  it('is the one migration, named as format.md asks', () => {
    expect(MIGRATIONS.map((m) => m.name)).toEqual(['v1 -> v2']);
    expect(v1ToV2).toMatchObject({ from: 1, to: 2 });
  });

  it('opens the checked-in version 1 example unchanged but for the version and an empty presentation', () => {
    const { document, repairs, migrations } = ok(parseDiagram(fullExampleV1));
    expect(JSON.parse(fullExampleV1)).toMatchObject({ version: 1 });
    expect(migrations).toEqual(['v1 -> v2']);
    expect(repairs).toEqual([]);
    expect(document.version).toBe(2);
    expect(document.presentation).toEqual({ steps: [] });
    expect(document.nodes).toHaveLength(20);
    expect(document.edges).toHaveLength(12);
    // Written back as version 2: the same bytes plus what version 2 adds.
    expect(serializeDiagram(document)).toBe(asV2(fullExampleV1));
  });

  it('gives the same diagram as the version 2 file, which only adds the steps', () => {
    const fromV1 = ok(parseDiagram(fullExampleV1)).document;
    const v2 = ok(parseDiagram(fullExampleV2));
    expect(v2.migrations).toEqual([]);
    const withoutSteps = (d: DiagramDocument) => ({ ...d, presentation: { steps: [] } });
    expect(withoutSteps(v2.document)).toEqual(fromV1);
    expect(v2.document.presentation.steps.length).toBeGreaterThan(0);
  });

  it('keeps every unknown field of a version 1 file, in place', () => {
    const { document, repairs } = ok(parseDiagram(unknownThingsV1));
    expect(repairs).toEqual([]);
    expect(document.extra).toEqual({ theme: 'dark', 'x-generator': { name: 'kumozu', version: '2.0.0' } });
    expect(serializeDiagram(document)).toBe(asV2(unknownThingsV1));
  });

  it('makes the same repairs on a damaged version 1 file as before', () => {
    const { repairs, document } = ok(parseDiagram(everyRepairV1));
    expect(repairs.map((r) => r.kind)).toEqual([
      'duplicateIdRenamed',
      'duplicateIdRenamed',
      'duplicateIdRenamed',
      'droppedDanglingEdge',
      'orphanReparented',
      'parentCycleBroken',
      'parentCycleBroken',
      'containerSizeAdded',
      'nodesReordered',
    ]);
    expect(document.presentation.steps).toEqual([]);
  });

  it('opens a minimal version 1 file', () => {
    const { document, migrations } = ok(parseDiagram(minimalV1));
    expect(migrations).toEqual(['v1 -> v2']);
    expect(document.nodes.map((n) => n.id)).toEqual(['cp']);
    expect(document.presentation.steps).toEqual([]);
  });

  it('does not read a version 1 member called "presentation" as steps: it is kept under another name, in its place', () => {
    const { document, repairs } = ok(parseDiagram(presentationMemberV1));
    expect(repairs).toEqual([]);
    expect(document.presentation).toEqual({ steps: [] });
    expect(document.extra).toEqual({ 'presentation (v1)': { slides: ['cp'], theme: 'corporate' }, 'x-after': true });
    expect(Object.keys(document.extra ?? {})).toEqual(['presentation (v1)', 'x-after']);
    const written = JSON.parse(serializeDiagram(document)) as Record<string, unknown>;
    expect(Object.keys(written)).toEqual(['format', 'version', 'meta', 'nodes', 'edges', 'notes', 'presentation', 'presentation (v1)', 'x-after']);
    // Reading what was written changes nothing more.
    expect(serializeDiagram(ok(parseDiagram(serializeDiagram(document))).document)).toBe(serializeDiagram(document));
  });

  it('picks a free name when "presentation (v1)" is taken too', () => {
    const value = { ...(JSON.parse(presentationMemberV1) as object), 'presentation (v1)': 'taken' };
    const { document } = ok(parseDiagramValue(value));
    expect(document.extra).toMatchObject({ 'presentation (v1) 2': { slides: ['cp'], theme: 'corporate' }, 'presentation (v1)': 'taken' });
  });

  it('never modifies its input, and leaves a current value alone', () => {
    const value = JSON.parse(presentationMemberV1) as Record<string, unknown>;
    const before = JSON.stringify(value);
    const { value: migrated, applied } = migrateToCurrent(value, 1);
    expect(applied).toEqual(['v1 -> v2']);
    expect(JSON.stringify(value)).toBe(before);
    expect(migrated).not.toBe(value);
    expect(migrated.version).toBe(2);
    const current = { format: 'kumozu.diagram', version: 2 };
    expect(migrateToCurrent(current, 2)).toEqual({ value: current, applied: [] });
  });

  it('keeps a "__proto__" member as plain data', () => {
    const text = '{"format":"kumozu.diagram","version":1,"nodes":[],"edges":[],"__proto__":{"polluted":true}}';
    const { document } = ok(parseDiagram(text));
    expect(Object.hasOwn(document.extra ?? {}, '__proto__')).toBe(true);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });
});
