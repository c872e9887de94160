import { useEffect, useRef, useState, type KeyboardEvent as ReactKeyboardEvent } from 'react';
import { actionById, type ActionContext } from '../actions/actions';
import { useI18n } from '../i18n/i18n';
import type { MessageKey } from '../i18n/messages';
import { useWorkspace } from '../state/context';
import { useStore } from '../state/store';
import { ToolIcon } from './ToolIcon';

function ActionButton({ id, ctx, testId, icon, short, pressed, menuItem, after }: {
  id: string;
  ctx: ActionContext;
  testId?: string;
  icon?: string;
  short?: MessageKey;
  pressed?: boolean;
  /** Rendered as an item of a toolbar menu, with its shortcut shown. */
  menuItem?: boolean;
  after?: () => void;
}) {
  const { t } = useI18n();
  const action = actionById(id);
  // Re-render when what enables the action changes.
  useStore(ctx.ws.editor, (s) => `${s.canUndo}${s.canRedo}`);
  useStore(ctx.ws.ui, (s) => s.selection);
  if (!action) return null;
  const enabled = action.enabled ? action.enabled(ctx.ws) : true;
  const label = t(action.label as MessageKey);
  const shortcut = action.shortcuts?.[0]?.replace('Mod', navigator.platform.startsWith('Mac') ? '⌘' : 'Ctrl');
  if (menuItem) {
    return (
      <button type="button" role={pressed === undefined ? 'menuitem' : 'menuitemcheckbox'} aria-checked={pressed} data-testid={testId} disabled={!enabled} onClick={() => { after?.(); action.perform(ctx); }}>
        <span>{label}</span>
        {shortcut && <kbd>{shortcut}</kbd>}
      </button>
    );
  }
  return (
    <button type="button" data-testid={testId} disabled={!enabled} title={shortcut ? `${label} (${shortcut})` : label} aria-label={label} aria-pressed={pressed} onClick={() => action.perform(ctx)}>
      {icon ? <ToolIcon name={icon} /> : short ? t(short) : label}
    </button>
  );
}

/** The teaching features, gathered in one menu so the toolbar keeps to one row. */
function TeachMenu({ ctx }: { ctx: ActionContext }) {
  const { tx } = useI18n();
  const ws = ctx.ws;
  const exercisesOpen = useStore(ws.ui, (s) => s.exercisesOpen);
  const stepsOpen = useStore(ws.ui, (s) => s.stepsOpen);
  const [open, setOpen] = useState(false);
  const root = useRef<HTMLDivElement>(null);
  useEffect(() => {
    if (!open) return;
    const onDown = (e: PointerEvent) => {
      if (!root.current?.contains(e.target as Node)) setOpen(false);
    };
    window.addEventListener('pointerdown', onDown, true);
    root.current?.querySelector<HTMLButtonElement>('[role^="menuitem"]')?.focus();
    return () => window.removeEventListener('pointerdown', onDown, true);
  }, [open]);
  const onKeyDown = (e: ReactKeyboardEvent) => {
    if (!open) return;
    const items = [...(root.current?.querySelectorAll<HTMLButtonElement>('[role^="menuitem"]:not(:disabled)') ?? [])];
    const at = items.indexOf(document.activeElement as HTMLButtonElement);
    if (e.key === 'Escape') {
      setOpen(false);
      root.current?.querySelector<HTMLButtonElement>('[data-testid="teach-menu"]')?.focus();
    } else if (e.key === 'ArrowDown' || e.key === 'ArrowUp') {
      const next = items[(at + (e.key === 'ArrowDown' ? 1 : items.length - 1)) % items.length];
      next?.focus();
    } else return;
    e.preventDefault();
    e.stopPropagation();
  };
  const close = () => setOpen(false);
  return (
    <div className="k-menu" ref={root} onKeyDown={onKeyDown}>
      <button type="button" data-testid="teach-menu" aria-haspopup="menu" aria-expanded={open} onClick={() => setOpen(!open)}>
        {tx({ en: 'Teach', ja: '学習' })} ▾
      </button>
      {open && (
        <div className="k-menu-list" role="menu" aria-label={tx({ en: 'Teach', ja: '学習' })}>
          <ActionButton id="compare" ctx={ctx} testId="compare-open" menuItem after={close} />
          <ActionButton id="exercises" ctx={ctx} testId="exercises-open" menuItem pressed={exercisesOpen} after={close} />
          <ActionButton id="quiz" ctx={ctx} testId="quiz-open" menuItem after={close} />
          <div className="k-menu-sep" role="separator" />
          <ActionButton id="presentSteps" ctx={ctx} testId="steps-open" menuItem pressed={stepsOpen} after={close} />
          <ActionButton id="present" ctx={ctx} testId="present-start" menuItem after={close} />
        </div>
      )}
    </div>
  );
}

export function Toolbar({ ctx }: { ctx: ActionContext }) {
  const ws = useWorkspace();
  const { t, lang } = useI18n();
  const theme = useStore(ws.ui, (s) => s.theme);
  const snap = useStore(ws.ui, (s) => s.snap);
  const minimap = useStore(ws.ui, (s) => s.minimap);
  const dirty = useStore(ws.editor, (s) => s.dirty);
  const title = useStore(ws.editor, (s) => s.document.meta.title);
  const fileName = useStore(ws.ui, (s) => s.file?.name ?? null);
  return (
    <header className="k-toolbar" role="toolbar">
      <div className="k-brand">
        <span className="k-brand-mark">雲図</span>
        <span>Kumozu</span>
      </div>
      <div className="k-group">
        <ActionButton id="new" ctx={ctx} testId="file-new" />
        <ActionButton id="newFromTemplate" ctx={ctx} testId="file-new-template" short="toolbar.templates" />
        <ActionButton id="open" ctx={ctx} testId="file-open" />
        <ActionButton id="save" ctx={ctx} testId="file-save" />
        <ActionButton id="saveAs" ctx={ctx} testId="file-save-as" />
        <ActionButton id="export" ctx={ctx} testId="file-export" />
      </div>
      <div className="k-group">
        <ActionButton id="undo" ctx={ctx} testId="undo" icon="undo" />
        <ActionButton id="redo" ctx={ctx} testId="redo" icon="redo" />
        <ActionButton id="delete" ctx={ctx} testId="delete" icon="delete" />
        <ActionButton id="duplicate" ctx={ctx} testId="duplicate" icon="duplicate" />
      </div>
      <div className="k-title" data-testid="doc-title">
        {dirty && <span className="k-dirty" title={t('status.unsaved')} data-testid="dirty-marker">●</span>}
        {fileName ?? (title || t('untitled'))}
      </div>
      <div className="k-group">
        <TeachMenu ctx={ctx} />
      </div>
      <div className="k-group">
        <ActionButton id="fit" ctx={ctx} testId="fit-view" icon="fit" />
        <ActionButton id="snap" ctx={ctx} testId="snap-toggle" icon="grid" pressed={snap} />
        <ActionButton id="minimap" ctx={ctx} testId="minimap-toggle" icon="minimap" pressed={minimap} />
        <select data-testid="theme-switch" aria-label={t('view.theme')} value={theme} onChange={(e) => ws.setTheme(e.target.value === 'dark' ? 'dark' : 'light')}>
          <option value="light">{t('view.themeLight')}</option>
          <option value="dark">{t('view.themeDark')}</option>
        </select>
        <select data-testid="lang-switch" aria-label={t('view.language')} value={lang} onChange={(e) => ws.setLang(e.target.value === 'ja' ? 'ja' : 'en')}>
          <option value="ja">日本語</option>
          <option value="en">English</option>
        </select>
      </div>
    </header>
  );
}
