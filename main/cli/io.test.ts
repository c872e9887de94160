import { chmod, mkdir, mkdtemp, readdir, readFile, rm, stat, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { imageTypeOf, writeFileAtomic } from './io';

let dir: string;
beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'kumozu-io-'));
});
afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

describe('writeFileAtomic', () => {
  it('creates and replaces a file, leaving no temporary file behind', async () => {
    const sub = join(dir, 'write');
    await mkdir(sub);
    const path = join(sub, 'out.md');
    await writeFileAtomic(path, 'first\n');
    expect(await readFile(path, 'utf8')).toBe('first\n');
    await writeFileAtomic(path, new TextEncoder().encode('second\n'));
    expect(await readFile(path, 'utf8')).toBe('second\n');
    expect(await readdir(sub)).toEqual(['out.md']);
  });

  it('keeps the mode of the file it replaces', async () => {
    const path = join(dir, 'mode.svg');
    await writeFile(path, 'old');
    await chmod(path, 0o640);
    await writeFileAtomic(path, 'new');
    expect((await stat(path)).mode & 0o777).toBe(0o640);
  });

  it('leaves the old file intact and cleans up when the rename fails', async () => {
    const sub = join(dir, 'fail');
    await mkdir(sub);
    // A non-empty folder in the target's place: the data is written, the rename refuses.
    const target = join(sub, 'target.png');
    await mkdir(target);
    await writeFile(join(target, 'keep'), 'kept');
    await expect(writeFileAtomic(target, 'data')).rejects.toThrow();
    expect(await readFile(join(target, 'keep'), 'utf8')).toBe('kept');
    expect((await readdir(sub)).sort()).toEqual(['target.png']);
  });

  it('fails cleanly when the folder does not exist', async () => {
    await expect(writeFileAtomic(join(dir, 'nowhere', 'x.md'), 'x')).rejects.toMatchObject({ code: 'ENOENT' });
  });
});

describe('imageTypeOf', () => {
  const png = new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
  const text = new TextEncoder().encode('{"format":"kumozu.diagram"}');
  it('knows PNG by its signature and SVG by its extension', () => {
    expect(imageTypeOf('a.kumozu.json', png)).toBe('png');
    expect(imageTypeOf('a.PNG', text)).toBe('png');
    expect(imageTypeOf('a.Svg', text)).toBe('svg');
    expect(imageTypeOf('a.kumozu.json', text)).toBeNull();
    expect(imageTypeOf('a.json', new Uint8Array())).toBeNull();
  });
});
