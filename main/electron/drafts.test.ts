import { mkdtemp, readdir, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createDrafts } from './drafts';

let dir: string;
beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'kumozu-drafts-'));
});
afterEach(async () => {
  await rm(dir, { recursive: true, force: true });
});

describe('crash drafts', () => {
  it('writes, lists (newest first), restores and discards', async () => {
    let t = 1000;
    const drafts = createDrafts(join(dir, 'drafts'), () => t);
    await drafts.write('doc-a', 'a.kumozu.json', '{"a":1}');
    t = 2000;
    await drafts.write('doc-b', 'Untitled', '{"b":1}');
    t = 3000;
    await drafts.write('doc-a', 'a.kumozu.json', '{"a":2}');

    // A fresh instance (the next start after a crash) sees what was left.
    const next = createDrafts(join(dir, 'drafts'));
    expect(await next.list()).toEqual({
      drafts: [
        { id: 'doc-a', title: 'a.kumozu.json', savedAt: 3000 },
        { id: 'doc-b', title: 'Untitled', savedAt: 2000 },
      ],
      skipped: [],
    });
    expect(await next.restore('doc-a')).toBe('{"a":2}');
    expect(await next.discard('doc-a')).toBe(true);
    expect(await next.discard('doc-a')).toBe(false);
    expect(await next.restore('doc-a')).toBeNull();
    expect((await next.list()).drafts.map((d) => d.id)).toEqual(['doc-b']);
  });

  it('lists nothing when the folder does not exist yet', async () => {
    expect(await createDrafts(join(dir, 'none')).list()).toEqual({ drafts: [], skipped: [] });
  });

  it('skips corrupt and foreign files with a reason, and ignores temporary files', async () => {
    const drafts = createDrafts(dir, () => 5);
    await drafts.write('good', 'g', '{}');
    await writeFile(join(dir, 'torn.draft.json'), '{"version":1,"id":"torn","ti');
    await writeFile(join(dir, 'old.draft.json'), JSON.stringify({ version: 0, id: 'old', title: 't', savedAt: 1, text: '{}' }));
    await writeFile(join(dir, 'renamed.draft.json'), JSON.stringify({ version: 1, id: 'good', title: 't', savedAt: 1, text: '{}' }));
    await writeFile(join(dir, '.good.draft.json.123.abc.tmp'), 'partial');
    await writeFile(join(dir, 'notes.txt'), 'hello');
    const { drafts: list, skipped } = await drafts.list();
    expect(list.map((d) => d.id)).toEqual(['good']);
    expect(skipped).toEqual([
      { file: 'old.draft.json', reason: 'unknown draft version' },
      { file: 'renamed.draft.json', reason: 'id does not match the file name' },
      { file: 'torn.draft.json', reason: 'not JSON' },
    ]);
    expect(await drafts.restore('torn')).toBeNull();
  });

  it('refuses ids that would make a path', async () => {
    const drafts = createDrafts(dir);
    await expect(drafts.write('../escape', 't', '{}')).rejects.toThrow(/invalid draft id/);
    await expect(drafts.restore('a/b')).rejects.toThrow(/invalid draft id/);
    expect(await readdir(dir)).toEqual([]);
  });
});
