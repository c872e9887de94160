import { mkdir, readdir, readFile, rm, stat } from 'node:fs/promises';
import { join } from 'node:path';
import { writeFileAtomic } from '../cli/io';
import { MAX_BYTES } from '../../app/format/limits';

/**
 * Crash drafts (design/architecture.md, example 10): while a document is
 * dirty the caller writes it here every few seconds (the debounce is the
 * caller's); after a crash or kill the next start lists what is left and
 * offers to restore each; a clean save or a discard removes the draft.
 *
 * One file per document, `<id>.draft.json`, written atomically so a kill in
 * the middle of a write leaves the previous draft. A corrupt or foreign file
 * in the folder is skipped with a reason, never fatal.
 */

const ID = /^[A-Za-z0-9_-]{1,64}$/;
const SUFFIX = '.draft.json';
const VERSION = 1;

export interface Draft {
  readonly id: string;
  readonly title: string;
  readonly savedAt: number;
}

export interface SkippedDraft {
  readonly file: string;
  readonly reason: string;
}

export interface Drafts {
  write(id: string, title: string, text: string): Promise<void>;
  list(): Promise<{ drafts: Draft[]; skipped: SkippedDraft[] }>;
  /** The document text, or null when there is no usable draft. */
  restore(id: string): Promise<string | null>;
  /** Removes the draft (after a clean save or when the user discards it); true when one existed. */
  discard(id: string): Promise<boolean>;
}

export function createDrafts(folder: string, now: () => number = Date.now): Drafts {
  const fileOf = (id: string): string => {
    // Ids come from the renderer through a validator; checked again because this builds a path.
    if (!ID.test(id)) throw new Error(`invalid draft id ${JSON.stringify(id.slice(0, 64))}`);
    return join(folder, id + SUFFIX);
  };

  async function read(file: string): Promise<{ ok: true; draft: Draft; text: string } | { ok: false; reason: string }> {
    try {
      const info = await stat(file);
      if (!info.isFile()) return { ok: false, reason: 'not a file' };
      // The envelope adds a little to the document's own limit.
      if (info.size > MAX_BYTES + 4096) return { ok: false, reason: 'too large' };
      const value: unknown = JSON.parse(await readFile(file, 'utf8'));
      if (typeof value !== 'object' || value === null) return { ok: false, reason: 'not a draft' };
      const v = value as Record<string, unknown>;
      if (v.version !== VERSION) return { ok: false, reason: 'unknown draft version' };
      if (typeof v.id !== 'string' || !ID.test(v.id)) return { ok: false, reason: 'bad id' };
      if (typeof v.title !== 'string' || typeof v.savedAt !== 'number' || typeof v.text !== 'string') return { ok: false, reason: 'missing fields' };
      return { ok: true, draft: { id: v.id, title: v.title.slice(0, 255), savedAt: v.savedAt }, text: v.text };
    } catch (e) {
      return { ok: false, reason: e instanceof SyntaxError ? 'not JSON' : e instanceof Error ? e.message : String(e) };
    }
  }

  return {
    async write(id, title, text) {
      const file = fileOf(id);
      await mkdir(folder, { recursive: true });
      await writeFileAtomic(file, JSON.stringify({ version: VERSION, id, title, savedAt: now(), text }));
    },
    async list() {
      let names: string[];
      try {
        names = await readdir(folder);
      } catch {
        return { drafts: [], skipped: [] };
      }
      const drafts: Draft[] = [];
      const skipped: SkippedDraft[] = [];
      for (const name of names.sort()) {
        // Temporary files of an interrupted write and anything else are not drafts.
        if (!name.endsWith(SUFFIX) || name.startsWith('.')) continue;
        const r = await read(join(folder, name));
        if (!r.ok) skipped.push({ file: name, reason: r.reason });
        else if (r.draft.id + SUFFIX !== name) skipped.push({ file: name, reason: 'id does not match the file name' });
        else drafts.push(r.draft);
      }
      drafts.sort((a, b) => b.savedAt - a.savedAt);
      return { drafts, skipped };
    },
    async restore(id) {
      const r = await read(fileOf(id));
      return r.ok && r.draft.id === id ? r.text : null;
    },
    async discard(id) {
      const file = fileOf(id);
      const existed = await stat(file).then(
        () => true,
        () => false,
      );
      await rm(file, { force: true });
      return existed;
    },
  };
}
