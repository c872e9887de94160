import { mkdtemp, readFile, rm, utimes, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createDrafts } from './drafts';
import { nodeOpenFs, nodeSaveFs } from './files';
import { createTokenTable } from './ipc-contract';
import { createRecentFiles } from './recent';
import { createDesktopService, type DesktopService } from './service';

const APP = 'file:///opt/Kumozu/resources/app.asar/dist/renderer/index.html';
const me = { url: APP, isMainFrame: true };
const DOC = '{"format":"kumozu","version":1}';

let dir: string;
let logs: string[];
let nextOpen: string | null;
let nextSave: string | null;
let title: string;
let windowCalls: string[];
let service: DesktopService;

beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'kumozu-service-'));
  logs = [];
  nextOpen = null;
  nextSave = null;
  title = '';
  windowCalls = [];
  let n = 0;
  service = createDesktopService({
    dialogs: { showOpen: async () => nextOpen, showSave: async () => nextSave },
    window: {
      setTitle: (t) => void (title = t),
      setDirty: (d) => void windowCalls.push(`dirty:${d}`),
      setMenu: (spec) => void windowCalls.push(`menu:${spec.lang}:${spec.items.map((i) => i.id).join(',')}`),
      confirmClose: () => void windowCalls.push('confirmClose'),
      closeAcknowledged: () => void windowCalls.push('closeAcknowledged'),
      editText: (c) => void windowCalls.push(`edit:${c}`),
    },
    tokens: createTokenTable(() => `tok${++n}`),
    saveFs: nodeSaveFs,
    openFs: nodeOpenFs,
    drafts: createDrafts(join(dir, 'user', 'drafts'), () => 42),
    recent: createRecentFiles({ file: join(dir, 'user', 'recent.json') }),
    sender: { appFileUrl: APP },
    log: (m) => void logs.push(m),
  });
});
afterEach(async () => {
  await rm(dir, { recursive: true, force: true });
});

async function call(channel: string, payload: unknown, sender = me): Promise<unknown> {
  const r = await service.dispatch(channel, payload, sender);
  if (!r.ok) throw new Error(r.error);
  return r.response;
}

describe('desktop service', () => {
  it('open → save → conflict → reload → save', async () => {
    const path = join(dir, 'a.kumozu.json');
    await writeFile(path, DOC);
    nextOpen = path;
    const opened = (await call('file:open', null)) as { ok: true; value: { file: { token: string; name: string }; text: string } };
    expect(opened).toMatchObject({ ok: true, value: { file: { name: 'a.kumozu.json' }, text: DOC } });
    const { token } = opened.value.file;

    expect(await call('file:save', { text: '{"v":2}', token, suggestedName: 'a.kumozu.json' })).toMatchObject({ ok: true, value: { token } });
    expect(await readFile(path, 'utf8')).toBe('{"v":2}');

    // Another program rewrites the file.
    await writeFile(path, '{"other":true}');
    await utimes(path, new Date(Date.now() + 10_000), new Date(Date.now() + 10_000));
    expect(await call('file:save', { text: '{"v":3}', token, suggestedName: 'a.kumozu.json' })).toMatchObject({ ok: false, failure: { reason: 'conflict' } });
    expect(await readFile(path, 'utf8')).toBe('{"other":true}');

    expect(await call('file:reload', { token })).toMatchObject({ ok: true, value: { text: '{"other":true}' } });
    expect(await call('file:save', { text: '{"v":4}', token, suggestedName: 'a.kumozu.json' })).toMatchObject({ ok: true });
    expect(await readFile(path, 'utf8')).toBe('{"v":4}');

    expect(await call('recent:list', null)).toEqual([{ token, name: 'a.kumozu.json' }]);
  });

  it('a saved-over PNG is never replaced by JSON: saving asks where', async () => {
    const png = join(dir, 'a.png');
    await writeFile(png, 'not really a png');
    nextOpen = png;
    expect(await call('file:open', null)).toMatchObject({ ok: false, failure: { reason: 'notADiagram' } });
    const svg = join(dir, 'a.svg');
    await writeFile(svg, `<svg xmlns="http://www.w3.org/2000/svg"><metadata><kumozu:diagram xmlns:kumozu="https://kumozu.dev/ns/1"><![CDATA[${DOC}]]></kumozu:diagram></metadata></svg>`);
    nextOpen = svg;
    const opened = (await call('file:open', null)) as { ok: true; value: { file: { token: string } } };
    nextSave = null;
    expect(await call('file:save', { text: DOC, token: opened.value.file.token, suggestedName: 'a.kumozu.json' })).toEqual({ ok: false, failure: { reason: 'cancelled' } });
    nextSave = join(dir, 'a.kumozu.json');
    expect(await call('file:save', { text: DOC, token: opened.value.file.token, suggestedName: 'a.kumozu.json' })).toMatchObject({ ok: true, value: { name: 'a.kumozu.json' } });
    expect(await readFile(svg, 'utf8')).toContain('<svg');
  });

  it('refuses a token it never issued: the renderer cannot name a path', async () => {
    expect(await call('file:save', { text: DOC, token: 'tok999', suggestedName: 'x' })).toEqual({ ok: false, failure: { reason: 'unknownToken' } });
    expect(await call('file:openRecent', { token: 'tok1' })).toEqual({ ok: false, failure: { reason: 'unknownToken' } });
    await expect(call('file:openRecent', { token: '/etc/passwd' })).rejects.toThrow('refused');
    await expect(call('file:save', { text: DOC, token: null, suggestedName: '../../.bashrc' })).rejects.toThrow('refused');
  });

  it('refuses and logs hostile messages without acting on them', async () => {
    await expect(call('file:delete', { path: '/' })).rejects.toThrow('refused');
    await expect(call('app:setTitle', { title: 7 })).rejects.toThrow('refused');
    await expect(call('app:setTitle', { title: 'x' }, { url: 'https://evil.example/', isMainFrame: true })).rejects.toThrow('refused');
    await expect(call('app:setTitle', { title: 'x' }, { url: APP, isMainFrame: false })).rejects.toThrow('refused');
    await expect(call('drafts:write', { id: 'a', title: 't', text: 'x'.repeat(21 * 1024 * 1024) })).rejects.toThrow('refused');
    expect(title).toBe('');
    expect(logs).toHaveLength(5);
    expect(await call('app:setTitle', { title: 'ok' })).toBeNull();
    expect(title).toBe('ok');
  });

  it('crash drafts over IPC: write, list, restore, discard', async () => {
    expect(await call('drafts:write', { id: 'doc1', title: 'Untitled', text: DOC })).toBe(true);
    expect(await call('drafts:list', null)).toEqual([{ id: 'doc1', title: 'Untitled', savedAt: 42 }]);
    expect(await call('drafts:restore', { id: 'doc1' })).toBe(DOC);
    expect(await call('drafts:discard', { id: 'doc1' })).toBe(true);
    expect(await call('drafts:list', null)).toEqual([]);
  });

  it('exports bytes where the user chooses, and reports a failed write', async () => {
    nextSave = join(dir, 'out.png');
    expect(await call('file:export', { data: { kind: 'bytes', bytes: new Uint8Array([1, 2, 3]) }, suggestedName: 'out.png', mime: 'image/png' })).toMatchObject({ ok: true });
    expect([...(await readFile(nextSave))]).toEqual([1, 2, 3]);
    nextSave = join(dir, 'missing', 'out.md');
    expect(await call('file:export', { data: { kind: 'text', text: '# x' }, suggestedName: 'out.md', mime: 'text/markdown' })).toMatchObject({ ok: false, failure: { reason: 'io', code: 'ENOENT' } });
  });

  it('opens a path from the command line', async () => {
    const path = join(dir, 'cli.kumozu.json');
    await writeFile(path, DOC);
    expect(await service.openPath(path)).toMatchObject({ ok: true, value: { file: { name: 'cli.kumozu.json' }, text: DOC } });
  });

  it('menus, close answers and text edits reach the window only when well-formed and from our page', async () => {
    const item = { id: 'save', menu: 'file', label: '保存', accelerators: ['CmdOrCtrl+S'], enabled: true, checked: null, separatorBefore: false };
    expect(await call('menu:set', { lang: 'ja', items: [item] })).toBeNull();
    expect(await call('app:setDirty', { dirty: true })).toBeNull();
    expect(await call('app:closeAcknowledged', null)).toBeNull();
    expect(await call('app:confirmClose', null)).toBeNull();
    expect(await call('app:editText', { command: 'paste' })).toBeNull();
    expect(windowCalls).toEqual(['menu:ja:save', 'dirty:true', 'closeAcknowledged', 'confirmClose', 'edit:paste']);

    // Hostile: a click handler smuggled in, a role, an unknown edit command, a subframe, a foreign page.
    await expect(call('menu:set', { lang: 'ja', items: [{ ...item, click: 'x' }] })).rejects.toThrow('refused');
    await expect(call('menu:set', { lang: 'ja', items: [{ ...item, role: 'quit' }] })).rejects.toThrow('refused');
    await expect(call('app:editText', { command: 'print' })).rejects.toThrow('refused');
    await expect(call('app:confirmClose', null, { url: APP, isMainFrame: false })).rejects.toThrow('refused');
    await expect(call('app:editText', { command: 'copy' }, { url: 'file:///tmp/evil.html', isMainFrame: true })).rejects.toThrow('refused');
    expect(windowCalls).toHaveLength(5);
    expect(logs).toHaveLength(5);
  });
});
