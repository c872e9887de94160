import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createRecentFiles, filesFromArgv, MAX_RECENT } from './recent';

let dir: string;
beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'kumozu-recent-'));
});
afterEach(async () => {
  await rm(dir, { recursive: true, force: true });
});

async function touch(name: string): Promise<string> {
  const p = join(dir, name);
  await writeFile(p, '{}');
  return p;
}

describe('recent files', () => {
  it('keeps the most recent first, without duplicates, at most MAX_RECENT, persisted', async () => {
    const file = join(dir, 'user', 'recent.json');
    const recent = createRecentFiles({ file });
    const paths: string[] = [];
    for (let i = 0; i < MAX_RECENT + 2; i++) paths.push(await touch(`f${i}.kumozu.json`));
    for (const p of paths) await recent.add(p);
    await recent.add(paths[5] ?? '');
    const list = await createRecentFiles({ file }).list();
    expect(list).toHaveLength(MAX_RECENT);
    expect(list[0]).toBe(paths[5]);
    expect(list[1]).toBe(paths[MAX_RECENT + 1]);
    expect(new Set(list).size).toBe(list.length);
    expect(list).not.toContain(paths[0]);
  });

  it('prunes files that no longer exist', async () => {
    const file = join(dir, 'recent.json');
    const recent = createRecentFiles({ file });
    const a = await touch('a.kumozu.json');
    const b = await touch('b.kumozu.json');
    await recent.add(a);
    await recent.add(b);
    await rm(a);
    expect(await recent.list()).toEqual([b]);
    expect(JSON.parse(await readFile(file, 'utf8'))).toEqual({ version: 1, paths: [b] });
  });

  it('dedups without case when the platform ignores it', async () => {
    const recent = createRecentFiles({ file: join(dir, 'r.json'), caseInsensitive: true, exists: async () => true });
    await recent.add('/X/A.kumozu.json');
    await recent.add('/x/a.kumozu.json');
    expect(await recent.list()).toEqual(['/x/a.kumozu.json']);
  });

  it('survives a corrupt list', async () => {
    const file = join(dir, 'recent.json');
    await writeFile(file, '{"paths": [1, null, "/ok.kumozu.json", "bad\u0000"');
    expect(await createRecentFiles({ file, exists: async () => true }).list()).toEqual([]);
    await writeFile(file, JSON.stringify({ paths: [1, null, '/ok.kumozu.json', 'bad\u0000'] }));
    expect(await createRecentFiles({ file, exists: async () => true }).list()).toEqual(['/ok.kumozu.json']);
  });
});

describe('filesFromArgv', () => {
  const cwd = '/home/u/work';
  it('packaged: skips the executable and switches, resolves relative paths', () => {
    expect(
      filesFromArgv(['/opt/Kumozu/kumozu', '--no-sandbox', 'a.kumozu.json', '--enable-features=X', '/abs/b.png', '-psn_0_12345', 'c.svg', 'readme.txt'], { packaged: true, cwd }),
    ).toEqual([resolve(cwd, 'a.kumozu.json'), '/abs/b.png', resolve(cwd, 'c.svg')]);
  });

  it('unpackaged: skips electron and the app path', () => {
    expect(filesFromArgv(['/x/electron', '.', 'a.kumozu.json'], { packaged: false, cwd })).toEqual([resolve(cwd, 'a.kumozu.json')]);
    expect(filesFromArgv(['/x/electron', 'dist-main/main.js'], { packaged: false, cwd })).toEqual([]);
  });

  it('after -- everything is a file, and duplicates are dropped', () => {
    expect(filesFromArgv(['k', '--', '-odd.kumozu.json', '-odd.kumozu.json'], { packaged: true, cwd })).toEqual([resolve(cwd, '-odd.kumozu.json')]);
  });
});

describe('recent files, concurrently', () => {
  it('loses no entry when adds overlap', async () => {
    const recent = createRecentFiles({ file: join(dir, 'r.json'), exists: async () => true });
    await Promise.all(['/a.json', '/b.json', '/c.json'].map((p) => recent.add(p)));
    expect((await recent.list()).sort()).toEqual(['/a.json', '/b.json', '/c.json']);
  });
});
