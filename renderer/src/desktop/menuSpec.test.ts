import { describe, expect, it } from 'vitest';
import { ACTIONS, type Action } from '../actions/actions';
import { makeI18n } from '../i18n/i18n';
import { buildMenuSpec, MENU_LAYOUT, menuEffect, toAccelerator } from './menuSpec';

function spec(lang: 'en' | 'ja', enabled: (a: Action) => boolean = () => true) {
  const { t } = makeI18n(lang);
  return buildMenuSpec(ACTIONS, { enabled, checked: (id) => (id === 'snap' ? true : id === 'minimap' ? false : null), label: (a) => t(a.label) }, lang);
}

describe('native menu spec from the action registry', () => {
  it('lists the registry actions of each menu, labelled in the UI language', () => {
    const en = spec('en');
    const ja = spec('ja');
    const save = en.items.find((i) => i.id === 'save');
    expect(save).toMatchObject({ menu: 'file', label: 'Save', accelerators: ['CmdOrCtrl+S'], enabled: true, checked: null });
    expect(ja.items.find((i) => i.id === 'save')?.label).toBe('保存');
    expect(ja.lang).toBe('ja');
    // Keyboard-only actions (nudges, Escape) stay out of the menus.
    expect(en.items.some((i) => i.id.startsWith('nudge') || i.id === 'escape')).toBe(false);
    // Every listed id that the registry has is present, in layout order.
    const known = new Set(ACTIONS.map((a) => a.id));
    const expected = Object.values(MENU_LAYOUT).flat().filter((id) => id !== '|' && known.has(id));
    expect(en.items.map((i) => i.id)).toEqual(expected);
  });

  it('carries enabled and checked state, and group separators', () => {
    const s = spec('en', (a) => a.id !== 'undo');
    expect(s.items.find((i) => i.id === 'undo')?.enabled).toBe(false);
    expect(s.items.find((i) => i.id === 'snap')?.checked).toBe(true);
    expect(s.items.find((i) => i.id === 'minimap')?.checked).toBe(false);
    expect(s.items.find((i) => i.id === 'save')?.separatorBefore).toBe(true);
    expect(s.items.find((i) => i.id === 'saveAs')?.separatorBefore).toBe(false);
    expect(s.items.find((i) => i.id === 'redo')?.accelerators).toEqual(['CmdOrCtrl+Shift+Z', 'CmdOrCtrl+Y']);
  });

  it('converts registry shortcuts to Electron accelerators, or drops them', () => {
    expect(toAccelerator('Mod+Shift+S')).toBe('CmdOrCtrl+Shift+S');
    expect(toAccelerator('Mod+Alt+N')).toBe('CmdOrCtrl+Alt+N');
    expect(toAccelerator('Mod+=')).toBe('CmdOrCtrl+=');
    expect(toAccelerator('Mod+-')).toBe('CmdOrCtrl+-');
    expect(toAccelerator('Shift+1')).toBe('Shift+1');
    expect(toAccelerator('Alt+ArrowLeft')).toBe('Alt+Left');
    expect(toAccelerator('Mod+Shift+Enter')).toBe('CmdOrCtrl+Shift+Enter');
    expect(toAccelerator('Delete')).toBe('Delete');
    expect(toAccelerator('Mod++')).toBeNull();
    expect(toAccelerator('Hyper+K')).toBeNull();
    expect(toAccelerator('Mod+é')).toBeNull();
  });

  it('the same payload main validates: short labels and known accelerators only', () => {
    for (const lang of ['en', 'ja'] as const) {
      for (const item of spec(lang).items) {
        expect(item.label.length).toBeGreaterThan(0);
        expect(item.label.length).toBeLessThanOrEqual(100);
        expect(item.id).toMatch(/^[A-Za-z][A-Za-z0-9]{0,39}$/);
        for (const a of item.accelerators) expect(a).toMatch(/^(?:(?:CmdOrCtrl|Alt|Shift)\+){0,3}(?:[A-Z0-9=-]|Delete|Backspace|Enter|Escape|Up|Down|Left|Right)$/);
      }
    }
  });
});

describe('menu clicks while typing', () => {
  it('edit items act on the text field, selection-only items do nothing, the rest act on the diagram', () => {
    expect(menuEffect('copy', true)).toEqual({ kind: 'editText', command: 'copy' });
    expect(menuEffect('undo', true)).toEqual({ kind: 'editText', command: 'undo' });
    expect(menuEffect('selectAll', true)).toEqual({ kind: 'editText', command: 'selectAll' });
    expect(menuEffect('duplicate', true)).toEqual({ kind: 'ignore' });
    expect(menuEffect('save', true)).toEqual({ kind: 'action' });
    expect(menuEffect('copy', false)).toEqual({ kind: 'action' });
  });
});
