import type { MenuItemConstructorOptions } from 'electron';
import type { MenuItemSpec, MenuName, MenuSpec, UiLang } from './ipc-contract';

/**
 * The native menus, as plain data (Electron's MenuItemConstructorOptions),
 * built from the renderer's validated MenuSpec plus what the platform
 * expects: the macOS app menu, cut (the renderer has no action for it), the
 * window menu, Open Recent, full screen, about, quit or close. Imports
 * nothing from Electron at runtime, so it is tested without it.
 */

type Platform = NodeJS.Platform;

const TEXT: Record<UiLang, Record<'file' | 'edit' | 'view' | 'window' | 'help' | 'openRecent' | 'noRecent' | 'cut' | 'about' | 'quit' | 'close' | 'fullScreen' | 'devTools' | 'reload', string>> = {
  en: {
    file: '&File',
    edit: '&Edit',
    view: '&View',
    window: '&Window',
    help: '&Help',
    openRecent: 'Open &Recent',
    noRecent: 'No recent files',
    cut: 'Cu&t',
    about: 'About Kumozu',
    quit: 'E&xit',
    close: 'Close Window',
    fullScreen: 'Toggle Full Screen',
    devTools: 'Developer Tools',
    reload: 'Reload',
  },
  ja: {
    file: 'ファイル(&F)',
    edit: '編集(&E)',
    view: '表示(&V)',
    window: 'ウインドウ(&W)',
    help: 'ヘルプ(&H)',
    openRecent: '最近使ったファイル(&R)',
    noRecent: '最近使ったファイルはありません',
    cut: '切り取り(&T)',
    about: 'Kumozu について',
    quit: '終了(&X)',
    close: 'ウインドウを閉じる',
    fullScreen: '全画面表示の切り替え',
    devTools: '開発者ツール',
    reload: '再読み込み',
  },
};

/**
 * Accelerators every user of the platform expects for these actions,
 * whatever the renderer's own keys (a browser reserves Ctrl+N, so the web
 * edition uses Mod+Alt+N; the desktop app can use the usual one).
 */
export function usualAccelerator(id: string, platform: Platform): string | undefined {
  switch (id) {
    case 'new':
      return 'CmdOrCtrl+N';
    case 'redo':
      return platform === 'win32' ? 'Ctrl+Y' : 'CmdOrCtrl+Shift+Z';
    case 'delete':
      return 'Delete';
    default:
      return undefined;
  }
}

/** The accelerator shown (and registered) for an item: the platform's usual one, else the renderer's first. */
export function pickAccelerator(item: Pick<MenuItemSpec, 'id' | 'accelerators'>, platform: Platform): string | undefined {
  return usualAccelerator(item.id, platform) ?? item.accelerators[0];
}

/**
 * Keys that must reach the page even while a menu item claims them: a menu
 * accelerator for Delete, Backspace or Shift+1 could take the key from a text
 * field, so those are displayed only (Linux, Windows) or not shown (macOS).
 */
function displayOnly(accelerator: string | undefined): boolean {
  return accelerator !== undefined && !/(CmdOrCtrl|Ctrl|Alt)\+/.test(accelerator);
}

export interface RecentEntry {
  readonly name: string;
  /** A label that tells apart two files of the same name (the folder). */
  readonly detail: string;
}

export interface MenuOptions {
  readonly platform: Platform;
  /** Development builds get Reload and DevTools in the View menu. */
  readonly dev: boolean;
  readonly recent: readonly RecentEntry[];
  /** A renderer action was clicked. */
  readonly onAction: (id: string) => void;
  /** An Open Recent entry was clicked (index into `recent`). */
  readonly onRecent: (index: number) => void;
}

function itemsOf(spec: MenuSpec, menu: MenuName, platform: Platform, onAction: (id: string) => void): MenuItemConstructorOptions[] {
  const out: MenuItemConstructorOptions[] = [];
  for (const item of spec.items) {
    if (item.menu !== menu) continue;
    if (item.separatorBefore && out.length > 0) out.push({ type: 'separator' });
    const picked = pickAccelerator(item, platform);
    // macOS cannot display an accelerator without registering it (registerAccelerator is Linux/Windows only),
    // so keys a text field needs get none there: the page's own shortcuts still handle them.
    const accelerator = platform === 'darwin' && displayOnly(picked) ? undefined : picked;
    out.push({
      id: item.id,
      label: item.label,
      enabled: item.enabled,
      ...(item.checked === null ? {} : { type: 'checkbox' as const, checked: item.checked }),
      ...(accelerator !== undefined ? { accelerator } : {}),
      ...(displayOnly(accelerator) ? { registerAccelerator: false } : {}),
      click: () => onAction(item.id),
    });
  }
  return out;
}

/** The whole application menu. */
export function menuTemplate(spec: MenuSpec, opts: MenuOptions): MenuItemConstructorOptions[] {
  const t = TEXT[spec.lang];
  const mac = opts.platform === 'darwin';
  // Menu mnemonics (&F) are a Windows/Linux convention; macOS shows the ampersand literally.
  const l = (s: string): string => (mac ? s.replace(/\(&[A-Z]\)$/, '').replace(/&/g, '') : s);
  const file = itemsOf(spec, 'file', opts.platform, opts.onAction);
  const recent: MenuItemConstructorOptions = {
    label: l(t.openRecent),
    submenu:
      opts.recent.length === 0
        ? [{ label: t.noRecent, enabled: false }]
        : opts.recent.map((r, i) => ({ label: r.name, sublabel: r.detail, toolTip: r.detail, click: () => opts.onRecent(i) })),
  };
  // Open Recent goes right after Open.
  const openAt = file.findIndex((i) => i.id === 'open');
  file.splice(openAt < 0 ? file.length : openAt + 1, 0, recent);
  file.push({ type: 'separator' }, mac ? { role: 'close', label: t.close } : { role: 'quit', label: l(t.quit) });

  const edit = itemsOf(spec, 'edit', opts.platform, opts.onAction);
  // Cut acts on text fields only (the diagram has no cut); it goes before Copy.
  const copyAt = edit.findIndex((i) => i.id === 'copy');
  edit.splice(copyAt < 0 ? edit.length : copyAt, 0, { role: 'cut', label: l(t.cut) });

  const view = itemsOf(spec, 'view', opts.platform, opts.onAction);
  view.push({ type: 'separator' }, { role: 'togglefullscreen', label: t.fullScreen });
  if (opts.dev) view.push({ role: 'reload', label: t.reload }, { role: 'toggleDevTools', label: t.devTools });

  const help = itemsOf(spec, 'help', opts.platform, opts.onAction);
  if (!mac) help.push(...(help.length > 0 ? [{ type: 'separator' as const }] : []), { role: 'about', label: t.about });

  return [
    ...(mac ? [{ role: 'appMenu' as const }] : []),
    { label: l(t.file), submenu: file },
    { label: l(t.edit), submenu: edit },
    { label: l(t.view), submenu: view },
    ...(mac ? [{ role: 'windowMenu' as const, label: l(t.window) }] : []),
    { role: 'help', label: l(t.help), submenu: help },
  ];
}

/** A menu before the renderer has sent its own: the platform items only, in the system language. */
export function initialMenuSpec(lang: UiLang): MenuSpec {
  return { lang, items: [] };
}

/** The window title: the file's name, a marker while there are unsaved changes (macOS shows it on the close button instead). */
export function windowTitle(name: string, dirty: boolean, platform: Platform): string {
  const base = name.trim() === '' ? 'Kumozu' : `${name} — Kumozu`;
  return dirty && platform !== 'darwin' ? `● ${base}` : base;
}

/** Texts main shows itself (dialog filters, the native close question when the page does not answer). */
export const NATIVE_TEXT: Record<UiLang, { openableFilter: string; diagramFilter: string; imageFilter: string; unsavedMessage: string; unsavedDetail: string; closeAnyway: string; cancel: string }> = {
  en: {
    openableFilter: 'Kumozu diagrams and exported images',
    diagramFilter: 'Kumozu diagram',
    imageFilter: 'Exported image with a diagram',
    unsavedMessage: 'The diagram has unsaved changes.',
    unsavedDetail: 'The window is not responding, so it cannot save them now. A recovery draft is kept and offered the next time Kumozu starts.',
    closeAnyway: 'Close without saving',
    cancel: 'Cancel',
  },
  ja: {
    openableFilter: 'Kumozu 構成図とエクスポート画像',
    diagramFilter: 'Kumozu 構成図',
    imageFilter: '構成図を含むエクスポート画像',
    unsavedMessage: '構成図に保存していない変更があります。',
    unsavedDetail: 'ウインドウが応答しないため、いま保存できません。復元用の下書きを残し、次に Kumozu を起動したときに復元を提案します。',
    closeAnyway: '保存せずに閉じる',
    cancel: 'キャンセル',
  },
};

/** The first UI language before the renderer says which one the user chose: Japanese when the system prefers it anywhere in its list, like the renderer's systemLang. */
export function systemUiLang(preferred: readonly string[]): UiLang {
  return preferred.some((l) => l.toLowerCase().startsWith('ja')) ? 'ja' : 'en';
}
