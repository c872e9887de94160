import { createEditor, type Editor } from '../../../app/commands/history';
import { copySelection, pasteCommand, type Clip } from '../../../app/commands/clipboard';
import type { Command } from '../../../app/commands/commands';
import { inferConnection } from '../../../app/catalog/inference';
import { checkPlacement } from '../../../app/catalog/placement';
import { defaultProps, defaultSizeOf, getKind } from '../../../app/catalog/registry';
import { defaultConnectionProps } from '../../../app/catalog/connections';
import { extractDiagram } from '../../../app/export/embed';
import { describeParseError, describeRepair, parseDiagram } from '../../../app/format/parse';
import { serializeDiagram } from '../../../app/format/serialize';
import { allIds, findNode, freshId, topmost } from '../../../app/model/document';
import { absolutePositions, containerAt } from '../../../app/model/geometry';
import { emptyDocument, type DiagramDocument, type Lang, type Point } from '../../../app/model/types';
import type { DiagramFiles, FileRef } from '../files/types';
import { makeI18n } from '../i18n/i18n';
import { createStore, type Store } from './store';

export type Theme = 'light' | 'dark';

export interface Selection {
  readonly nodes: readonly string[];
  readonly edges: readonly string[];
  readonly notes: readonly string[];
}

export interface Toast {
  readonly id: number;
  readonly level: 'info' | 'error';
  readonly text: string;
  readonly details?: readonly string[];
}

export interface Refusal {
  readonly text: string;
  /** Screen position (client px) to show it at. */
  readonly x: number;
  readonly y: number;
  /** Shown while a gesture hovers a refused spot; cleared or settled when the gesture ends. */
  readonly sticky: boolean;
}

export interface UiState {
  readonly selection: Selection;
  readonly lang: Lang;
  readonly theme: Theme;
  readonly snap: boolean;
  readonly minimap: boolean;
  readonly refusal: Refusal | null;
  /** The container a drag would drop into, highlighted while dragging. */
  readonly dropTarget: string | null;
  readonly toasts: readonly Toast[];
  readonly file: FileRef | null;
  /** Bumped to ask the canvas to fit the view (after open/new). */
  readonly fitRequest: number;
  /** Bumped to ask the canvas to frame the selection. */
  readonly frameRequest: number;
  readonly exportOpen: boolean;
  readonly galleryOpen: boolean;
  readonly compareOpen: boolean;
  /** Teaching: the guided-exercise side panel and the quiz dialog. */
  readonly exercisesOpen: boolean;
  readonly quizOpen: boolean;
  /** Presentation: the step editor panel, and the full-screen presenter. */
  readonly stepsOpen: boolean;
  readonly presenting: boolean;
}

export const EMPTY_SELECTION: Selection = { nodes: [], edges: [], notes: [] };
export const GRID = 8;

/** Browser storage used for preferences and the autosaved working diagram. */
export interface KeyValueStorage {
  getItem(key: string): string | null;
  setItem(key: string, value: string): void;
  removeItem(key: string): void;
}

const PREFS_KEY = 'kumozu.prefs.v1';
const AUTOSAVE_KEY = 'kumozu.autosave.v1';

interface Prefs {
  lang?: Lang;
  theme?: Theme;
  snap?: boolean;
  minimap?: boolean;
}

interface Autosave {
  text: string;
  fileName: string | null;
  dirty: boolean;
}

function readJson<T>(storage: KeyValueStorage, key: string): T | null {
  try {
    const raw = storage.getItem(key);
    return raw ? (JSON.parse(raw) as T) : null;
  } catch {
    return null;
  }
}

export interface WorkspaceOptions {
  readonly files: DiagramFiles;
  readonly storage: KeyValueStorage;
  readonly systemLang: Lang;
  readonly systemTheme: Theme;
  /** Asks the user to confirm discarding unsaved changes. */
  readonly confirm: (message: string) => boolean;
}

/**
 * Everything the renderer's components share: the editor engine (app/), the UI
 * state, files and autosave. Components call these functions; they never
 * build commands themselves except through here.
 */
export function createWorkspace(options: WorkspaceOptions) {
  const { files, storage } = options;
  const prefs = readJson<Prefs>(storage, PREFS_KEY) ?? {};
  const ui: Store<UiState> = createStore<UiState>({
    selection: EMPTY_SELECTION,
    lang: prefs.lang ?? options.systemLang,
    theme: prefs.theme ?? options.systemTheme,
    snap: prefs.snap ?? true,
    minimap: prefs.minimap ?? true,
    refusal: null,
    dropTarget: null,
    toasts: [],
    file: null,
    fitRequest: 0,
    frameRequest: 0,
    exportOpen: false,
    galleryOpen: false,
    compareOpen: false,
    exercisesOpen: false,
    quizOpen: false,
    stepsOpen: false,
    presenting: false,
  });
  const editor: Editor = createEditor(emptyDocument(ui.get().lang));
  let clip: Clip | null = null;
  let pasteCount = 0;
  let toastId = 1;
  let refusalTimer: ReturnType<typeof setTimeout> | undefined;

  const i18n = () => makeI18n(ui.get().lang);
  const doc = () => editor.getState().document;

  function savePrefs(): void {
    const { lang, theme, snap, minimap } = ui.get();
    storage.setItem(PREFS_KEY, JSON.stringify({ lang, theme, snap, minimap } satisfies Prefs));
  }

  function toast(level: Toast['level'], text: string, details?: readonly string[]): void {
    const id = toastId++;
    ui.set((s) => ({ toasts: [...s.toasts.slice(-3), { id, level, text, ...(details ? { details } : {}) }] }));
    setTimeout(() => dismissToast(id), level === 'error' ? 12_000 : 5_000);
  }

  function dismissToast(id: number): void {
    ui.set((s) => ({ toasts: s.toasts.filter((t) => t.id !== id) }));
  }

  // --- autosave: the working diagram survives a reload or a crashed tab ---
  let autosaveTimer: ReturnType<typeof setTimeout> | undefined;
  function writeAutosave(): void {
    const state = editor.getState();
    const data: Autosave = { text: serializeDiagram(state.document), fileName: ui.get().file?.name ?? null, dirty: state.dirty };
    try {
      storage.setItem(AUTOSAVE_KEY, JSON.stringify(data));
    } catch {
      // Storage full or unavailable: autosave is a convenience, never a reason to interrupt drawing.
    }
  }
  editor.subscribe((state) => {
    if (state.inGesture) return;
    clearTimeout(autosaveTimer);
    autosaveTimer = setTimeout(writeAutosave, 300);
    pruneSelection(state.document);
  });

  function pruneSelection(d: DiagramDocument): void {
    const sel = ui.get().selection;
    if (sel.nodes.length + sel.edges.length + sel.notes.length === 0) return;
    const nodes = new Set(d.nodes.map((n) => n.id));
    const edges = new Set(d.edges.map((e) => e.id));
    const notes = new Set(d.notes.map((n) => n.id));
    const next = {
      nodes: sel.nodes.filter((id) => nodes.has(id)),
      edges: sel.edges.filter((id) => edges.has(id)),
      notes: sel.notes.filter((id) => notes.has(id)),
    };
    if (next.nodes.length !== sel.nodes.length || next.edges.length !== sel.edges.length || next.notes.length !== sel.notes.length) {
      ui.set({ selection: next });
    }
  }

  function restoreAutosave(): boolean {
    const saved = readJson<Autosave>(storage, AUTOSAVE_KEY);
    if (!saved || typeof saved.text !== 'string') return false;
    const result = parseDiagram(saved.text);
    if (!result.ok) return false;
    editor.load(result.document, { dirty: saved.dirty });
    ui.set({ file: saved.fileName ? { name: saved.fileName } : null, fitRequest: ui.get().fitRequest + 1 });
    if (saved.dirty && result.document.nodes.length > 0) toast('info', i18n().t('file.restored'));
    return true;
  }

  function loadDocument(document: DiagramDocument, file: FileRef | null): void {
    editor.load(document);
    clip = null;
    ui.set((s) => ({ file, selection: EMPTY_SELECTION, fitRequest: s.fitRequest + 1 }));
    writeAutosave();
  }

  function confirmDiscard(): boolean {
    return !editor.getState().dirty || options.confirm(i18n().t('file.confirmDiscard'));
  }

  /** Reads a file's bytes into the editor, or explains why not and changes nothing. */
  function openBytes(bytes: Uint8Array, ref: FileRef): boolean {
    const { t, lang } = i18n();
    // A .kumozu.json file, or a PNG/SVG export carrying its diagram (format.md, "Carried inside images").
    const found = extractDiagram(bytes, ref.name);
    if ('error' in found) {
      toast('error', t('file.openFailed', { name: ref.name, reason: t(found.error === 'noEmbeddedDiagram' ? 'file.noEmbedded' : 'file.notADiagram') }));
      return false;
    }
    const result = parseDiagram(found.text);
    if (!result.ok) {
      toast('error', t('file.openFailed', { name: ref.name, reason: describeParseError(result.error, lang) }));
      return false;
    }
    loadDocument(result.document, ref);
    // An older file opens through its migrations; say that saving will write the current format.
    const upgraded = result.migrations.length > 0 ? [t('file.upgraded')] : [];
    if (result.repairs.length > 0) {
      toast('info', t('file.repairs', { name: ref.name, count: result.repairs.length }), [...upgraded, ...result.repairs.map((r) => describeRepair(r, lang))]);
    } else {
      toast('info', t('file.opened', { name: ref.name }), upgraded.length > 0 ? upgraded : undefined);
    }
    return true;
  }

  function suggestedName(): string {
    return ui.get().file?.name ?? (doc().meta.title || i18n().t('untitled'));
  }

  async function saveWith(how: 'save' | 'saveAs'): Promise<boolean> {
    const text = serializeDiagram(doc());
    try {
      const ref = how === 'save' ? await files.save(text, ui.get().file, suggestedName()) : await files.saveAs(text, suggestedName());
      if (!ref) return false;
      editor.markSaved();
      ui.set({ file: ref });
      writeAutosave();
      toast('info', i18n().t('file.saved', { name: ref.name }));
      return true;
    } catch (error) {
      toast('error', i18n().t('file.saveFailed', { reason: error instanceof Error ? error.message : String(error) }));
      return false;
    }
  }

  function select(selection: Partial<Selection>): void {
    ui.set({ selection: { ...EMPTY_SELECTION, ...selection } });
  }

  function showRefusal(text: string, at: { x: number; y: number }, sticky = false): void {
    clearTimeout(refusalTimer);
    ui.set({ refusal: { text, x: at.x, y: at.y, sticky } });
    if (!sticky) refusalTimer = setTimeout(() => ui.set({ refusal: null }), 4000);
  }

  /** A gesture ended over a refused spot: keep its reason on screen for a while. */
  function settleRefusal(): void {
    const r = ui.get().refusal;
    if (r?.sticky) showRefusal(r.text, r, false);
  }

  function clearRefusal(): void {
    clearTimeout(refusalTimer);
    ui.set({ refusal: null });
  }

  function snap(value: number): number {
    return ui.get().snap ? Math.round(value / GRID) * GRID : Math.round(value);
  }

  /** Where a drop of `kind` at canvas point `p` would go, or why it can't. */
  function dropPlan(kind: string, p: Point, exclude: ReadonlySet<string> = new Set()): { ok: true; parent: string | null } | { ok: false; reason: string; parent: string | null } {
    const d = doc();
    const parent = containerAt(d, p, exclude);
    const parentKind = parent === null ? null : (findNode(d, parent)?.kind ?? null);
    const verdict = checkPlacement(kind, parentKind);
    return verdict.ok ? { ok: true, parent } : { ok: false, reason: verdict.reason[ui.get().lang], parent };
  }

  function addNodeAt(kind: string, p: Point): string | null {
    const spec = getKind(kind);
    if (!spec) return null;
    const plan = dropPlan(kind, p);
    if (!plan.ok) return null;
    const d = doc();
    const size = defaultSizeOf(kind);
    const base = plan.parent === null ? { x: 0, y: 0 } : (absolutePositions(d).get(plan.parent) ?? { x: 0, y: 0 });
    // Leaves land centred on the pointer; containers by their title bar.
    const anchor = spec.container ? { x: 24, y: 16 } : { x: size.width / 2, y: size.height / 2 };
    const id = freshId(allIds(d), kind);
    editor.dispatch(
      {
        type: 'addNode',
        node: {
          id,
          kind,
          label: spec.name[ui.get().lang],
          parent: plan.parent,
          position: { x: snap(p.x - anchor.x - base.x), y: snap(p.y - anchor.y - base.y) },
          ...(spec.container ? { size } : {}),
          props: defaultProps(kind),
        },
      },
      'add',
    );
    select({ nodes: [id] });
    return id;
  }

  function connect(source: string, target: string): { ok: true; edgeId: string } | { ok: false; reason: string } {
    const d = doc();
    const proposal = inferConnection(d, source, target);
    if (!proposal.ok) return { ok: false, reason: proposal.reason[ui.get().lang] };
    const id = freshId(allIds(d), 'e');
    const props = defaultConnectionProps(proposal.kind);
    editor.dispatch({ type: 'connect', edge: { id, kind: proposal.kind, source: proposal.source, target: proposal.target, label: '', props } }, 'connect');
    select({ edges: [id] });
    return { ok: true, edgeId: id };
  }

  function deleteSelection(): void {
    const { nodes, edges, notes } = ui.get().selection;
    if (nodes.length + edges.length + notes.length === 0) return;
    editor.dispatch({ type: 'deleteElements', nodeIds: nodes, edgeIds: edges, noteIds: notes }, 'delete');
    select({});
  }

  function copy(): boolean {
    const { nodes, notes } = ui.get().selection;
    if (nodes.length + notes.length === 0) return false;
    clip = copySelection(doc(), nodes, notes);
    pasteCount = 0;
    return true;
  }

  function paste(): void {
    if (!clip) return;
    pasteCount++;
    const d = doc();
    const existing = new Set(d.nodes.map((n) => n.id));
    const offset = { x: GRID * 3 * pasteCount, y: GRID * 3 * pasteCount };
    // A pasted node goes back into the container it was copied from when that still exists and still fits.
    const original = new Map(clip.nodes.map((n) => [n.id, findNode(d, n.id)?.parent ?? null]));
    const { command, newIds } = pasteCommand(d, clip, offset, (n) => {
      const parent = original.get(n.id) ?? null;
      if (parent === null || !existing.has(parent)) return null;
      return checkPlacement(n.kind, findNode(d, parent)?.kind ?? null).ok ? parent : null;
    });
    editor.dispatch(command, 'paste');
    select({ nodes: newIds.nodes, edges: newIds.edges, notes: newIds.notes });
  }

  function nudge(dx: number, dy: number): void {
    const { nodes, notes } = ui.get().selection;
    const d = doc();
    // Children of a moving container move with it; moving them too would double the step.
    const tops = topmost(d, nodes);
    const moves = [
      ...tops.flatMap((id) => {
        const n = findNode(d, id);
        return n ? [{ id, position: { x: n.position.x + dx, y: n.position.y + dy } }] : [];
      }),
      ...notes.flatMap((id) => {
        const n = d.notes.find((x) => x.id === id);
        return n ? [{ id, position: { x: n.position.x + dx, y: n.position.y + dy } }] : [];
      }),
    ];
    if (moves.length > 0) editor.dispatch({ type: 'moveNodes', moves }, 'nudge');
  }

  function dispatch(command: Command | readonly Command[], label?: string): boolean {
    return editor.dispatch(command, label);
  }

  return {
    editor,
    ui,
    files,
    i18n,
    dispatch,
    select,
    toast,
    dismissToast,
    showRefusal,
    settleRefusal,
    clearRefusal,
    dropPlan,
    addNodeAt,
    connect,
    deleteSelection,
    copy,
    paste,
    duplicate(): void {
      if (copy()) paste();
    },
    nudge,
    snap,
    selectAll(): void {
      const d = doc();
      select({ nodes: d.nodes.map((n) => n.id), edges: d.edges.map((e) => e.id), notes: d.notes.map((n) => n.id) });
    },
    restoreAutosave,
    loadDocument,
    openBytes,
    newDiagram(): void {
      if (!confirmDiscard()) return;
      loadDocument(emptyDocument(ui.get().lang), null);
    },
    async open(): Promise<void> {
      if (!confirmDiscard()) return;
      try {
        const opened = await files.open();
        if (opened) openBytes(opened.bytes, opened.ref);
      } catch (error) {
        toast('error', i18n().t('file.openFailed', { name: '', reason: error instanceof Error ? error.message : String(error) }));
      }
    },
    save: () => saveWith('save'),
    saveAs: () => saveWith('saveAs'),
    setLang(lang: Lang): void {
      ui.set({ lang });
      savePrefs();
    },
    setTheme(theme: Theme): void {
      ui.set({ theme });
      savePrefs();
    },
    toggleSnap(): void {
      ui.set((s) => ({ snap: !s.snap }));
      savePrefs();
    },
    toggleMinimap(): void {
      ui.set((s) => ({ minimap: !s.minimap }));
      savePrefs();
    },
    requestFit(): void {
      ui.set((s) => ({ fitRequest: s.fitRequest + 1 }));
    },
    frame(selection: Partial<Selection>): void {
      select(selection);
      ui.set((s) => ({ frameRequest: s.frameRequest + 1 }));
    },
    serialize: () => serializeDiagram(doc()),
  };
}

export type Workspace = ReturnType<typeof createWorkspace>;
