import type { MessageKey } from '../i18n/messages';
import type { Workspace } from '../state/workspace';
import { GRID } from '../state/workspace';

/**
 * Every user action, owning its name, label, shortcuts, predicate and effect
 * (after Excalidraw's actions/). One registry feeds the toolbar, keyboard
 * shortcuts and, in the desktop shell, the native menus.
 */
export interface ActionContext {
  readonly ws: Workspace;
  /** Canvas-level helpers the toolbar and shortcuts need. */
  readonly fitView: () => void;
  readonly zoomIn: () => void;
  readonly zoomOut: () => void;
}

export interface Action {
  readonly id: string;
  readonly label: MessageKey;
  /** `Mod` is Ctrl, or ⌘ on macOS. */
  readonly shortcuts?: readonly string[];
  readonly enabled?: (ws: Workspace) => boolean;
  readonly perform: (ctx: ActionContext) => void;
}

const hasSelection = (ws: Workspace) => {
  const s = ws.ui.get().selection;
  return s.nodes.length + s.edges.length + s.notes.length > 0;
};
const nudge = (dx: number, dy: number) => (ctx: ActionContext) => ctx.ws.nudge(dx, dy);

export const ACTIONS: readonly Action[] = [
  { id: 'new', label: 'file.new', shortcuts: ['Mod+Alt+N'], perform: ({ ws }) => ws.newDiagram() },
  { id: 'open', label: 'file.open', shortcuts: ['Mod+O'], perform: ({ ws }) => void ws.open() },
  { id: 'save', label: 'file.save', shortcuts: ['Mod+S'], perform: ({ ws }) => void ws.save() },
  { id: 'saveAs', label: 'file.saveAs', shortcuts: ['Mod+Shift+S'], perform: ({ ws }) => void ws.saveAs() },
  { id: 'newFromTemplate', label: 'file.newFromTemplate', perform: ({ ws }) => ws.ui.set({ galleryOpen: true }) },
  { id: 'compare', label: 'view.compare', perform: ({ ws }) => ws.ui.set({ compareOpen: true }) },
  { id: 'exercises', label: 'teach.exercises', perform: ({ ws }) => ws.ui.set({ exercisesOpen: !ws.ui.get().exercisesOpen }) },
  { id: 'quiz', label: 'teach.quiz', perform: ({ ws }) => ws.ui.set({ quizOpen: true }) },
  { id: 'presentSteps', label: 'view.presentSteps', perform: ({ ws }) => ws.ui.set({ stepsOpen: !ws.ui.get().stepsOpen }) },
  { id: 'present', label: 'view.present', shortcuts: ['Mod+Shift+Enter'], perform: ({ ws }) => ws.ui.set({ presenting: true }) },
  { id: 'export', label: 'file.export', shortcuts: ['Mod+E'], perform: ({ ws }) => ws.ui.set({ exportOpen: true }) },
  { id: 'undo', label: 'edit.undo', shortcuts: ['Mod+Z'], enabled: (ws) => ws.editor.getState().canUndo, perform: ({ ws }) => void ws.editor.undo() },
  { id: 'redo', label: 'edit.redo', shortcuts: ['Mod+Shift+Z', 'Mod+Y'], enabled: (ws) => ws.editor.getState().canRedo, perform: ({ ws }) => void ws.editor.redo() },
  { id: 'delete', label: 'edit.delete', shortcuts: ['Delete', 'Backspace'], enabled: hasSelection, perform: ({ ws }) => ws.deleteSelection() },
  { id: 'copy', label: 'edit.copy', shortcuts: ['Mod+C'], enabled: hasSelection, perform: ({ ws }) => void ws.copy() },
  { id: 'paste', label: 'edit.paste', shortcuts: ['Mod+V'], perform: ({ ws }) => ws.paste() },
  { id: 'duplicate', label: 'edit.duplicate', shortcuts: ['Mod+D'], enabled: hasSelection, perform: ({ ws }) => ws.duplicate() },
  { id: 'selectAll', label: 'edit.selectAll', shortcuts: ['Mod+A'], perform: ({ ws }) => ws.selectAll() },
  { id: 'fit', label: 'view.fit', shortcuts: ['Shift+1'], perform: (ctx) => ctx.fitView() },
  { id: 'zoomIn', label: 'view.zoomIn', shortcuts: ['Mod+='], perform: (ctx) => ctx.zoomIn() },
  { id: 'zoomOut', label: 'view.zoomOut', shortcuts: ['Mod+-'], perform: (ctx) => ctx.zoomOut() },
  { id: 'snap', label: 'view.snap', perform: ({ ws }) => ws.toggleSnap() },
  { id: 'minimap', label: 'view.minimap', perform: ({ ws }) => ws.toggleMinimap() },
  { id: 'nudgeLeft', label: 'edit.selectAll', shortcuts: ['ArrowLeft'], enabled: hasSelection, perform: nudge(-GRID, 0) },
  { id: 'nudgeRight', label: 'edit.selectAll', shortcuts: ['ArrowRight'], enabled: hasSelection, perform: nudge(GRID, 0) },
  { id: 'nudgeUp', label: 'edit.selectAll', shortcuts: ['ArrowUp'], enabled: hasSelection, perform: nudge(0, -GRID) },
  { id: 'nudgeDown', label: 'edit.selectAll', shortcuts: ['ArrowDown'], enabled: hasSelection, perform: nudge(0, GRID) },
  { id: 'nudgeLeftFine', label: 'edit.selectAll', shortcuts: ['Alt+ArrowLeft'], enabled: hasSelection, perform: nudge(-1, 0) },
  { id: 'nudgeRightFine', label: 'edit.selectAll', shortcuts: ['Alt+ArrowRight'], enabled: hasSelection, perform: nudge(1, 0) },
  { id: 'nudgeUpFine', label: 'edit.selectAll', shortcuts: ['Alt+ArrowUp'], enabled: hasSelection, perform: nudge(0, -1) },
  { id: 'nudgeDownFine', label: 'edit.selectAll', shortcuts: ['Alt+ArrowDown'], enabled: hasSelection, perform: nudge(0, 1) },
  { id: 'escape', label: 'edit.selectAll', shortcuts: ['Escape'], perform: ({ ws }) => {
    // Escape during a gesture rolls it back; otherwise it clears the selection.
    if (ws.editor.getState().inGesture) ws.editor.cancelGesture();
    else ws.select({});
    ws.clearRefusal();
  } },
];

/** Whether keys go to a text field (or other form control) rather than to the canvas and its shortcuts. */
export function isTyping(target: EventTarget | null): boolean {
  if (!(target instanceof HTMLElement)) return false;
  return target.isContentEditable || ['INPUT', 'TEXTAREA', 'SELECT'].includes(target.tagName);
}

/** The shortcut string of a key event, in the registry's notation. */
export function shortcutOf(e: Pick<KeyboardEvent, 'key' | 'ctrlKey' | 'metaKey' | 'shiftKey' | 'altKey'>): string {
  const parts: string[] = [];
  if (e.ctrlKey || e.metaKey) parts.push('Mod');
  if (e.altKey) parts.push('Alt');
  let key = e.key.length === 1 ? e.key.toUpperCase() : e.key;
  // Shift+1 arrives as "!" on US layouts; the shortcut table names the unshifted key.
  if (e.shiftKey && key === '!') key = '1';
  if (key === '+') key = '=';
  if (e.shiftKey && key !== 'Shift') parts.push('Shift');
  parts.push(key);
  return parts.join('+');
}

/**
 * Shortcut → action. A shortcut claimed twice does nothing and warns, so a
 * clash can never run the wrong action silently.
 */
export function buildShortcutMap(actions: readonly Action[], warn: (msg: string) => void = console.warn): Map<string, Action> {
  const map = new Map<string, Action>();
  const clashes = new Set<string>();
  for (const a of actions) {
    for (const s of a.shortcuts ?? []) {
      if (map.has(s) || clashes.has(s)) {
        warn(`Shortcut ${s} is claimed by both ${map.get(s)?.id ?? '?'} and ${a.id}; it is disabled.`);
        clashes.add(s);
        map.delete(s);
      } else map.set(s, a);
    }
  }
  return map;
}

export function actionById(id: string): Action | undefined {
  return ACTIONS.find((a) => a.id === id);
}
