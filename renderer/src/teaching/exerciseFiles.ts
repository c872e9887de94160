import { parseDiagramValue } from '../../../app/format/parse';
import type { DiagramDocument } from '../../../app/model/types';
import { solutionFile, startFile } from '../../../app/teaching/exercises';

/**
 * The exercise diagrams of assets/exercises, loaded on demand (they stay out
 * of the main bundle) and read through the same parser as any opened file, so
 * older format versions keep loading through its migrations.
 */

const files = import.meta.glob('../../../assets/exercises/*.kumozu.json', { import: 'default' }) as Record<string, () => Promise<unknown>>;

async function loadFile(name: string): Promise<DiagramDocument | null> {
  const key = Object.keys(files).find((k) => k.endsWith(`/exercises/${name}`));
  const load = key ? files[key] : undefined;
  if (!load) return null;
  const result = parseDiagramValue(await load());
  return result.ok ? result.document : null;
}

export function loadExerciseDiagram(id: string, which: 'start' | 'solution'): Promise<DiagramDocument | null> {
  return loadFile(which === 'start' ? startFile(id) : solutionFile(id));
}
