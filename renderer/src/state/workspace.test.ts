import { describe, expect, it, vi } from 'vitest';
import { serializeDiagram } from '../../../app/format/serialize';
import { doc, node } from '../../../app/model/testing';
import type { DiagramFiles, FileRef } from '../files/types';
import { createWorkspace, type KeyValueStorage } from './workspace';

function memoryStorage(): KeyValueStorage & { map: Map<string, string> } {
  const map = new Map<string, string>();
  return { map, getItem: (k) => map.get(k) ?? null, setItem: (k, v) => void map.set(k, v), removeItem: (k) => void map.delete(k) };
}

function fakeFiles(overrides: Partial<DiagramFiles> = {}): DiagramFiles & { written: string[] } {
  const written: string[] = [];
  return {
    edition: 'web',
    written,
    open: async () => null,
    save: async (text: string, ref: FileRef | null, name: string) => {
      written.push(text);
      return ref ?? { name };
    },
    saveAs: async (text: string, name: string) => {
      written.push(text);
      return { name };
    },
    exportFile: async (_data: Uint8Array | string, name: string) => ({ name }),
    ...overrides,
  };
}

function setup(opts: { storage?: ReturnType<typeof memoryStorage>; files?: DiagramFiles; confirm?: () => boolean } = {}) {
  return createWorkspace({
    files: opts.files ?? fakeFiles(),
    storage: opts.storage ?? memoryStorage(),
    systemLang: 'en',
    systemTheme: 'light',
    confirm: opts.confirm ?? (() => true),
  });
}

const bytes = (text: string) => new TextEncoder().encode(text);

const sample = doc([
  node('aws', 'awsManagedAccount'),
  node('cp', 'eksControlPlane', 'aws'),
  node('vpc', 'vpc'),
  node('sub', 'subnet', 'vpc'),
  node('mng', 'managedNodeGroup', 'sub'),
]);

describe('workspace', () => {
  it('opens a file and leaves the diagram untouched when a file cannot be read', () => {
    const ws = setup();
    expect(ws.openBytes(bytes(serializeDiagram(sample)), { name: 'a.kumozu.json' })).toBe(true);
    const before = ws.editor.getState().document;
    expect(ws.openBytes(bytes('{ not json'), { name: 'b.kumozu.json' })).toBe(false);
    expect(ws.editor.getState().document).toBe(before);
    const toast = ws.ui.get().toasts.at(-1);
    expect(toast?.level).toBe('error');
    expect(toast?.text).toContain('b.kumozu.json');
  });

  it('says when a file from an earlier format version opens, and not for a current one', () => {
    const ws = setup();
    expect(ws.openBytes(bytes(serializeDiagram(sample)), { name: 'now.kumozu.json' })).toBe(true);
    expect(ws.ui.get().toasts.at(-1)?.details ?? []).toEqual([]);
    const current = JSON.parse(serializeDiagram(sample)) as Record<string, unknown>;
    const v1: Record<string, unknown> = { ...current, version: 1 };
    delete v1.presentation;
    expect(ws.openBytes(bytes(JSON.stringify(v1)), { name: 'old.kumozu.json' })).toBe(true);
    const toast = ws.ui.get().toasts.at(-1);
    expect(toast?.text).toContain('old.kumozu.json');
    expect(toast?.details?.join(' ')).toMatch(/earlier Kumozu.*version 2/);
    expect(ws.editor.getState().document.nodes.map((n) => n.id)).toEqual(sample.nodes.map((n) => n.id));
  });

  it('adds a dropped component inside the innermost container that may hold it, or refuses', () => {
    const ws = setup();
    ws.loadDocument(sample, null);
    // Inside the node group (vpc at 0,0; subnet and group offset by their positions).
    const group = ws.editor.getState().document.nodes.find((n) => n.id === 'mng');
    expect(group).toBeDefined();
    const plan = ws.dropPlan('eksControlPlane', { x: 10, y: 10 });
    expect(plan.ok).toBe(false);
    const id = ws.addNodeAt('eksControlPlane', { x: 10, y: 10 });
    expect(id).toBeNull();
    const id2 = ws.addNodeAt('ecrRepository', { x: 5000, y: 5000 });
    expect(ws.editor.getState().document.nodes.find((n) => n.id === id2)?.parent).toBeNull();
  });

  it('connects with the inferred kind, or says why not', () => {
    const ws = setup();
    ws.loadDocument(sample, null);
    const ok = ws.connect('mng', 'cp');
    expect(ok.ok).toBe(true);
    expect(ws.editor.getState().document.edges[0]).toMatchObject({ kind: 'joins', source: 'mng', target: 'cp' });
    const again = ws.connect('mng', 'cp');
    expect(again.ok).toBe(false);
  });

  it('pastes copies back into the container they came from, with fresh ids, as one undo step', () => {
    const ws = setup();
    ws.loadDocument(sample, null);
    ws.select({ nodes: ['mng'] });
    expect(ws.copy()).toBe(true);
    ws.paste();
    const d = ws.editor.getState().document;
    const copies = d.nodes.filter((n) => n.kind === 'managedNodeGroup');
    expect(copies).toHaveLength(2);
    expect(copies[1]?.parent).toBe('sub');
    expect(copies[1]?.id).not.toBe('mng');
    ws.editor.undo();
    expect(ws.editor.getState().document.nodes.filter((n) => n.kind === 'managedNodeGroup')).toHaveLength(1);
  });

  it('saves, marks the diagram clean and restores the working diagram from storage after a reload', async () => {
    vi.useFakeTimers();
    const storage = memoryStorage();
    const files = fakeFiles();
    const ws = setup({ storage, files });
    ws.loadDocument(sample, null);
    ws.dispatch({ type: 'setLabel', target: 'node', id: 'mng', label: 'workers' });
    expect(ws.editor.getState().dirty).toBe(true);
    vi.advanceTimersByTime(1000);

    // A reload: a new workspace over the same storage gets the unsaved diagram back, still unsaved.
    const reloaded = setup({ storage });
    expect(reloaded.restoreAutosave()).toBe(true);
    expect(reloaded.editor.getState().document.nodes.find((n) => n.id === 'mng')?.label).toBe('workers');
    expect(reloaded.editor.getState().dirty).toBe(true);

    await ws.save();
    expect(files.written).toHaveLength(1);
    expect(ws.editor.getState().dirty).toBe(false);
    expect(ws.ui.get().file?.name).toMatch(/\.kumozu\.json$|Untitled/);
    vi.useRealTimers();
  });

  it('asks before discarding unsaved changes', () => {
    const confirm = vi.fn(() => false);
    const ws = setup({ confirm });
    ws.loadDocument(sample, null);
    ws.dispatch({ type: 'setLabel', target: 'node', id: 'mng', label: 'x' });
    ws.newDiagram();
    expect(confirm).toHaveBeenCalledOnce();
    expect(ws.editor.getState().document.nodes).toHaveLength(5);
  });

  it('remembers language and theme', () => {
    const storage = memoryStorage();
    const ws = setup({ storage });
    ws.setLang('ja');
    ws.setTheme('dark');
    const again = setup({ storage });
    expect(again.ui.get().lang).toBe('ja');
    expect(again.ui.get().theme).toBe('dark');
  });
});
