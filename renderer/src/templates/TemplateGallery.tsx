import { useEffect, useMemo, useRef, useState } from 'react';
import { renderSvg } from '../../../app/export/svg';
import { parseDiagramValue } from '../../../app/format/parse';
import type { DiagramDocument, Text } from '../../../app/model/types';
import { useI18n } from '../i18n/i18n';
import { useWorkspace } from '../state/context';
import index from '../../../assets/templates/index.json';

/**
 * File > New from template: the reference architectures of assets/templates
 * (ordinary diagram files, also read by the CLI and the tests), each with a
 * preview drawn by the same SVG exporter, and the "spot the mistakes" variants.
 */

interface Entry {
  readonly id: string;
  readonly file: string;
  readonly title: Text;
  readonly description: Text;
  readonly mistakes: boolean;
}

// Loaded on demand: the gallery's diagrams stay out of the main bundle.
const files = import.meta.glob('../../../assets/templates/**/*.kumozu.json', { import: 'default' }) as Record<string, () => Promise<unknown>>;

const entries: readonly Entry[] = [
  ...index.templates.map((t) => ({ id: t.id, file: t.file, title: t.title, description: t.description, mistakes: false })),
  ...index.mistakes.map((m) => ({ id: m.id, file: m.file, title: m.title, description: m.description, mistakes: true })),
];

async function loadTemplate(entry: Entry): Promise<DiagramDocument | null> {
  // index.json names files relative to assets/templates (variants live in mistakes/).
  const key = Object.keys(files).find((k) => k.endsWith(`/templates/${entry.file}`));
  const load = key ? files[key] : undefined;
  if (!load) return null;
  const result = parseDiagramValue(await load());
  return result.ok ? result.document : null;
}

function Preview({ doc }: { doc: DiagramDocument | undefined }) {
  const { lang } = useI18n();
  const src = useMemo(() => (doc ? `data:image/svg+xml;charset=utf-8,${encodeURIComponent(renderSvg(doc, { lang, theme: 'light', embed: false }))}` : null), [doc, lang]);
  return <div className="k-template-preview">{src ? <img src={src} alt="" /> : null}</div>;
}

export function TemplateGallery({ onClose }: { onClose: () => void }) {
  const ws = useWorkspace();
  const { t, tx, lang } = useI18n();
  const [docs, setDocs] = useState<Record<string, DiagramDocument>>({});
  const [showMistakes, setShowMistakes] = useState(false);
  const closeRef = useRef<HTMLButtonElement>(null);

  useEffect(() => {
    let live = true;
    void Promise.all(entries.map(async (e) => [e.id, await loadTemplate(e)] as const)).then((loaded) => {
      if (!live) return;
      const next: Record<string, DiagramDocument> = {};
      for (const [id, doc] of loaded) if (doc) next[id] = doc;
      setDocs(next);
    });
    closeRef.current?.focus();
    const onKey = (e: KeyboardEvent) => {
      if (e.key === 'Escape') onClose();
    };
    window.addEventListener('keydown', onKey);
    return () => {
      live = false;
      window.removeEventListener('keydown', onKey);
    };
  }, [onClose]);

  const pick = (entry: Entry) => {
    const doc = docs[entry.id];
    if (!doc) return;
    if (ws.editor.getState().dirty && !window.confirm(t('file.confirmDiscard'))) return;
    // The files are written in English; in Japanese the diagram's title, description and generated text follow the gallery.
    ws.loadDocument(lang === 'ja' ? { ...doc, meta: { ...doc.meta, title: entry.title.ja, description: entry.description.ja, lang: 'ja' } } : doc, null);
    onClose();
  };

  const shown = entries.filter((e) => e.mistakes === showMistakes);
  return (
    <div className="k-modal-backdrop" onMouseDown={(e) => e.target === e.currentTarget && onClose()}>
      <div className="k-modal k-gallery" role="dialog" aria-modal="true" aria-labelledby="k-gallery-title" data-testid="template-gallery">
        <div className="k-gallery-head">
          <h2 id="k-gallery-title">{t('templates.title')}</h2>
          <div className="k-tabs" role="tablist">
            <button type="button" role="tab" aria-selected={!showMistakes} className={showMistakes ? '' : 'k-active'} onClick={() => setShowMistakes(false)}>
              {t('templates.reference')}
            </button>
            <button type="button" role="tab" aria-selected={showMistakes} data-testid="templates-mistakes" className={showMistakes ? 'k-active' : ''} onClick={() => setShowMistakes(true)}>
              {t('templates.mistakes')}
            </button>
          </div>
          <span className="k-spacer" />
          <button ref={closeRef} type="button" onClick={onClose}>
            {t('export.close')}
          </button>
        </div>
        <p className="k-muted">{showMistakes ? t('templates.mistakesHint') : t('templates.hint')}</p>
        <ul className="k-gallery-grid">
          {shown.map((e) => (
            <li key={e.id}>
              <button type="button" className="k-template" data-testid="template" data-template={e.id} disabled={!docs[e.id]} onClick={() => pick(e)}>
                <Preview doc={docs[e.id]} />
                <strong>{tx(e.title)}</strong>
                <span className="k-muted">{tx(e.description)}</span>
              </button>
            </li>
          ))}
        </ul>
      </div>
    </div>
  );
}
