import { describe, expect, it } from 'vitest';
import { CHANNELS, createTokenTable, MAX_TEXT_BYTES, validateRequest, validateSender, validators } from './ipc-contract';

const app = { appFileUrl: 'file:///opt/Kumozu/resources/app.asar/dist/renderer/index.html' };

describe('validateRequest', () => {
  it('accepts well-formed payloads', () => {
    expect(validateRequest('file:open', null).ok).toBe(true);
    expect(validateRequest('file:save', { text: '{}', token: null, suggestedName: 'a.kumozu.json' })).toEqual({
      ok: true,
      channel: 'file:save',
      value: { text: '{}', token: null, suggestedName: 'a.kumozu.json' },
    });
    expect(validateRequest('file:export', { data: { kind: 'bytes', bytes: new Uint8Array([1, 2]) }, suggestedName: 'a.png', mime: 'image/png' }).ok).toBe(true);
    expect(validateRequest('file:export', { data: { kind: 'text', text: '# x' }, suggestedName: 'a.md', mime: 'text/markdown; charset=utf-8' }).ok).toBe(true);
    expect(validateRequest('app:setDirty', { dirty: true }).ok).toBe(true);
    expect(validateRequest('drafts:write', { id: 'doc-1', title: '', text: '{}' }).ok).toBe(true);
  });

  it('refuses unknown channels, including prototype names', () => {
    for (const c of ['file:delete', '__proto__', 'constructor', 'toString', '', 42, null, undefined]) {
      expect(validateRequest(c, null).ok).toBe(false);
    }
  });

  it('refuses wrong types, missing and extra fields', () => {
    const bad: [string, unknown][] = [
      ['file:save', { text: 1, token: null, suggestedName: 'a' }],
      ['file:save', { text: '{}', token: null }],
      ['file:save', { text: '{}', token: null, suggestedName: 'a', path: '/etc/passwd' }],
      ['file:save', ['{}', null, 'a']],
      ['file:save', 'text'],
      ['file:save', null],
      ['file:save', Object.assign(Object.create({ polluted: true }) as object, { text: '{}', token: null, suggestedName: 'a' })],
      ['app:setDirty', { dirty: 'yes' }],
      ['file:open', { anything: 1 }],
      ['file:export', { data: { kind: 'bytes', bytes: [1, 2] }, suggestedName: 'a.png', mime: 'image/png' }],
      ['file:export', { data: { kind: 'exe', text: 'x' }, suggestedName: 'a.png', mime: 'image/png' }],
      ['file:export', { data: { kind: 'text', text: 'x' }, suggestedName: 'a.png', mime: 'not a mime' }],
    ];
    for (const [c, p] of bad) expect(validateRequest(c, p), `${c} ${JSON.stringify(p)}`).toMatchObject({ ok: false });
  });

  it('refuses paths, NULs and control characters where a name is expected', () => {
    for (const suggestedName of ['../../etc/passwd', '/etc/passwd', 'C:\\Windows\\x', 'a\u0000.json', 'a\nb', '..', '']) {
      expect(validateRequest('file:saveAs', { text: '{}', suggestedName }).ok, suggestedName).toBe(false);
    }
    expect(validateRequest('file:save', { text: 'a\u0000b', token: null, suggestedName: 'a' }).ok).toBe(false);
  });

  it('refuses tokens and ids that are not ours (a path is never a token)', () => {
    for (const token of ['/home/u/a.kumozu.json', '../x', 'a'.repeat(65), '', 'tok en']) {
      expect(validateRequest('file:openRecent', { token }).ok, token).toBe(false);
      expect(validateRequest('drafts:restore', { id: token }).ok, token).toBe(false);
    }
  });

  it('refuses huge strings cheaply', () => {
    const huge = 'x'.repeat(MAX_TEXT_BYTES + 1);
    expect(validateRequest('file:saveAs', { text: huge, suggestedName: 'a' }).ok).toBe(false);
    // Under the UTF-16 length but over in UTF-8 bytes.
    const wide = 'é'.repeat(MAX_TEXT_BYTES / 2 + 1);
    expect(validateRequest('file:saveAs', { text: wide, suggestedName: 'a' }).ok).toBe(false);
    expect(validateRequest('app:setTitle', { title: 't'.repeat(256) }).ok).toBe(false);
  });

  it('has a validator for every channel', () => {
    expect(CHANNELS.sort()).toEqual(Object.keys(validators).sort());
    expect(CHANNELS.length).toBeGreaterThanOrEqual(13);
  });
});

describe('validateSender', () => {
  it('accepts the app page in the main frame only', () => {
    expect(validateSender(app.appFileUrl, true, app)).toBe(true);
    expect(validateSender(app.appFileUrl + '#/x', true, app)).toBe(true);
    expect(validateSender(app.appFileUrl, false, app)).toBe(false);
  });

  it('refuses other files, origins and schemes', () => {
    for (const url of ['file:///tmp/evil.html', 'https://example.com/', 'data:text/html,x', 'blob:file:///x', 'about:blank', 'not a url', 'http://localhost:5173/']) {
      expect(validateSender(url, true, app), url).toBe(false);
    }
  });

  it('accepts the dev server origin only when given', () => {
    const dev = { ...app, devOrigin: 'http://localhost:5173' };
    expect(validateSender('http://localhost:5173/index.html', true, dev)).toBe(true);
    expect(validateSender('http://localhost:5174/', true, dev)).toBe(false);
    expect(validateSender('http://localhost:5173.evil.com/', true, dev)).toBe(false);
  });
});

describe('token table', () => {
  it('maps tokens to paths main registered, and nothing else', () => {
    let n = 0;
    const table = createTokenTable(() => `t${++n}`);
    const a = table.issue('/home/u/a.kumozu.json');
    expect(table.issue('/home/u/a.kumozu.json')).toBe(a);
    expect(table.resolve(a)).toBe('/home/u/a.kumozu.json');
    expect(table.resolve('t99')).toBeUndefined();
    expect(table.resolve('/etc/passwd')).toBeUndefined();
    expect(table.resolve('__proto__')).toBeUndefined();
  });
});

describe('validateRequest on arbitrary input', () => {
  it('never throws and never accepts extra fields', async () => {
    const fc = await import('fast-check');
    fc.assert(
      fc.property(fc.constantFrom(...CHANNELS, 'x:y'), fc.anything({ withNullPrototype: true, withTypedArray: true, withMap: true }), (channel, payload) => {
        const r = validateRequest(channel, payload);
        if (r.ok && r.value !== null) expect(Object.keys(r.value as object).length).toBeGreaterThan(0);
      }),
      { numRuns: 2000 },
    );
  });
});

describe('menu:set and the close/edit channels', () => {
  const ok = { id: 'save', menu: 'file', label: 'Save', accelerators: ['CmdOrCtrl+S'], enabled: true, checked: null, separatorBefore: false };
  const spec = (items: unknown[], lang: unknown = 'en') => validateRequest('menu:set', { lang, items });

  it('accepts the renderer menus', () => {
    expect(spec([ok, { ...ok, id: 'snap', menu: 'view', label: 'グリッドに吸着', accelerators: [], checked: true }], 'ja').ok).toBe(true);
    expect(spec([{ ...ok, id: 'fit', accelerators: ['Shift+1'] }, { ...ok, id: 'delete', accelerators: ['Delete', 'Backspace'] }]).ok).toBe(true);
  });

  it('refuses hostile menus', () => {
    const bad: unknown[][] = [
      [{ ...ok, id: '__proto__' }],
      [{ ...ok, id: 'x'.repeat(41) }],
      [{ ...ok, menu: 'window' }],
      [{ ...ok, label: 'a\u0000b' }],
      [{ ...ok, label: 'L'.repeat(101) }],
      [{ ...ok, label: '' }],
      [{ ...ok, accelerators: ['CmdOrCtrl+Q+W+E+R'] }],
      [{ ...ok, accelerators: ['MediaPlayPause'] }],
      [{ ...ok, accelerators: 'CmdOrCtrl+S' }],
      [{ ...ok, accelerators: ['A', 'B', 'C', 'D', 'E'] }],
      [{ ...ok, enabled: 'yes' }],
      [{ ...ok, checked: 1 }],
      [{ ...ok, role: 'quit' }],
      [{ ...ok, click: 'require("child_process")' }],
      [ok, ok],
      Array.from({ length: 65 }, (_, i) => ({ ...ok, id: `a${i}` })),
      [null],
      ['save'],
    ];
    for (const items of bad) expect(spec(items).ok, JSON.stringify(items).slice(0, 80)).toBe(false);
    expect(spec([ok], 'de').ok).toBe(false);
    expect(validateRequest('menu:set', { lang: 'en' }).ok).toBe(false);
    expect(validateRequest('menu:set', [ok]).ok).toBe(false);
  });

  it('close answers carry nothing; text edits are one of the editing commands', () => {
    expect(validateRequest('app:confirmClose', null).ok).toBe(true);
    expect(validateRequest('app:confirmClose', { force: true }).ok).toBe(false);
    expect(validateRequest('app:closeAcknowledged', 'x').ok).toBe(false);
    for (const command of ['undo', 'redo', 'cut', 'copy', 'paste', 'delete', 'selectAll']) expect(validateRequest('app:editText', { command }).ok).toBe(true);
    for (const command of ['print', 'reload', 'toggleDevTools', 'openDevTools', '', 7, null]) expect(validateRequest('app:editText', { command }).ok).toBe(false);
  });
});

