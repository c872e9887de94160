import { useEffect, useRef, useState, type ReactNode } from 'react';
import { parseDiagram } from '../../../app/format/parse';
import { ACTIONS, actionById, isTyping, type ActionContext } from '../actions/actions';
import { useI18n } from '../i18n/i18n';
import { useStore } from '../state/store';
import { EMPTY_SELECTION, type Workspace } from '../state/workspace';
import type { DraftInfo } from './api';
import { createDraftKeeper, type DraftKeeper } from './draftKeeper';
import { describeOpenFailure } from './failures';
import { buildMenuSpec, menuEffect } from './menuSpec';
import { desktopSession, type DesktopSession } from './session';
import { fill, plainName, TEXT } from './texts';
import './desktop.css';

/** How often a dirty diagram is written to the crash drafts folder. */
export const DRAFT_INTERVAL_MS = 4000;

/**
 * Desktop shell integration (issue 5): native menus fed from the action
 * registry, the window title, the save-conflict and close questions, crash
 * draft recovery, files opened by main (command line, second instance, OS,
 * Open Recent) or dropped on the window. Renders nothing in the web edition.
 */
export function DesktopBridge({ ctx }: { ctx: ActionContext }) {
  const session = desktopSession();
  return session ? <DesktopUi session={session} ctx={ctx} /> : null;
}

/** Fire-and-forget calls to main: a refusal is main's to log; the page must not fail over it. */
function quietly(p: Promise<unknown>): void {
  p.catch((e: unknown) => console.warn(`desktop: ${e instanceof Error ? e.message : String(e)}`));
}

function randomId(): string {
  return crypto.randomUUID();
}

/** Asks before replacing a diagram with unsaved changes (same question as Open). */
function mayReplace(ws: Workspace): boolean {
  return !ws.editor.getState().dirty || window.confirm(ws.i18n().t('file.confirmDiscard'));
}

function DesktopUi({ session, ctx }: { session: DesktopSession; ctx: ActionContext }) {
  const { api } = session;
  const ws = ctx.ws;
  const { t, tx } = useI18n();
  const dirty = useStore(ws.editor, (s) => s.dirty);
  const fileName = useStore(ws.ui, (s) => s.file?.name ?? null);
  const title = useStore(ws.editor, (s) => s.document.meta.title);
  const conflict = useStore(session.prompts, (s) => s.conflict);
  const [closing, setClosing] = useState(false);
  const [drafts, setDrafts] = useState<readonly DraftInfo[]>([]);
  const keeper = useRef<DraftKeeper | null>(null);
  const ctxRef = useRef(ctx);
  useEffect(() => {
    ctxRef.current = ctx;
  }, [ctx]);

  const shownName = fileName ?? (title || t('untitled'));

  // The session words failures and reloads through the workspace.
  useEffect(() => {
    session.attach({ lang: () => ws.ui.get().lang, load: (f) => void ws.openBytes(f.bytes, f.ref), toast: (level, text) => ws.toast(level, text) });
  }, [session, ws]);

  // Window title: the file's name; main adds the unsaved marker (or the macOS close-button dot).
  useEffect(() => {
    quietly(api.setTitle(plainName(shownName)));
  }, [api, shownName]);
  useEffect(() => {
    quietly(api.setDirty(dirty));
  }, [api, dirty]);

  // Native menus: rebuilt (debounced) when labels, enabled or checked states change.
  useEffect(() => {
    let last = '';
    let timer: ReturnType<typeof setTimeout> | undefined;
    const send = () => {
      const { lang, snap, minimap } = ws.ui.get();
      const { t: tr } = ws.i18n();
      const spec = buildMenuSpec(
        ACTIONS,
        {
          enabled: (a) => a.enabled?.(ws) ?? true,
          checked: (id) => (id === 'snap' ? snap : id === 'minimap' ? minimap : null),
          label: (a) => tr(a.label),
        },
        lang,
      );
      const json = JSON.stringify(spec);
      if (json === last) return;
      last = json;
      quietly(api.setMenu(spec));
    };
    const schedule = () => {
      clearTimeout(timer);
      timer = setTimeout(send, 60);
    };
    send();
    const offUi = ws.ui.subscribe(schedule);
    const offEditor = ws.editor.subscribe(schedule);
    return () => {
      clearTimeout(timer);
      offUi();
      offEditor();
    };
  }, [api, ws]);

  // Menu clicks come back as action ids.
  useEffect(
    () =>
      api.onMenu((id) => {
        const action = actionById(id);
        if (!action) return;
        // The presenter and the quiz own the keyboard: menu accelerators must not edit the diagram behind them.
        const ui = ws.ui.get();
        if (ui.presenting || ui.quizOpen) return;
        const effect = menuEffect(id, isTyping(document.activeElement));
        if (effect.kind === 'ignore') return;
        if (effect.kind === 'editText') {
          quietly(api.editText(effect.command));
          return;
        }
        if (action.enabled && !action.enabled(ws)) return;
        action.perform(ctxRef.current);
      }),
    [api, ws],
  );

  // Files main opened (command line, second instance, the OS, Open Recent).
  useEffect(
    () =>
      api.onOpened((file) => {
        if (mayReplace(ws)) ws.openBytes(file.bytes, file.ref);
      }),
    [api, ws],
  );

  useEffect(
    () =>
      api.onOpenFailed(({ name, reason }) => {
        const lang = ws.ui.get().lang;
        ws.toast('error', fill(TEXT.openFailedNamed[lang], { name, why: describeOpenFailure(reason, lang) }));
      }),
    [api, ws],
  );

  // Crash drafts: written while dirty, removed once clean; offered for restore at start.
  useEffect(() => {
    const k = createDraftKeeper({
      write: (id, draftTitle, text) => api.drafts.write(id, draftTitle, text),
      discard: (id) => api.drafts.discard(id),
      snapshot: () => {
        const doc = ws.editor.getState().document;
        return { text: ws.serialize(), title: plainName(ws.ui.get().file?.name ?? (doc.meta.title || ws.i18n().t('untitled'))) };
      },
      newId: randomId,
      setTimer: (fn, ms) => setTimeout(fn, ms),
      clearTimer: (h) => clearTimeout(h as ReturnType<typeof setTimeout>),
      intervalMs: DRAFT_INTERVAL_MS,
      log: (m) => console.warn(m),
    });
    keeper.current = k;
    const off = ws.editor.subscribe((s) => {
      if (!s.inGesture) k.update(s.dirty);
    });
    let live = true;
    void api.drafts.list().then(
      (list) => {
        if (live) setDrafts(list.filter((d) => d.id !== k.id));
      },
      () => undefined,
    );
    return () => {
      live = false;
      off();
      k.stop();
      keeper.current = null;
    };
  }, [api, ws]);

  // Closing or quitting with unsaved changes: main asks us.
  useEffect(
    () =>
      api.onCloseRequest(() => {
        quietly(api.closeAcknowledged());
        setClosing(true);
      }),
    [api],
  );

  // Files dropped on the window open like Open… (they have no known location, so Save asks where).
  useEffect(() => {
    const hasFiles = (e: DragEvent) => e.dataTransfer?.types.includes('Files') ?? false;
    const onDragOver = (e: DragEvent) => {
      if (!hasFiles(e) || e.defaultPrevented) return;
      e.preventDefault();
      if (e.dataTransfer) e.dataTransfer.dropEffect = 'copy';
    };
    const onDrop = (e: DragEvent) => {
      const files = e.dataTransfer?.files;
      if (!hasFiles(e) || e.defaultPrevented || !files || files.length === 0) return;
      e.preventDefault();
      const [file] = files;
      if (!file || !mayReplace(ws)) return;
      void file.arrayBuffer().then((buf) => {
        if (ws.openBytes(new Uint8Array(buf), { name: file.name }) && files.length > 1) {
          ws.toast('info', fill(TEXT.droppedMany[ws.ui.get().lang], { count: files.length }));
        }
      });
    };
    window.addEventListener('dragover', onDragOver);
    window.addEventListener('drop', onDrop);
    return () => {
      window.removeEventListener('dragover', onDragOver);
      window.removeEventListener('drop', onDrop);
    };
  }, [ws]);

  async function restoreDraft(d: DraftInfo): Promise<void> {
    const lang = ws.ui.get().lang;
    if (!mayReplace(ws)) return;
    const text = await api.drafts.restore(d.id).catch(() => null);
    const parsed = text === null ? null : parseDiagram(text);
    if (!parsed?.ok) {
      ws.toast('error', fill(TEXT.draftUnreadable[lang], { name: d.title }));
      return;
    }
    // The restored work keeps its draft file until it is saved or discarded.
    keeper.current?.adopt(d.id);
    ws.editor.load(parsed.document, { dirty: true });
    ws.ui.set((s) => ({ file: null, selection: EMPTY_SELECTION, fitRequest: s.fitRequest + 1 }));
    ws.toast('info', fill(TEXT.draftRestored[lang], { name: d.title }));
    setDrafts((list) => list.filter((x) => x.id !== d.id));
  }

  async function discardDraft(d: DraftInfo): Promise<void> {
    await api.drafts.discard(d.id).catch(() => false);
    setDrafts((list) => list.filter((x) => x.id !== d.id));
  }

  async function closeWith(choice: 'save' | 'discard' | 'cancel'): Promise<void> {
    if (choice === 'cancel') {
      setClosing(false);
      return;
    }
    if (choice === 'save') {
      const saved = await ws.save();
      // Cancelled, failed or in conflict: the window stays, with the reason on screen.
      if (!saved) {
        setClosing(false);
        return;
      }
    }
    // Saved or knowingly discarded: the draft goes before the window does, or the next start would offer it.
    await keeper.current?.discardNow();
    setClosing(false);
    quietly(api.confirmClose());
  }

  if (conflict) {
    return (
      <Dialog testId="desktop-conflict" title={tx(TEXT.conflictTitle)} onCancel={() => conflict.answer('cancel')}>
        <p>{fill(tx(TEXT.conflictBody), { name: conflict.name })}</p>
        <p className="k-desktop-hint">{tx(TEXT.conflictReloadHint)}</p>
        <div className="k-modal-actions">
          <button type="button" className="k-desktop-primary" data-testid="conflict-save-elsewhere" autoFocus onClick={() => conflict.answer('saveElsewhere')}>
            {tx(TEXT.conflictSaveElsewhere)}
          </button>
          <button type="button" data-testid="conflict-reload" onClick={() => conflict.answer('reload')}>
            {tx(TEXT.conflictReload)}
          </button>
          <button type="button" data-testid="conflict-cancel" onClick={() => conflict.answer('cancel')}>
            {tx(TEXT.cancel)}
          </button>
        </div>
      </Dialog>
    );
  }

  if (closing) {
    return (
      <Dialog testId="desktop-close" title={tx(TEXT.closeTitle)} onCancel={() => void closeWith('cancel')}>
        <p>{fill(tx(TEXT.closeBody), { name: shownName })}</p>
        <div className="k-modal-actions">
          <button type="button" className="k-desktop-primary" data-testid="close-save" autoFocus onClick={() => void closeWith('save')}>
            {tx(TEXT.closeSave)}
          </button>
          <button type="button" data-testid="close-discard" onClick={() => void closeWith('discard')}>
            {tx(TEXT.closeDiscard)}
          </button>
          <button type="button" data-testid="close-cancel" onClick={() => void closeWith('cancel')}>
            {tx(TEXT.cancel)}
          </button>
        </div>
      </Dialog>
    );
  }

  if (drafts.length > 0) {
    const lang = ws.ui.get().lang;
    const when = new Intl.DateTimeFormat(lang === 'ja' ? 'ja-JP' : 'en-US', { dateStyle: 'medium', timeStyle: 'short' });
    return (
      <Dialog testId="desktop-drafts" title={tx(TEXT.draftsTitle)} onCancel={() => setDrafts([])}>
        <p>{tx(TEXT.draftsBody)}</p>
        <ul className="k-desktop-drafts">
          {drafts.map((d) => (
            <li key={d.id} data-testid="draft" data-draft-id={d.id}>
              <span className="k-desktop-draft-name">
                <strong>{d.title || t('untitled')}</strong>
                <small>{fill(tx(TEXT.draftSavedAt), { time: when.format(new Date(d.savedAt)) })}</small>
              </span>
              <button type="button" className="k-desktop-primary" data-testid="draft-restore" onClick={() => void restoreDraft(d)}>
                {tx(TEXT.draftRestore)}
              </button>
              <button type="button" data-testid="draft-discard" onClick={() => void discardDraft(d)}>
                {tx(TEXT.draftDiscard)}
              </button>
            </li>
          ))}
        </ul>
        <div className="k-modal-actions">
          <button type="button" data-testid="drafts-later" onClick={() => setDrafts([])}>
            {tx(TEXT.draftsLater)}
          </button>
        </div>
      </Dialog>
    );
  }

  return null;
}

function Dialog({ testId, title, onCancel, children }: { testId: string; title: string; onCancel: () => void; children: ReactNode }) {
  const id = `k-${testId}-title`;
  return (
    <div
      className="k-modal-backdrop k-desktop-backdrop"
      onKeyDown={(e) => {
        if (e.key === 'Escape') {
          e.stopPropagation();
          onCancel();
        }
      }}
    >
      <div className="k-modal k-desktop-dialog" role="alertdialog" aria-modal="true" aria-labelledby={id} data-testid={testId}>
        <h2 id={id}>{title}</h2>
        {children}
      </div>
    </div>
  );
}
