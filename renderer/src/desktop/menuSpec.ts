import type { Action } from '../actions/actions';
import type { EditCommand, MenuItemSpec, MenuName, MenuSpec } from './api';

/**
 * Which of the renderer's actions appear in which native menu, in order;
 * `|` starts a new group. Actions not listed (nudges, Escape) are keyboard
 * only; ids missing from the registry are skipped.
 */
export const MENU_LAYOUT: Readonly<Record<MenuName, readonly string[]>> = {
  file: ['new', 'newFromTemplate', 'open', '|', 'save', 'saveAs', '|', 'export'],
  edit: ['undo', 'redo', '|', 'copy', 'paste', 'duplicate', 'delete', '|', 'selectAll'],
  view: ['fit', 'zoomIn', 'zoomOut', '|', 'snap', 'minimap', '|', 'compare', 'presentSteps', 'present'],
  help: ['exercises', 'quiz'],
};

const KEYS: Readonly<Record<string, string>> = {
  ArrowLeft: 'Left',
  ArrowRight: 'Right',
  ArrowUp: 'Up',
  ArrowDown: 'Down',
  Delete: 'Delete',
  Backspace: 'Backspace',
  Enter: 'Enter',
  Escape: 'Escape',
  ' ': 'Space',
  Tab: 'Tab',
};

/** A registry shortcut (`Mod+Shift+S`) as an Electron accelerator (`CmdOrCtrl+Shift+S`); null when it has no equivalent. */
export function toAccelerator(shortcut: string): string | null {
  const parts = shortcut.split('+');
  // "Mod++" would split into an empty key; the registry writes "=" for it.
  if (parts.some((p) => p === '')) return null;
  const key = parts.pop() ?? '';
  const mods = parts.map((m) => (m === 'Mod' ? 'CmdOrCtrl' : m));
  if (!mods.every((m) => m === 'CmdOrCtrl' || m === 'Alt' || m === 'Shift')) return null;
  const k = key.length === 1 ? (/[a-z0-9=-]/i.test(key) ? key.toUpperCase() : null) : (KEYS[key] ?? (/^F([1-9]|1[0-2])$/.test(key) ? key : null));
  return k === null ? null : [...mods, k].join('+');
}

export interface MenuState {
  /** Whether the action can run now (its `enabled` predicate against the workspace). */
  enabled(action: Action): boolean;
  /** A toggle's state (snap, minimap), or null for a plain item. */
  checked(id: string): boolean | null;
  label(action: Action): string;
}

/** The spec sent to main with `menu:set`. */
export function buildMenuSpec(actions: readonly Action[], state: MenuState, lang: 'en' | 'ja'): MenuSpec {
  const byId = new Map(actions.map((a) => [a.id, a]));
  const items: MenuItemSpec[] = [];
  for (const [menu, layout] of Object.entries(MENU_LAYOUT) as [MenuName, readonly string[]][]) {
    let separatorBefore = false;
    for (const id of layout) {
      if (id === '|') {
        separatorBefore = true;
        continue;
      }
      const action = byId.get(id);
      if (!action) continue;
      items.push({
        id,
        menu,
        label: state.label(action),
        accelerators: (action.shortcuts ?? []).map(toAccelerator).filter((a): a is string => a !== null).slice(0, 4),
        enabled: state.enabled(action),
        checked: state.checked(id),
        separatorBefore,
      });
      separatorBefore = false;
    }
  }
  return { lang, items };
}

/** Edit menu items that, while the user types in a text field, act on the field instead of the diagram. */
const TEXT_EDITS: Readonly<Record<string, EditCommand>> = { undo: 'undo', redo: 'redo', copy: 'copy', paste: 'paste', delete: 'delete', selectAll: 'selectAll' };
/** Actions on the diagram's selection that make no sense while typing (the field has the focus, not the diagram). */
const SELECTION_ONLY = new Set(['duplicate']);

export type MenuEffect = { readonly kind: 'action' } | { readonly kind: 'editText'; readonly command: EditCommand } | { readonly kind: 'ignore' };

/** What a menu click does: the action, or the text field's own edit while typing. */
export function menuEffect(id: string, typing: boolean): MenuEffect {
  if (!typing) return { kind: 'action' };
  const command = TEXT_EDITS[id];
  if (command) return { kind: 'editText', command };
  return SELECTION_ONLY.has(id) ? { kind: 'ignore' } : { kind: 'action' };
}
