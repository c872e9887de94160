import { useMemo, useState } from 'react';
import { getRule } from '../../../app/rules/registry';
import { quickFixFor } from '../../../app/rules/engine';
import type { Finding, RuleCategory, Severity } from '../../../app/rules/types';
import { useI18n } from '../i18n/i18n';
import { useWorkspace } from '../state/context';
import { useStore } from '../state/store';
import type { FindingsService } from './findingsStore';

const SEVERITIES: readonly Severity[] = ['error', 'warning', 'info'];

function FindingRow({ finding, open, onToggle }: { finding: Finding; open: boolean; onToggle: () => void }) {
  const ws = useWorkspace();
  const { t, tx, lang } = useI18n();
  const rule = getRule(finding.rule);
  const fix = useMemo(() => quickFixFor(ws.editor.getState().document, finding), [ws, finding]);
  const frame = () => {
    ws.frame({ nodes: [...finding.nodes], edges: [...finding.edges] });
    onToggle();
  };
  return (
    <li
      className={`k-finding k-sev-${finding.severity}${open ? ' k-open' : ''}`}
      data-testid="finding"
      data-rule={finding.rule}
      data-severity={finding.severity}
      data-nodes={finding.nodes.join(' ')}
    >
      <div className="k-finding-line">
        <button type="button" className="k-finding-main" onClick={frame} aria-expanded={open}>
          <span className={`k-sev-dot k-sev-${finding.severity}`} aria-label={t(`severity.${finding.severity}`)} />
          <code className="k-rule-id">{finding.rule}</code>
          <span className="k-finding-msg">{finding.message}</span>
        </button>
        {fix && (
          <button
            type="button"
            className="k-quick-fix"
            data-testid="quick-fix"
            title={tx(fix.label)}
            onClick={() => ws.dispatch(fix.command, `${t('findings.quickFix')}: ${finding.rule}`)}
          >
            {t('findings.quickFix')}
          </button>
        )}
      </div>
      {open && rule && (
        <div className="k-finding-detail" data-testid="finding-detail">
          <div className="k-finding-title">{tx(rule.title)}</div>
          <p>
            <strong>{t('findings.why')}</strong> {tx(rule.why)}
          </p>
          <p>
            <strong>{t('findings.fix')}</strong> {tx(rule.fix)}
          </p>
          {fix && (
            <p>
              <strong>{t('findings.quickFix')}:</strong> {tx(fix.label)}
            </p>
          )}
          {rule.sources.length > 0 && (
            <div className="k-sources">
              <strong>{t('findings.sources')}</strong>
              <ul>
                {rule.sources.map((s, i) => (
                  <li key={i}>{s.url ? <a href={s.url} target="_blank" rel="noreferrer noopener">{s.label[lang]}</a> : s.label[lang]}</li>
                ))}
              </ul>
            </div>
          )}
        </div>
      )}
    </li>
  );
}

export function FindingsPanel({ service }: { service: FindingsService }) {
  const { t } = useI18n();
  const findings = useStore(service.store, (s) => s.findings);
  const [severity, setSeverity] = useState<Severity | 'all'>('all');
  const [category, setCategory] = useState<RuleCategory | 'all'>('all');
  const [openKey, setOpenKey] = useState<string | null>(null);
  const [collapsed, setCollapsed] = useState(false);
  const counts = useMemo(() => {
    const c: Record<Severity, number> = { error: 0, warning: 0, info: 0 };
    for (const f of findings) c[f.severity]++;
    return c;
  }, [findings]);
  const categories = useMemo(() => [...new Set(findings.map((f) => getRule(f.rule)?.category).filter((c): c is RuleCategory => c !== undefined))].sort(), [findings]);
  const shown = findings.filter((f) => (severity === 'all' || f.severity === severity) && (category === 'all' || getRule(f.rule)?.category === category));
  const keyOf = (f: Finding) => `${f.rule}|${f.nodes.join(',')}|${f.edges.join(',')}|${f.message}`;

  return (
    <section className={`k-findings${collapsed ? ' k-collapsed' : ''}`} data-testid="findings" aria-label={t('findings.title')}>
      <header className="k-findings-head">
        <button type="button" className="k-link" onClick={() => setCollapsed(!collapsed)} aria-expanded={!collapsed}>
          {collapsed ? '▸' : '▾'} {t('findings.title')}
        </button>
        {SEVERITIES.map((s) => (
          <button
            key={s}
            type="button"
            className={`k-count k-sev-${s}${severity === s ? ' k-active' : ''}`}
            data-testid={`findings-count-${s}`}
            data-count={counts[s]}
            aria-pressed={severity === s}
            onClick={() => setSeverity(severity === s ? 'all' : s)}
          >
            <span className={`k-sev-dot k-sev-${s}`} /> {counts[s]} {t(`severity.${s}`)}
          </button>
        ))}
        <select data-testid="findings-category" aria-label={t('findings.category')} value={category} onChange={(e) => setCategory(e.target.value as RuleCategory | 'all')}>
          <option value="all">{t('findings.allCategories')}</option>
          {categories.map((c) => (
            <option key={c} value={c}>
              {t(`category.${c}`)}
            </option>
          ))}
        </select>
      </header>
      {!collapsed && (
        <ul className="k-findings-list">
          {shown.length === 0 && <li className="k-muted k-findings-empty">{findings.length === 0 ? t('findings.none') : t('findings.noneFiltered')}</li>}
          {shown.map((f) => {
            const key = keyOf(f);
            return <FindingRow key={key} finding={f} open={openKey === key} onToggle={() => setOpenKey(openKey === key ? null : key)} />;
          })}
        </ul>
      )}
    </section>
  );
}
