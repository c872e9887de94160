import { useEffect } from 'react';
import { DATA_PLANE_OPTIONS, TX } from '../../../app/export/markdown-texts';
import { useI18n } from '../i18n/i18n';
import { useWorkspace } from '../state/context';
import { useStore } from '../state/store';

/**
 * The data-plane comparison of the study notes as a table, with the options
 * the open diagram uses highlighted; a row selects those components on the
 * canvas. The same data feeds the Markdown export, so both always agree.
 */
export function ComparisonDialog({ onClose }: { onClose: () => void }) {
  const ws = useWorkspace();
  const { t, tx } = useI18n();
  const nodes = useStore(ws.editor, (s) => s.document.nodes);

  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      if (e.key === 'Escape') onClose();
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [onClose]);

  const usedBy = (kinds: readonly string[]) => nodes.filter((n) => kinds.includes(n.kind)).map((n) => n.id);

  return (
    <div className="k-modal-backdrop" onMouseDown={(e) => e.target === e.currentTarget && onClose()}>
      <div className="k-modal k-compare" role="dialog" aria-modal="true" aria-labelledby="k-compare-title" data-testid="comparison">
        <div className="k-gallery-head">
          <h2 id="k-compare-title">{tx(TX.comparison)}</h2>
          <span className="k-spacer" />
          <button type="button" onClick={onClose}>
            {t('export.close')}
          </button>
        </div>
        <p className="k-muted">{t('compare.hint')}</p>
        <table className="k-compare-table">
          <thead>
            <tr>
              <th>{tx(TX.colOption)}</th>
              <th>{tx(TX.colManagement)}</th>
              <th>{tx(TX.colCustomisation)}</th>
              <th>{tx(TX.colCost)}</th>
              <th>{t('compare.scaling')}</th>
              <th>{t('compare.workloads')}</th>
            </tr>
          </thead>
          <tbody>
            {DATA_PLANE_OPTIONS.map((o) => {
              const ids = usedBy(o.kinds);
              return (
                <tr key={o.kinds.join()} className={ids.length > 0 ? 'k-used' : undefined} data-testid="comparison-row" data-kinds={o.kinds.join(' ')} data-used={ids.length}>
                  <th scope="row">
                    {tx(o.name)}
                    {ids.length > 0 && (
                      <button type="button" className="k-used-badge" onClick={() => { ws.frame({ nodes: ids }); onClose(); }}>
                        {t('compare.used', { count: ids.length })}
                      </button>
                    )}
                  </th>
                  <td>{tx(o.management)}</td>
                  <td>{tx(o.customisation)}</td>
                  <td>{tx(o.cost)}</td>
                  <td>{tx(o.scaling)}</td>
                  <td>{tx(o.workloads)}</td>
                </tr>
              );
            })}
          </tbody>
        </table>
      </div>
    </div>
  );
}
