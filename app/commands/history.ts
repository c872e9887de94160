import { applyPatches, enablePatches, produceWithPatches, type Patch } from 'immer';
import type { DiagramDocument } from '../model/types';
import { mutateDocument, type Command } from './commands';

enablePatches();

/**
 * The editor engine: the current document plus undo/redo over immer patches.
 *
 * A plain factory (no React): the renderer subscribes to it, the tests drive
 * it directly. One `dispatch` is one undo step; a gesture (a drag, a resize)
 * groups every dispatch between `beginGesture` and `endGesture` into one step,
 * and `cancelGesture` (Escape) rolls the gesture back as if it never happened.
 */

interface Entry {
  readonly id: number;
  readonly label: string;
  readonly patches: readonly Patch[];
  readonly inverse: readonly Patch[];
}

interface Gesture {
  readonly label: string;
  readonly patches: Patch[];
  readonly inverse: Patch[][];
}

export interface EditorState {
  readonly document: DiagramDocument;
  /** Increments on every change of the document, for caches keyed by version. */
  readonly version: number;
  readonly canUndo: boolean;
  readonly canRedo: boolean;
  readonly undoLabel: string | null;
  readonly redoLabel: string | null;
  /** The document differs from the last `markSaved` (or load). */
  readonly dirty: boolean;
  readonly inGesture: boolean;
}

export interface Editor {
  getState(): EditorState;
  subscribe(listener: (state: EditorState) => void): () => void;
  /** Applies commands as one undo step (or as part of the open gesture). Returns whether anything changed. */
  dispatch(commands: Command | readonly Command[], label?: string): boolean;
  beginGesture(label: string): void;
  endGesture(): void;
  cancelGesture(): void;
  undo(): boolean;
  redo(): boolean;
  /**
   * Replaces the document and clears the history (File > Open, New). `dirty`
   * marks it as not saved anywhere yet (a restored draft).
   */
  load(document: DiagramDocument, options?: { readonly dirty?: boolean }): void;
  markSaved(): void;
}

export interface EditorOptions {
  /** Undo steps kept; older ones are dropped. */
  readonly limit?: number;
}

export function createEditor(initial: DiagramDocument, options: EditorOptions = {}): Editor {
  const limit = options.limit ?? 500;
  let document = initial;
  let version = 0;
  let undoStack: Entry[] = [];
  let redoStack: Entry[] = [];
  let gesture: Gesture | null = null;
  let nextEntryId = 1;
  // Identifies the document state that was last saved: the id of the entry on top of the undo stack then.
  let savedAt = 0;
  let state: EditorState = computeState();
  const listeners = new Set<(s: EditorState) => void>();

  function topId(): number {
    return undoStack[undoStack.length - 1]?.id ?? 0;
  }

  function computeState(): EditorState {
    const undoTop = undoStack[undoStack.length - 1];
    const redoTop = redoStack[redoStack.length - 1];
    return {
      document,
      version,
      canUndo: undoTop !== undefined && gesture === null,
      canRedo: redoTop !== undefined && gesture === null,
      undoLabel: undoTop?.label ?? null,
      redoLabel: redoTop?.label ?? null,
      dirty: gesture !== null ? true : topId() !== savedAt,
      inGesture: gesture !== null,
    };
  }

  function emit(): void {
    state = computeState();
    for (const l of [...listeners]) l(state);
  }

  function push(entry: Omit<Entry, 'id'>): void {
    undoStack.push({ ...entry, id: nextEntryId++ });
    if (undoStack.length > limit) undoStack = undoStack.slice(undoStack.length - limit);
    redoStack = [];
  }

  function apply(commands: readonly Command[]): { patches: Patch[]; inverse: Patch[] } | null {
    const [next, patches, inverse] = produceWithPatches(document, (draft) => {
      for (const c of commands) mutateDocument(draft, c);
    });
    if (patches.length === 0) return null;
    document = next;
    version++;
    return { patches, inverse };
  }

  return {
    getState: () => state,
    subscribe(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    dispatch(commands, label) {
      const list: readonly Command[] = Array.isArray(commands) ? commands : [commands as Command];
      const result = apply(list);
      if (!result) return false;
      if (gesture) {
        gesture.patches.push(...result.patches);
        gesture.inverse.push(result.inverse);
      } else {
        push({ label: label ?? list[0]?.type ?? 'edit', patches: result.patches, inverse: result.inverse });
      }
      emit();
      return true;
    },
    beginGesture(label) {
      if (gesture) this.endGesture();
      gesture = { label, patches: [], inverse: [] };
      emit();
    },
    endGesture() {
      if (!gesture) return;
      const g = gesture;
      gesture = null;
      if (g.patches.length > 0) {
        // Undo replays each step's inverse, newest first.
        push({ label: g.label, patches: g.patches, inverse: [...g.inverse].reverse().flat() });
      }
      emit();
    },
    cancelGesture() {
      if (!gesture) return;
      const g = gesture;
      gesture = null;
      if (g.patches.length > 0) {
        document = applyPatches(document, [...g.inverse].reverse().flat());
        version++;
      }
      emit();
    },
    undo() {
      if (gesture) return false;
      const entry = undoStack.pop();
      if (!entry) return false;
      document = applyPatches(document, entry.inverse as Patch[]);
      version++;
      redoStack.push(entry);
      emit();
      return true;
    },
    redo() {
      if (gesture) return false;
      const entry = redoStack.pop();
      if (!entry) return false;
      document = applyPatches(document, entry.patches as Patch[]);
      version++;
      undoStack.push(entry);
      emit();
      return true;
    },
    load(next, loadOptions) {
      document = next;
      version++;
      undoStack = [];
      redoStack = [];
      gesture = null;
      // -1 matches no entry, so a restored draft stays "unsaved" until it is saved.
      savedAt = loadOptions?.dirty ? -1 : 0;
      emit();
    },
    markSaved() {
      savedAt = topId();
      emit();
    },
  };
}
