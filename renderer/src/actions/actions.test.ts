import { describe, expect, it } from 'vitest';
import { ACTIONS, buildShortcutMap, shortcutOf, type Action } from './actions';

const key = (k: string, mods: Partial<Record<'ctrlKey' | 'metaKey' | 'shiftKey' | 'altKey', boolean>> = {}) => ({
  key: k,
  ctrlKey: false,
  metaKey: false,
  shiftKey: false,
  altKey: false,
  ...mods,
});

describe('actions', () => {
  it('claims every shortcut once', () => {
    const warnings: string[] = [];
    buildShortcutMap(ACTIONS, (w) => warnings.push(w));
    expect(warnings).toEqual([]);
  });

  it('disables a shortcut claimed twice and warns', () => {
    const a: Action = { id: 'a', label: 'edit.copy', shortcuts: ['Mod+K'], perform: () => {} };
    const b: Action = { id: 'b', label: 'edit.paste', shortcuts: ['Mod+K'], perform: () => {} };
    const warnings: string[] = [];
    const map = buildShortcutMap([a, b], (w) => warnings.push(w));
    expect(map.has('Mod+K')).toBe(false);
    expect(warnings).toHaveLength(1);
  });

  it('reads key events in the registry notation', () => {
    expect(shortcutOf(key('z', { ctrlKey: true }))).toBe('Mod+Z');
    expect(shortcutOf(key('Z', { metaKey: true, shiftKey: true }))).toBe('Mod+Shift+Z');
    expect(shortcutOf(key('ArrowLeft', { altKey: true }))).toBe('Alt+ArrowLeft');
    expect(shortcutOf(key('Delete'))).toBe('Delete');
    const map = buildShortcutMap(ACTIONS);
    expect(map.get(shortcutOf(key('y', { ctrlKey: true })))?.id).toBe('redo');
  });
});
