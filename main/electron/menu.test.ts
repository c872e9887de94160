import type { MenuItemConstructorOptions } from 'electron';
import { describe, expect, it } from 'vitest';
import type { MenuItemSpec, MenuSpec } from './ipc-contract';
import { menuTemplate, pickAccelerator, systemUiLang, windowTitle } from './menu';

const item = (id: string, menu: MenuItemSpec['menu'], label: string, accelerators: string[] = [], extra: Partial<MenuItemSpec> = {}): MenuItemSpec => ({
  id,
  menu,
  label,
  accelerators,
  enabled: true,
  checked: null,
  separatorBefore: false,
  ...extra,
});

const spec: MenuSpec = {
  lang: 'ja',
  items: [
    item('new', 'file', '新規', ['CmdOrCtrl+Alt+N']),
    item('open', 'file', '開く…', ['CmdOrCtrl+O']),
    item('save', 'file', '保存', ['CmdOrCtrl+S'], { separatorBefore: true }),
    item('undo', 'edit', '元に戻す', ['CmdOrCtrl+Z'], { enabled: false }),
    item('redo', 'edit', 'やり直す', ['CmdOrCtrl+Shift+Z', 'CmdOrCtrl+Y']),
    item('copy', 'edit', 'コピー', ['CmdOrCtrl+C'], { separatorBefore: true }),
    item('delete', 'edit', '削除', ['Delete', 'Backspace']),
    item('fit', 'view', '全体を表示', ['Shift+1']),
    item('snap', 'view', 'グリッドに吸着', [], { checked: true }),
    item('exercises', 'help', '演習'),
  ],
};

function build(platform: NodeJS.Platform, clicks: string[] = [], recents: number[] = []) {
  return menuTemplate(spec, {
    platform,
    dev: false,
    recent: [{ name: 'web.kumozu.json', detail: '/home/u/diagrams' }],
    onAction: (id) => void clicks.push(id),
    onRecent: (i) => void recents.push(i),
  });
}
const sub = (m: MenuItemConstructorOptions | undefined): MenuItemConstructorOptions[] => (m?.submenu ?? []) as MenuItemConstructorOptions[];
const find = (items: MenuItemConstructorOptions[], id: string) => items.find((i) => i.id === id);

describe('native menus', () => {
  it('File, Edit, View and Help in the UI language, with mnemonics on Windows and Linux', () => {
    const menus = build('linux');
    expect(menus.map((m) => m.label)).toEqual(['ファイル(&F)', '編集(&E)', '表示(&V)', 'ヘルプ(&H)']);
    const mac = build('darwin');
    expect(mac[0]).toEqual({ role: 'appMenu' });
    expect(mac.map((m) => m.label)).toEqual([undefined, 'ファイル', '編集', '表示', 'ウインドウ', 'ヘルプ']);
  });

  it('items come from the renderer and clicks come back as action ids', () => {
    const clicks: string[] = [];
    const [file, edit, view] = build('win32', clicks);
    const save = find(sub(file), 'save');
    expect(save).toMatchObject({ label: '保存', accelerator: 'CmdOrCtrl+S', enabled: true });
    (save?.click as () => void)();
    expect(clicks).toEqual(['save']);
    expect(find(sub(edit), 'undo')?.enabled).toBe(false);
    expect(find(sub(view), 'snap')).toMatchObject({ type: 'checkbox', checked: true });
    // A group starts with a separator.
    const labels = sub(file).map((i) => i.type ?? i.label);
    expect(labels.indexOf('separator')).toBe(labels.indexOf('保存') - 1);
  });

  it('uses the platform usual accelerators: Ctrl+N for New, Ctrl+Y for Redo on Windows, ⌘⇧Z elsewhere', () => {
    expect(pickAccelerator({ id: 'new', accelerators: ['CmdOrCtrl+Alt+N'] }, 'linux')).toBe('CmdOrCtrl+N');
    expect(find(sub(build('win32')[1]), 'redo')?.accelerator).toBe('Ctrl+Y');
    expect(find(sub(build('darwin')[2]), 'redo')?.accelerator).toBe('CmdOrCtrl+Shift+Z');
    expect(pickAccelerator({ id: 'save', accelerators: ['CmdOrCtrl+S'] }, 'linux')).toBe('CmdOrCtrl+S');
    expect(pickAccelerator({ id: 'compare', accelerators: [] }, 'linux')).toBeUndefined();
  });

  it('keys a text field needs (Delete, Shift+1) are only displayed, never taken from the page', () => {
    const [, edit, view] = build('linux');
    expect(find(sub(edit), 'delete')).toMatchObject({ accelerator: 'Delete', registerAccelerator: false });
    expect(find(sub(view), 'fit')).toMatchObject({ accelerator: 'Shift+1', registerAccelerator: false });
    expect(find(sub(edit), 'copy')?.registerAccelerator).toBeUndefined();
    const [, macEdit, macView] = build('darwin').slice(1);
    expect(find(sub(macEdit), 'delete')?.accelerator).toBeUndefined();
    expect(find(sub(macView), 'fit')?.accelerator).toBeUndefined();
    expect(find(sub(macEdit), 'copy')?.accelerator).toBe('CmdOrCtrl+C');
  });

  it('adds the platform items: Open Recent after Open, Cut before Copy, quit or close, about, full screen', () => {
    const recents: number[] = [];
    const [file, edit, view, help] = build('linux', [], recents);
    const items = sub(file);
    const recent = items[items.findIndex((i) => i.id === 'open') + 1];
    expect(recent?.label).toBe('最近使ったファイル(&R)');
    const entry = sub(recent)[0];
    expect(entry).toMatchObject({ label: 'web.kumozu.json', sublabel: '/home/u/diagrams' });
    (entry?.click as () => void)();
    expect(recents).toEqual([0]);
    expect(items.at(-1)).toMatchObject({ role: 'quit' });
    const e = sub(edit);
    expect(e[e.findIndex((i) => i.id === 'copy') - 1]).toMatchObject({ role: 'cut' });
    expect(sub(view).some((i) => i.role === 'togglefullscreen')).toBe(true);
    expect(sub(view).some((i) => i.role === 'toggleDevTools')).toBe(false);
    expect(sub(help).at(-1)).toMatchObject({ role: 'about' });
    expect(sub(build('darwin')[1]).at(-1)).toMatchObject({ role: 'close' });
  });

  it('an empty recent list says so instead of showing an empty submenu', () => {
    const [file] = menuTemplate({ lang: 'en', items: [item('open', 'file', 'Open…')] }, { platform: 'linux', dev: true, recent: [], onAction: () => undefined, onRecent: () => undefined });
    expect(sub(sub(file)[1])).toEqual([{ label: 'No recent files', enabled: false }]);
  });
});

describe('window title and language', () => {
  it('shows the file name and an unsaved marker (macOS marks the close button instead)', () => {
    expect(windowTitle('web.kumozu.json', false, 'linux')).toBe('web.kumozu.json — Kumozu');
    expect(windowTitle('web.kumozu.json', true, 'win32')).toBe('● web.kumozu.json — Kumozu');
    expect(windowTitle('web.kumozu.json', true, 'darwin')).toBe('web.kumozu.json — Kumozu');
    expect(windowTitle('', true, 'linux')).toBe('● Kumozu');
  });

  it('starts in Japanese when the system prefers it', () => {
    expect(systemUiLang(['ja-JP', 'en-US'])).toBe('ja');
    expect(systemUiLang(['en-GB', 'ja'])).toBe('ja');
    expect(systemUiLang(['fr-FR'])).toBe('en');
    expect(systemUiLang([])).toBe('en');
  });
});

describe('the renderer and main agree on menus', () => {
  it('the spec the renderer builds from its action registry passes main’s validator, in both languages', async () => {
    const { ACTIONS } = await import('../../renderer/src/actions/actions');
    const { buildMenuSpec } = await import('../../renderer/src/desktop/menuSpec');
    const { makeI18n } = await import('../../renderer/src/i18n/i18n');
    const { validateRequest } = await import('./ipc-contract');
    for (const lang of ['en', 'ja'] as const) {
      const { t } = makeI18n(lang);
      const built = buildMenuSpec(ACTIONS, { enabled: () => true, checked: (id) => (id === 'snap' ? false : null), label: (a) => t(a.label) }, lang);
      expect(built.items.length).toBeGreaterThan(10);
      const v = validateRequest('menu:set', built);
      expect(v.ok, v.ok ? '' : v.error).toBe(true);
      // And main turns it into menus without losing an item.
      const ids = menuTemplate(built, { platform: 'linux', dev: false, recent: [], onAction: () => undefined, onRecent: () => undefined })
        .flatMap((m) => sub(m))
        .map((i) => i.id)
        .filter((id): id is string => id !== undefined);
      expect(ids.sort()).toEqual(built.items.map((i) => i.id).sort());
    }
  });
});
