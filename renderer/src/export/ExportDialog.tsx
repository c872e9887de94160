import { useEffect, useRef, useState } from 'react';
import type { Lang } from '../../../app/model/types';
import type { FindingsService } from '../findings/findingsStore';
import { useI18n } from '../i18n/i18n';
import { useWorkspace } from '../state/context';
import { exportMarkdown, exportPng, exportSvg } from './exportImages';

/** The export dialog (hook `export-dialog`): format buttons, and choices that are remembered. */

interface ExportPrefs {
  scale: number;
  theme: 'light' | 'dark';
  lang: Lang;
  embed: boolean;
  badges: boolean;
  transparent: boolean;
}

const PREFS_KEY = 'kumozu.export.v1';

function loadPrefs(fallbackLang: Lang): ExportPrefs {
  const base: ExportPrefs = { scale: 2, theme: 'light', lang: fallbackLang, embed: true, badges: false, transparent: false };
  try {
    const raw = JSON.parse(localStorage.getItem(PREFS_KEY) ?? 'null') as Partial<ExportPrefs> | null;
    if (!raw || typeof raw !== 'object') return base;
    return {
      scale: typeof raw.scale === 'number' && raw.scale >= 1 && raw.scale <= 4 ? raw.scale : base.scale,
      theme: raw.theme === 'dark' ? 'dark' : 'light',
      lang: raw.lang === 'ja' || raw.lang === 'en' ? raw.lang : base.lang,
      embed: raw.embed !== false,
      badges: raw.badges === true,
      transparent: raw.transparent === true,
    };
  } catch {
    return base;
  }
}

function baseName(title: string, fileName: string | null): string {
  const fromFile = fileName?.replace(/\.kumozu\.json$|\.json$|\.png$|\.svg$/i, '');
  const name = (fromFile || title || 'diagram').trim().replace(/[\\/:*?"<>|]+/g, '-');
  return name || 'diagram';
}

export function ExportDialog({ findings, onClose }: { findings: FindingsService; onClose: () => void }) {
  const ws = useWorkspace();
  const { t } = useI18n();
  const [prefs, setPrefs] = useState<ExportPrefs>(() => loadPrefs(ws.editor.getState().document.meta.lang));
  const [busy, setBusy] = useState(false);
  const first = useRef<HTMLButtonElement>(null);

  useEffect(() => {
    first.current?.focus();
    const onKey = (e: KeyboardEvent) => {
      if (e.key === 'Escape') onClose();
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [onClose]);

  const update = (patch: Partial<ExportPrefs>) => {
    const next = { ...prefs, ...patch };
    setPrefs(next);
    try {
      localStorage.setItem(PREFS_KEY, JSON.stringify(next));
    } catch {
      // Remembering the choice is a convenience only.
    }
  };

  const run = async (format: 'png' | 'svg' | 'md') => {
    const doc = ws.editor.getState().document;
    const name = baseName(doc.meta.title, ws.ui.get().file?.name ?? null);
    const list = findings.current();
    const image = { lang: prefs.lang, theme: prefs.theme, embed: prefs.embed, badges: prefs.badges, transparent: prefs.transparent, findings: list };
    setBusy(true);
    try {
      let ref;
      if (format === 'png') {
        const { png, scale } = await exportPng(doc, { ...image, scale: prefs.scale });
        if (scale !== prefs.scale) ws.toast('info', t('export.scaledDown', { from: prefs.scale, to: scale }));
        ref = await ws.files.exportFile(png, `${name}.png`, 'image/png');
      } else if (format === 'svg') {
        ref = await ws.files.exportFile(exportSvg(doc, image), `${name}.svg`, 'image/svg+xml');
      } else {
        ref = await ws.files.exportFile(exportMarkdown(doc, prefs.lang, list, `${name}.png`), `${name}.md`, 'text/markdown');
      }
      if (ref) ws.toast('info', t('export.done', { name: ref.name }));
    } catch (error) {
      ws.toast('error', t('export.failed', { reason: error instanceof Error ? error.message : String(error) }));
    } finally {
      setBusy(false);
    }
  };

  return (
    <div className="k-modal-backdrop" onMouseDown={(e) => e.target === e.currentTarget && onClose()}>
      <div className="k-modal" role="dialog" aria-modal="true" aria-labelledby="k-export-title" data-testid="export-dialog">
        <h2 id="k-export-title">{t('export.title')}</h2>
        <div className="k-export-grid">
          <label htmlFor="k-export-scale">{t('export.scale')}</label>
          <select id="k-export-scale" data-testid="export-scale" value={prefs.scale} onChange={(e) => update({ scale: Number(e.target.value) })}>
            {[1, 2, 3, 4].map((s) => (
              <option key={s} value={s}>
                {s}×
              </option>
            ))}
          </select>
          <label htmlFor="k-export-theme">{t('view.theme')}</label>
          <select id="k-export-theme" data-testid="export-theme" value={prefs.theme} onChange={(e) => update({ theme: e.target.value === 'dark' ? 'dark' : 'light' })}>
            <option value="light">{t('view.themeLight')}</option>
            <option value="dark">{t('view.themeDark')}</option>
          </select>
          <label htmlFor="k-export-lang">{t('view.language')}</label>
          <select id="k-export-lang" data-testid="export-lang" value={prefs.lang} onChange={(e) => update({ lang: e.target.value === 'ja' ? 'ja' : 'en' })}>
            <option value="ja">日本語</option>
            <option value="en">English</option>
          </select>
        </div>
        <label className="k-check">
          <input type="checkbox" data-testid="export-embed" checked={prefs.embed} onChange={(e) => update({ embed: e.target.checked })} />
          {t('export.embed')}
        </label>
        <label className="k-check">
          <input type="checkbox" data-testid="export-badges" checked={prefs.badges} onChange={(e) => update({ badges: e.target.checked })} />
          {t('export.badges')}
        </label>
        <label className="k-check">
          <input type="checkbox" data-testid="export-transparent" checked={prefs.transparent} onChange={(e) => update({ transparent: e.target.checked })} />
          {t('export.transparent')}
        </label>
        <div className="k-modal-actions">
          <button ref={first} type="button" data-testid="export-png" disabled={busy} onClick={() => void run('png')}>
            PNG
          </button>
          <button type="button" data-testid="export-svg" disabled={busy} onClick={() => void run('svg')}>
            SVG
          </button>
          <button type="button" data-testid="export-md" disabled={busy} onClick={() => void run('md')}>
            Markdown
          </button>
          <span className="k-spacer" />
          <button type="button" data-testid="export-close" onClick={onClose}>
            {t('export.close')}
          </button>
        </div>
        <p className="k-muted">{t('export.hint')}</p>
      </div>
    </div>
  );
}
