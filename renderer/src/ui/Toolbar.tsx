import { actionById, type ActionContext } from '../actions/actions';
import { useI18n } from '../i18n/i18n';
import type { MessageKey } from '../i18n/messages';
import { useWorkspace } from '../state/context';
import { useStore } from '../state/store';
import { ToolIcon } from './ToolIcon';

function ActionButton({ id, ctx, testId, icon }: { id: string; ctx: ActionContext; testId?: string; icon?: string }) {
  const { t } = useI18n();
  const action = actionById(id);
  // Re-render when what enables the action changes.
  useStore(ctx.ws.editor, (s) => `${s.canUndo}${s.canRedo}`);
  useStore(ctx.ws.ui, (s) => s.selection);
  if (!action) return null;
  const enabled = action.enabled ? action.enabled(ctx.ws) : true;
  const label = t(action.label as MessageKey);
  const shortcut = action.shortcuts?.[0]?.replace('Mod', navigator.platform.startsWith('Mac') ? '⌘' : 'Ctrl');
  return (
    <button type="button" data-testid={testId} disabled={!enabled} title={shortcut ? `${label} (${shortcut})` : label} aria-label={label} onClick={() => action.perform(ctx)}>
      {icon ? <ToolIcon name={icon} /> : label}
    </button>
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
        <ActionButton id="newFromTemplate" ctx={ctx} testId="file-new-template" />
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
        <ActionButton id="compare" ctx={ctx} testId="compare-open" />
        <ActionButton id="exercises" ctx={ctx} testId="exercises-open" />
        <ActionButton id="quiz" ctx={ctx} testId="quiz-open" />
        <ActionButton id="presentSteps" ctx={ctx} testId="steps-open" />
        <ActionButton id="present" ctx={ctx} testId="present-start" />
        <ActionButton id="fit" ctx={ctx} testId="fit-view" icon="fit" />
        <label className="k-toggle">
          <input type="checkbox" data-testid="snap-toggle" checked={snap} onChange={() => ws.toggleSnap()} />
          {t('view.snap')}
        </label>
        <label className="k-toggle">
          <input type="checkbox" data-testid="minimap-toggle" checked={minimap} onChange={() => ws.toggleMinimap()} />
          {t('view.minimap')}
        </label>
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
