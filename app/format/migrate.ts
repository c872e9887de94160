import { FORMAT_VERSION } from '../model/types';

/**
 * Migrations between file versions (format.md, "Versions"; docs/format.md).
 *
 * Each migration is named `vN -> vN+1` and turns a value in the file shape of
 * version N (what `JSON.parse` of such a file gives) into the file shape of
 * version N+1. They run before any field is read, oldest first, so the reader
 * only ever knows the current shape. A migration copies what it changes and
 * never modifies its input (the value may belong to the caller), and never
 * loses anything the old file held.
 */

export type RawObject = Readonly<Record<string, unknown>>;

export interface Migration {
  /** `vN -> vN+1`. */
  readonly name: string;
  readonly from: number;
  readonly to: number;
  readonly migrate: (value: RawObject) => RawObject;
}

/**
 * v1 -> v2: the presentation steps. Version 2 adds a top-level
 * `presentation: { steps: [] }`; a version 1 file has no steps, so every node
 * of it is context, visible from the start, as it always was.
 *
 * A version 1 file could carry an unknown top-level member that happens to be
 * called `presentation` (written by some other tool; version 1 kept unknown
 * fields unchanged). It meant nothing to Kumozu, so it is not read as steps:
 * it is kept, under the name `presentation (v1)`, in its place.
 */
export const v1ToV2: Migration = {
  name: 'v1 -> v2',
  from: 1,
  to: 2,
  migrate(value) {
    const out = blank();
    const keys = Object.keys(value);
    const renamed = keys.includes('presentation') ? freeKey(keys, 'presentation (v1)') : undefined;
    for (const key of keys) {
      if (key === 'version') put(out, key, 2);
      else if (key === 'presentation') put(out, renamed as string, value[key]);
      else put(out, key, value[key]);
    }
    put(out, 'presentation', { steps: [] });
    return out;
  },
};

/** Every migration, oldest first; `MIGRATIONS[i]` goes from version i + 1 to i + 2. */
export const MIGRATIONS: readonly Migration[] = [v1ToV2];

/**
 * The value brought from `version` to the current `FORMAT_VERSION`, and the
 * names of the migrations applied (none for a current file). `version` must
 * be between 1 and `FORMAT_VERSION` (the caller refuses the rest).
 */
export function migrateToCurrent(value: RawObject, version: number): { value: RawObject; applied: string[] } {
  let current = value;
  const applied: string[] = [];
  for (const m of MIGRATIONS) {
    if (m.from < version) continue;
    current = m.migrate(current);
    applied.push(m.name);
  }
  return { value: current, applied };
}

// A prototype-free object, so that a member named "__proto__" (JSON.parse makes
// it an own property) stays an ordinary member of the copy.
function blank(): Record<string, unknown> {
  return Object.create(null) as Record<string, unknown>;
}

function put(o: Record<string, unknown>, key: string, v: unknown): void {
  Object.defineProperty(o, key, { value: v, enumerable: true, writable: true, configurable: true });
}

function freeKey(taken: readonly string[], base: string): string {
  if (!taken.includes(base)) return base;
  for (let i = 2; ; i++) if (!taken.includes(`${base} ${i}`)) return `${base} ${i}`;
}

// A new version must come with its migration.
if (MIGRATIONS.length !== FORMAT_VERSION - 1 || MIGRATIONS.some((m, i) => m.from !== i + 1 || m.to !== i + 2)) {
  throw new Error('app/format/migrate.ts: MIGRATIONS must lead from version 1 to FORMAT_VERSION one step at a time');
}
