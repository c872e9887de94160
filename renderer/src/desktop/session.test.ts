import { describe, expect, it } from 'vitest';
import type { FileRef, OpenedFile } from '../files/types';
import type { DesktopApi } from './api';
import { classify, describeOpenError, describeSaveFailure } from './failures';
import { createDesktopSession } from './session';
import { fileNameFor, plainName } from './texts';

/** A preload stand-in: each files call answers from a script. */
function fakeApi(script: { save?: () => Promise<FileRef | null>; saveAs?: () => Promise<FileRef | null>; reload?: () => Promise<OpenedFile | null> }) {
  const calls: string[] = [];
  const api = {
    files: {
      edition: 'desktop',
      open: async () => null,
      save: (text: string, ref: FileRef | null, name: string) => (calls.push(`save ${ref?.name ?? name}`), script.save?.() ?? Promise.resolve(ref ?? { name, handle: 'new' })),
      saveAs: (text: string, name: string) => (calls.push(`saveAs ${name}`), script.saveAs?.() ?? Promise.resolve({ name, handle: 'new' })),
      exportFile: async () => {
        throw new Error('io:EACCES: permission denied');
      },
    },
    reload: (token: string) => (calls.push(`reload ${token}`), script.reload?.() ?? Promise.resolve(null)),
  } as unknown as DesktopApi;
  return { api, calls };
}

const ref = { name: 'web.kumozu.json', handle: 'tok1' };
const conflict = () => Promise.reject(new Error('conflict'));

describe('desktop files: conflicts and failures', () => {
  it('a conflict asks; "save elsewhere" writes a new file and returns it', async () => {
    const { api, calls } = fakeApi({ save: conflict });
    const s = createDesktopSession(api);
    const saving = s.files.save('{}', ref, 'web.kumozu.json');
    await Promise.resolve();
    await Promise.resolve();
    const asked = s.prompts.get().conflict;
    expect(asked?.name).toBe('web.kumozu.json');
    asked?.answer('saveElsewhere');
    expect(await saving).toEqual({ name: 'web.kumozu.json', handle: 'new' });
    expect(calls).toEqual(['save web.kumozu.json', 'saveAs web.kumozu.json']);
    expect(s.prompts.get().conflict).toBeNull();
  });

  it('"reload" reads the file again into the workspace and saves nothing; "cancel" does nothing', async () => {
    const reloaded: OpenedFile = { ref: { name: 'web.kumozu.json', handle: 'tok1' }, bytes: new Uint8Array([123, 125]) };
    const { api, calls } = fakeApi({ save: conflict, reload: async () => reloaded });
    const s = createDesktopSession(api);
    const loaded: OpenedFile[] = [];
    s.attach({ lang: () => 'ja', load: (f) => void loaded.push(f), toast: () => undefined });
    const first = s.files.save('{}', ref, 'x');
    await new Promise((r) => setTimeout(r, 0));
    s.prompts.get().conflict?.answer('reload');
    expect(await first).toBeNull();
    expect(loaded).toEqual([reloaded]);
    expect(calls).toEqual(['save web.kumozu.json', 'reload tok1']);

    const second = s.files.save('{}', ref, 'x');
    await new Promise((r) => setTimeout(r, 0));
    s.prompts.get().conflict?.answer('cancel');
    expect(await second).toBeNull();
    expect(calls).toHaveLength(3);
  });

  it('a failed write says why in the UI language, and that the file on disk is unchanged', async () => {
    const { api } = fakeApi({ save: () => Promise.reject(new Error("Error invoking remote method 'file:save': Error: io:ENOSPC: no space left on device")) });
    const s = createDesktopSession(api);
    s.attach({ lang: () => 'en', load: () => undefined, toast: () => undefined });
    await expect(s.files.save('{}', ref, 'x')).rejects.toThrow('The disk is full. The file on disk is unchanged.');
    s.attach({ lang: () => 'ja', load: () => undefined, toast: () => undefined });
    await expect(s.files.exportFile('x', 'a.md', 'text/markdown')).rejects.toThrow('その場所に書き込む権限がありません。 ディスク上のファイルは変更されていません。');
  });
});

describe('failure classification', () => {
  it('reads the preload error messages, wrapped by Electron or not', () => {
    expect(classify(new Error('conflict'))).toEqual({ kind: 'conflict' });
    expect(classify(new Error("Error invoking remote method 'file:save': Error: conflict"))).toEqual({ kind: 'conflict' });
    expect(classify(new Error('io:EACCES: EACCES: permission denied, open /x'))).toEqual({ kind: 'io', code: 'EACCES', message: 'EACCES: permission denied, open /x' });
    expect(classify(new Error('unknownToken'))).toEqual({ kind: 'unknownToken' });
    expect(describeSaveFailure(classify(new Error("Error invoking remote method 'file:save': Error: refused")), 'en')).toBe('The desktop app refused the request. The file on disk is unchanged.');
    expect(describeSaveFailure({ kind: 'io', code: 'EIO', message: 'i/o error' }, 'en')).toBe('The system reported: i/o error The file on disk is unchanged.');
  });
});

describe('names sent to main', () => {
  it('a diagram title with a slash or a line break still saves: main gets a plain file name', async () => {
    const { api, calls } = fakeApi({});
    const s = createDesktopSession(api);
    await s.files.save('{}', null, 'VPC A/B\nv2');
    await s.files.saveAs('{}', '..');
    expect(calls).toEqual(['save VPC A-B v2.kumozu.json', 'saveAs diagram.kumozu.json']);
    expect(await s.files.save('{}', null, 'VPC A/B\nv2')).toEqual({ name: 'VPC A-B v2.kumozu.json', handle: 'new' });
  });

  it('titles and file names lose control characters and path separators', () => {
    expect(plainName('a\u0000b\r\nc')).toBe('a b c');
    expect(plainName('x'.repeat(300))).toHaveLength(255);
    expect(fileNameFor('../etc/passwd')).toBe('..-etc-passwd');
    expect(fileNameFor('C:\\diagrams\\web')).toBe('C-diagrams-web');
    expect(fileNameFor('  ')).toBe('diagram');
  });
});

describe('open failures', () => {
  it('the dialog-opened file that is not a diagram says why, in the UI language', async () => {
    const api = { files: { edition: 'desktop', open: () => Promise.reject(new Error("Error invoking remote method 'file:open': Error: notADiagram:noEmbeddedDiagram")) } } as unknown as DesktopApi;
    const s = createDesktopSession(api);
    s.attach({ lang: () => 'ja', load: () => undefined, toast: () => undefined });
    await expect(s.files.open()).rejects.toThrow('この画像には Kumozu の構成図が含まれていません。');
    expect(describeOpenError(new Error('notADiagram:notFound'), 'en')).toBe('The file no longer exists.');
    expect(describeOpenError(new Error('notADiagram:parse'), 'en')).toBe('It is larger than a diagram can be.');
    expect(describeOpenError(new Error('notADiagram:notAnImage'), 'en')).toBe('It is neither a Kumozu diagram nor an image exported by Kumozu.');
  });
});

