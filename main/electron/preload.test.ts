import { beforeAll, describe, expect, it, vi } from 'vitest';
import { CHANNELS } from './ipc-contract';

/** The preload run against a stand-in for Electron's renderer-side modules. */
const exposed = new Map<string, unknown>();
const invoke = vi.fn<(channel: string, request: unknown) => Promise<unknown>>();
const listeners = new Map<string, (...a: unknown[]) => void>();

vi.mock('electron', () => ({
  contextBridge: { exposeInMainWorld: (key: string, api: unknown) => void exposed.set(key, api) },
  ipcRenderer: {
    invoke: (channel: string, request: unknown) => invoke(channel, request),
    on: (channel: string, l: (...a: unknown[]) => void) => void listeners.set(channel, l),
    removeListener: (channel: string) => void listeners.delete(channel),
  },
}));

type Api = Record<string, unknown> & {
  files: { edition: string; open(): Promise<unknown>; save(t: string, r: unknown, n: string): Promise<unknown>; exportFile(d: Uint8Array | string, n: string, m: string): Promise<unknown> };
  onMenu(l: (a: string) => void): () => void;
  onOpened(l: (f: { ref: unknown; bytes: Uint8Array }) => void): () => void;
  onOpenFailed(l: (f: { name: string; reason: string }) => void): () => void;
  onCloseRequest(l: () => void): () => void;
};
let api: Api;

beforeAll(async () => {
  await import('./preload');
  api = exposed.get('kumozuDesktop') as Api;
});

/** Every function of the API, by dotted name. */
function functions(value: unknown, prefix = ''): string[] {
  return Object.entries(value as Record<string, unknown>).flatMap(([k, v]) =>
    typeof v === 'function' ? [prefix + k] : typeof v === 'object' && v !== null ? functions(v, `${prefix}${k}.`) : [],
  );
}

describe('preload', () => {
  it('exposes only kumozuDesktop, one function per message plus the four event subscriptions', () => {
    expect([...exposed.keys()]).toEqual(['kumozuDesktop']);
    expect(api.files.edition).toBe('desktop');
    // Every channel once (files, recent, drafts, title, dirty, menu, close answers, text edits), plus onMenu, onOpened, onOpenFailed, onCloseRequest.
    expect(functions(api).length).toBe(CHANNELS.length + 4);
  });

  it('sends a token, never a path, and maps results to DiagramFiles answers', async () => {
    invoke.mockResolvedValueOnce({ ok: true, value: { token: 'tok1', name: 'a.kumozu.json' } });
    expect(await api.files.save('{}', { name: 'a.kumozu.json', handle: 'tok1' }, 'a.kumozu.json')).toEqual({ name: 'a.kumozu.json', handle: 'tok1' });
    expect(invoke).toHaveBeenLastCalledWith('file:save', { text: '{}', token: 'tok1', suggestedName: 'a.kumozu.json' });

    invoke.mockResolvedValueOnce({ ok: false, failure: { reason: 'cancelled' } });
    expect(await api.files.save('{}', null, 'a.kumozu.json')).toBeNull();
    expect(invoke).toHaveBeenLastCalledWith('file:save', { text: '{}', token: null, suggestedName: 'a.kumozu.json' });

    invoke.mockResolvedValueOnce({ ok: false, failure: { reason: 'conflict', file: { token: 'tok1', name: 'a' } } });
    await expect(api.files.save('{}', { name: 'a', handle: 'tok1' }, 'a')).rejects.toThrow('conflict');

    invoke.mockResolvedValueOnce({ ok: false, failure: { reason: 'notADiagram', detail: 'noEmbeddedDiagram' } });
    await expect(api.files.open()).rejects.toThrow('notADiagram:noEmbeddedDiagram');

    invoke.mockResolvedValueOnce({ ok: true, value: { file: { token: 'tok2', name: 'b.svg' }, text: '{"x":1}' } });
    const opened = (await api.files.open()) as { ref: unknown; bytes: Uint8Array };
    expect(opened.ref).toEqual({ name: 'b.svg', handle: 'tok2' });
    expect(new TextDecoder().decode(opened.bytes)).toBe('{"x":1}');

    invoke.mockResolvedValueOnce({ ok: true, value: { token: 'tok3', name: 'o.png' } });
    await api.files.exportFile(new Uint8Array([1]), 'o.png', 'image/png');
    expect(invoke).toHaveBeenLastCalledWith('file:export', { data: { kind: 'bytes', bytes: new Uint8Array([1]) }, suggestedName: 'o.png', mime: 'image/png' });
  });

  it('hands menu actions to the page without the IPC event', () => {
    const got: unknown[] = [];
    const off = api.onMenu((a) => got.push(a));
    listeners.get('menu:action')?.({ sender: 'secret' }, 'save');
    expect(got).toEqual(['save']);
    off();
    expect(listeners.has('menu:action')).toBe(false);
  });

  it('keeps files main opened before the page listened, then delivers them in order', () => {
    const send = listeners.get('file:opened');
    send?.({ sender: 'secret' }, { file: { token: 't1', name: 'argv.kumozu.json' }, text: '{}' });
    send?.({ sender: 'secret' }, { file: { token: 't2', name: 'second.png' }, text: '{"a":1}' });
    const got: unknown[] = [];
    const off = api.onOpened((f) => got.push(f.ref));
    expect(got).toEqual([{ name: 'argv.kumozu.json', handle: 't1' }, { name: 'second.png', handle: 't2' }]);
    send?.({}, { file: { token: 't3', name: 'later.kumozu.json' }, text: '{}' });
    expect(got).toHaveLength(3);
    off();
  });

  it('close requests reach the page without the event; answers go through their own channels', async () => {
    let asked = 0;
    const off = api.onCloseRequest(() => void asked++);
    listeners.get('app:closeRequested')?.({ sender: 'secret' });
    expect(asked).toBe(1);
    off();
    invoke.mockResolvedValueOnce(null);
    await (api.confirmClose as () => Promise<unknown>)();
    expect(invoke).toHaveBeenLastCalledWith('app:confirmClose', null);
    invoke.mockResolvedValueOnce(null);
    await (api.editText as (c: string) => Promise<unknown>)('copy');
    expect(invoke).toHaveBeenLastCalledWith('app:editText', { command: 'copy' });
  });

  it('open failures reach the page with a name and a reason, malformed ones not at all', () => {
    const send = listeners.get('file:openFailed');
    send?.({}, { name: 'gone.kumozu.json', reason: 'notFound' });
    const got: unknown[] = [];
    const off = api.onOpenFailed((f) => got.push(f));
    send?.({}, { name: 7, reason: 'x' });
    send?.({}, null);
    expect(got).toEqual([{ name: 'gone.kumozu.json', reason: 'notFound' }]);
    off();
  });
});
