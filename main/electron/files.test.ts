import { mkdtemp, readdir, readFile, rm, stat, utimes, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { embedInPng, svgMetadata } from '../../app/export/embed';
import { MAX_BYTES } from '../../app/format/limits';
import { nodeOpenFs, nodeSaveFs, openFile, saveAtomic, type SaveFs } from './files';

let dir: string;
beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'kumozu-files-'));
});
afterEach(async () => {
  await rm(dir, { recursive: true, force: true });
});

const bytes = (s: string): Uint8Array => new TextEncoder().encode(s);
const DOC = '{"format":"kumozu","version":1}';

describe('saveAtomic', () => {
  it('writes a new file and returns its stamp, leaving no temporary file', async () => {
    const path = join(dir, 'a.kumozu.json');
    const r = await saveAtomic(nodeSaveFs, path, bytes('one'));
    expect(r.ok).toBe(true);
    expect(await readFile(path, 'utf8')).toBe('one');
    expect(await readdir(dir)).toEqual(['a.kumozu.json']);
    if (r.ok) expect(r.stamp.size).toBe(3);
  });

  it('overwrites when the file is as it was opened', async () => {
    const path = join(dir, 'a.kumozu.json');
    const first = await saveAtomic(nodeSaveFs, path, bytes('one'));
    if (!first.ok) throw new Error('first save failed');
    const second = await saveAtomic(nodeSaveFs, path, bytes('two!'), first.stamp);
    expect(second.ok).toBe(true);
    expect(await readFile(path, 'utf8')).toBe('two!');
  });

  it('refuses with conflict, writing nothing, when the file changed on disk', async () => {
    const path = join(dir, 'a.kumozu.json');
    const first = await saveAtomic(nodeSaveFs, path, bytes('one'));
    if (!first.ok) throw new Error('first save failed');
    // Someone else writes the same size; only the modification time tells.
    await writeFile(path, 'ONE');
    const later = new Date(first.stamp.mtimeMs + 5000);
    await utimes(path, later, later);
    const r = await saveAtomic(nodeSaveFs, path, bytes('mine'), first.stamp);
    expect(r).toMatchObject({ ok: false, reason: 'conflict' });
    expect(await readFile(path, 'utf8')).toBe('ONE');
    expect(await readdir(dir)).toEqual(['a.kumozu.json']);
  });

  it('reports a conflict when the file was deleted since it was opened', async () => {
    const path = join(dir, 'a.kumozu.json');
    const first = await saveAtomic(nodeSaveFs, path, bytes('one'));
    if (!first.ok) throw new Error('first save failed');
    await rm(path);
    expect(await saveAtomic(nodeSaveFs, path, bytes('x'), first.stamp)).toEqual({ ok: false, reason: 'conflict', current: null });
  });

  it('a failed write leaves the old file intact and says why', async () => {
    const path = join(dir, 'a.kumozu.json');
    await writeFile(path, 'old');
    const s = await stat(path);
    const full: SaveFs = {
      stat: nodeSaveFs.stat,
      writeAtomic: () => Promise.reject(Object.assign(new Error('no space left on device'), { code: 'ENOSPC' })),
    };
    expect(await saveAtomic(full, path, bytes('new'), { mtimeMs: s.mtimeMs, size: s.size })).toEqual({
      ok: false,
      reason: 'io',
      code: 'ENOSPC',
      message: 'no space left on device',
    });
    expect(await readFile(path, 'utf8')).toBe('old');
  });

  it('a real failure (the folder is gone) is a closed result, not a throw', async () => {
    const r = await saveAtomic(nodeSaveFs, join(dir, 'missing', 'a.kumozu.json'), bytes('x'));
    expect(r).toMatchObject({ ok: false, reason: 'io', code: 'ENOENT' });
  });

  it('cannot replace a folder with a file', async () => {
    const r = await saveAtomic(nodeSaveFs, dir, bytes('x'));
    expect(r.ok).toBe(false);
    expect((await stat(dir)).isDirectory()).toBe(true);
  });
});

describe('openFile', () => {
  it('opens a .kumozu.json and returns a stamp usable for the next save', async () => {
    const path = join(dir, 'a.kumozu.json');
    await writeFile(path, DOC);
    const r = await openFile(nodeOpenFs, path);
    expect(r).toMatchObject({ ok: true, name: 'a.kumozu.json', kind: 'json', text: DOC });
    if (!r.ok) return;
    expect((await saveAtomic(nodeSaveFs, path, bytes(DOC), r.stamp)).ok).toBe(true);
  });

  it('opens the diagram embedded in an SVG export', async () => {
    const path = join(dir, 'a.svg');
    await writeFile(path, `<svg xmlns="http://www.w3.org/2000/svg"><metadata>${svgMetadata(DOC)}</metadata></svg>`);
    expect(await openFile(nodeOpenFs, path)).toMatchObject({ ok: true, kind: 'svg', text: DOC });
  });

  it('opens the diagram embedded in a PNG export', async () => {
    // The smallest valid PNG: a 1×1 image.
    const png = Uint8Array.from(
      Buffer.from('iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNkYPhfDwAChwGA60e6kgAAAABJRU5ErkJggg==', 'base64'),
    );
    const path = join(dir, 'a.png');
    await writeFile(path, embedInPng(png, DOC));
    expect(await openFile(nodeOpenFs, path)).toMatchObject({ ok: true, kind: 'png', text: DOC });
  });

  it('refuses an image without a diagram, a non-diagram, a missing file, a folder and an oversized file', async () => {
    await writeFile(join(dir, 'plain.svg'), '<svg xmlns="http://www.w3.org/2000/svg"></svg>');
    expect(await openFile(nodeOpenFs, join(dir, 'plain.svg'))).toMatchObject({ ok: false, failure: { reason: 'noEmbeddedDiagram', type: 'svg' } });
    await writeFile(join(dir, 'notes.txt'), 'hello');
    expect(await openFile(nodeOpenFs, join(dir, 'notes.txt'))).toMatchObject({ ok: false, failure: { reason: 'notAnImage' } });
    expect(await openFile(nodeOpenFs, join(dir, 'gone.kumozu.json'))).toMatchObject({ ok: false, failure: { reason: 'notFound' } });
    expect(await openFile(nodeOpenFs, dir)).toMatchObject({ ok: false, failure: { reason: 'notAFile' } });
    await writeFile(join(dir, 'big.kumozu.json'), Buffer.alloc(MAX_BYTES + 1, 0x20));
    expect(await openFile(nodeOpenFs, join(dir, 'big.kumozu.json'))).toMatchObject({ ok: false, failure: { reason: 'parse', error: { reason: 'tooLarge' } } });
  });
});

describe('saveAtomic through a symlink', () => {
  it('updates the target and keeps the link', async () => {
    const { lstat, mkdir, symlink } = await import('node:fs/promises');
    await mkdir(join(dir, 'real'));
    const target = join(dir, 'real', 'a.kumozu.json');
    await writeFile(target, 'old');
    const link = join(dir, 'link.kumozu.json');
    await symlink(target, link);
    const s = await stat(link);
    expect((await saveAtomic(nodeSaveFs, link, bytes('new'), { mtimeMs: s.mtimeMs, size: s.size })).ok).toBe(true);
    expect((await lstat(link)).isSymbolicLink()).toBe(true);
    expect(await readFile(target, 'utf8')).toBe('new');
  });
});
