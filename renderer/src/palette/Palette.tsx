import { useMemo, useState, type DragEvent, type KeyboardEvent } from 'react';
import { CATEGORIES } from '../../../app/catalog/categories';
import { allKinds } from '../../../app/catalog/registry';
import type { KindSpec } from '../../../app/catalog/types';
import { useI18n } from '../i18n/i18n';
import { useWorkspace } from '../state/context';
import { iconUrl } from '../ui/icons';
import { draggedKind, PALETTE_MIME } from './dragData';

/** Case- and width-insensitive matching, so "ｅｋｓ", "EKS" and "eks" find the same entries. */
export function normalizeQuery(s: string): string {
  return s.normalize('NFKC').toLowerCase().replace(/\s+/g, ' ').trim();
}

export function matchesKind(spec: KindSpec, query: string): boolean {
  const q = normalizeQuery(query);
  if (!q) return true;
  // Names and the kind id only: matching descriptions would bury the entry the user is looking for.
  const hay = normalizeQuery([spec.kind, spec.name.en, spec.name.ja].join(' '));
  return q.split(' ').every((word) => hay.includes(word));
}

export function Palette({ onAdd }: { onAdd: (kind: string) => void }) {
  const ws = useWorkspace();
  const { t, tx } = useI18n();
  const [query, setQuery] = useState('');
  const groups = useMemo(
    () =>
      CATEGORIES.map((c) => ({ category: c, kinds: allKinds().filter((k) => k.category === c.id && matchesKind(k, query)) })).filter(
        (g) => g.kinds.length > 0,
      ),
    [query],
  );

  const onDragStart = (event: DragEvent, kind: string) => {
    draggedKind.current = kind;
    event.dataTransfer.setData(PALETTE_MIME, kind);
    event.dataTransfer.setData('text/plain', kind);
    event.dataTransfer.effectAllowed = 'copy';
  };
  const onDragEnd = (event: DragEvent) => {
    draggedKind.current = null;
    ws.ui.set({ dropTarget: null });
    // A refused drop fires no drop event: released over the canvas, the reason
    // shown while hovering stays up for a moment; released elsewhere, it goes.
    const over = document.elementFromPoint(event.clientX, event.clientY);
    if (over?.closest('[data-testid="canvas"]')) ws.settleRefusal();
    else ws.clearRefusal();
  };
  const onKey = (event: KeyboardEvent, kind: string) => {
    if (event.key === 'Enter' || event.key === ' ') {
      event.preventDefault();
      onAdd(kind);
    }
  };

  return (
    <aside className="k-palette" aria-label={t('palette.title')}>
      <div className="k-panel-title">{t('palette.title')}</div>
      <input
        className="k-search"
        type="search"
        data-testid="palette-search"
        placeholder={t('palette.search')}
        aria-label={t('palette.search')}
        value={query}
        onChange={(e) => setQuery(e.target.value)}
      />
      <div className="k-palette-hint">{t('palette.hint')}</div>
      <div className="k-palette-list">
        {groups.length === 0 && <div className="k-muted">{t('palette.empty', { query })}</div>}
        {groups.map(({ category, kinds }) => (
          <section key={category.id} className="k-palette-group">
            <h3 style={{ borderColor: category.color }}>{tx(category.name)}</h3>
            {kinds.map((k) => (
              <div
                key={k.kind}
                className="k-palette-item"
                data-testid="palette-item"
                data-kind={k.kind}
                draggable
                role="button"
                tabIndex={0}
                title={tx(k.description)}
                onDragStart={(e) => onDragStart(e, k.kind)}
                onDragEnd={onDragEnd}
                onKeyDown={(e) => onKey(e, k.kind)}
                onDoubleClick={() => onAdd(k.kind)}
              >
                <img src={iconUrl(k.icon)} alt="" draggable={false} />
                <span>{tx(k.name)}</span>
              </div>
            ))}
          </section>
        ))}
      </div>
    </aside>
  );
}
