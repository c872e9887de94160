import { useI18n } from '../i18n/i18n';
import { useWorkspace } from '../state/context';
import { useStore } from '../state/store';

/** Why a drop or a connection was refused, next to the pointer (hook `refusal`). */
export function RefusalTooltip() {
  const ws = useWorkspace();
  const { t } = useI18n();
  const refusal = useStore(ws.ui, (s) => s.refusal);
  if (!refusal) return null;
  const left = Math.min(refusal.x + 16, window.innerWidth - 340);
  const top = Math.min(refusal.y + 16, window.innerHeight - 120);
  return (
    <div className="k-refusal" role="alert" style={{ left, top }}>
      <strong>{t('refusal.title')}</strong>
      <div data-testid="refusal">{refusal.text}</div>
    </div>
  );
}

export function Toasts() {
  const ws = useWorkspace();
  const toasts = useStore(ws.ui, (s) => s.toasts);
  return (
    <div className="k-toasts" aria-live="polite">
      {toasts.map((toast) => (
        <div key={toast.id} className={`k-toast k-toast-${toast.level}`} data-testid="toast" data-level={toast.level} role={toast.level === 'error' ? 'alert' : 'status'}>
          <div>{toast.text}</div>
          {toast.details && (
            <ul>
              {toast.details.slice(0, 8).map((d, i) => (
                <li key={i}>{d}</li>
              ))}
              {toast.details.length > 8 && <li>… +{toast.details.length - 8}</li>}
            </ul>
          )}
          <button type="button" aria-label="×" onClick={() => ws.dismissToast(toast.id)}>
            ×
          </button>
        </div>
      ))}
    </div>
  );
}

export function StatusBar() {
  const ws = useWorkspace();
  const { t } = useI18n();
  const nodes = useStore(ws.editor, (s) => s.document.nodes.length);
  const edges = useStore(ws.editor, (s) => s.document.edges.length);
  const dirty = useStore(ws.editor, (s) => s.dirty);
  return (
    <footer className="k-status">
      <span>{t('status.nodes', { count: nodes })}</span>
      <span>{t('status.edges', { count: edges })}</span>
      <span className="k-spacer" />
      <span data-testid="save-state">{dirty ? t('status.unsaved') : t('status.saved')}</span>
    </footer>
  );
}
