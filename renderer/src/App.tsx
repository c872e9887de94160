import { ReactFlowProvider, useReactFlow } from '@xyflow/react';
import { useEffect, useMemo } from 'react';
import { checkPlacement } from '../../app/catalog/placement';
import { findNode } from '../../app/model/document';
import { absolutePositions, sizeOf } from '../../app/model/geometry';
import { ACTIONS, buildShortcutMap, isTyping, shortcutOf, type ActionContext } from './actions/actions';
import { Canvas } from './canvas/Canvas';
import { FindingsContext } from './findings/context';
import { FindingsPanel } from './findings/FindingsPanel';
import { ExportDialog } from './export/ExportDialog';
import { TemplateGallery } from './templates/TemplateGallery';
import { ComparisonDialog } from './teaching/ComparisonDialog';
import { ExercisePanel } from './teaching/ExercisePanel';
import { QuizDialog } from './teaching/QuizDialog';
import { StepsPanel } from './presentation/StepsPanel';
import { Presenter } from './presentation/Presenter';
import { DesktopBridge } from './desktop/DesktopBridge';
import type { FindingsService } from './findings/findingsStore';
import { I18nProvider, useI18n } from './i18n/i18n';
import { Inspector } from './inspector/Inspector';
import { Palette } from './palette/Palette';
import { WorkspaceContext, useWorkspace } from './state/context';
import { useStore } from './state/store';
import type { Workspace } from './state/workspace';
import { Toolbar } from './ui/Toolbar';
import { RefusalTooltip, StatusBar, Toasts } from './ui/overlays';

function Shell({ findings }: { findings: FindingsService }) {
  const ws = useWorkspace();
  const flow = useReactFlow();
  const { t } = useI18n();
  const theme = useStore(ws.ui, (s) => s.theme);
  const title = useStore(ws.editor, (s) => s.document.meta.title);
  const dirty = useStore(ws.editor, (s) => s.dirty);
  const fileName = useStore(ws.ui, (s) => s.file?.name ?? null);
  const exportOpen = useStore(ws.ui, (s) => s.exportOpen);
  const galleryOpen = useStore(ws.ui, (s) => s.galleryOpen);
  const compareOpen = useStore(ws.ui, (s) => s.compareOpen);
  const exercisesOpen = useStore(ws.ui, (s) => s.exercisesOpen);
  const quizOpen = useStore(ws.ui, (s) => s.quizOpen);
  const stepsOpen = useStore(ws.ui, (s) => s.stepsOpen);
  const presenting = useStore(ws.ui, (s) => s.presenting);

  const ctx: ActionContext = useMemo(
    () => ({
      ws,
      fitView: () => void flow.fitView({ padding: 0.1, duration: 200 }),
      zoomIn: () => void flow.zoomIn({ duration: 150 }),
      zoomOut: () => void flow.zoomOut({ duration: 150 }),
    }),
    [ws, flow],
  );

  useEffect(() => {
    const shortcuts = buildShortcutMap(ACTIONS);
    const onKey = (e: KeyboardEvent) => {
      // The presenter owns the keyboard while it runs.
      if (ws.ui.get().presenting) return;
      const typing = isTyping(e.target);
      const combo = shortcutOf(e);
      // While typing, only document-level shortcuts with a modifier apply (Save, Open…), never Delete or arrows.
      if (typing && !['Mod+S', 'Mod+Shift+S', 'Mod+O'].includes(combo)) return;
      const action = shortcuts.get(combo);
      if (!action) return;
      if (action.enabled && !action.enabled(ws)) return;
      e.preventDefault();
      action.perform(ctx);
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [ws, ctx]);

  useEffect(() => {
    document.documentElement.dataset.theme = theme;
  }, [theme]);

  useEffect(() => {
    document.title = `${dirty ? '• ' : ''}${fileName ?? (title || t('untitled'))} — Kumozu`;
  }, [dirty, fileName, title, t]);

  useEffect(() => {
    const onBeforeUnload = (e: BeforeUnloadEvent) => {
      // The working diagram is autosaved, but a file the user has not saved deserves a prompt.
      if (ws.editor.getState().dirty && ws.ui.get().file) e.preventDefault();
    };
    window.addEventListener('beforeunload', onBeforeUnload);
    return () => window.removeEventListener('beforeunload', onBeforeUnload);
  }, [ws]);

  /** Palette entry by keyboard or double-click: into the selected container if it fits, else the view centre. */
  const addFromPalette = (kind: string) => {
    const d = ws.editor.getState().document;
    const [selected] = ws.ui.get().selection.nodes;
    const container = selected ? findNode(d, selected) : undefined;
    if (container && checkPlacement(kind, container.kind).ok) {
      const abs = absolutePositions(d).get(container.id);
      const size = sizeOf(container);
      if (abs) {
        ws.addNodeAt(kind, { x: abs.x + size.width / 2, y: abs.y + size.height / 2 });
        return;
      }
    }
    const el = document.querySelector('[data-testid="canvas"]');
    const r = el?.getBoundingClientRect();
    const p = flow.screenToFlowPosition(r ? { x: r.left + r.width / 2, y: r.top + r.height / 2 } : { x: 400, y: 300 });
    const id = ws.addNodeAt(kind, p);
    if (!id) {
      const verdict = checkPlacement(kind, null);
      if (!verdict.ok) ws.showRefusal(verdict.reason[ws.ui.get().lang], r ? { x: r.left + r.width / 2, y: r.top + 80 } : { x: 400, y: 120 });
    }
  };

  return (
    <div className={presenting ? 'k-app k-presenting' : 'k-app'} data-testid="app">
      <Toolbar ctx={ctx} />
      <div className="k-main">
        <Palette onAdd={addFromPalette} />
        <div className="k-center">
          <Canvas />
          <FindingsPanel service={findings} />
        </div>
        {exercisesOpen && <ExercisePanel findings={findings} onClose={() => ws.ui.set({ exercisesOpen: false })} />}
        {stepsOpen && <StepsPanel onClose={() => ws.ui.set({ stepsOpen: false })} />}
        <Inspector />
      </div>
      <StatusBar />
      <RefusalTooltip />
      {compareOpen && <ComparisonDialog onClose={() => ws.ui.set({ compareOpen: false })} />}
      {galleryOpen && <TemplateGallery onClose={() => ws.ui.set({ galleryOpen: false })} />}
      {exportOpen && <ExportDialog findings={findings} onClose={() => ws.ui.set({ exportOpen: false })} />}
      {quizOpen && <QuizDialog onClose={() => ws.ui.set({ quizOpen: false })} />}
      {presenting && <Presenter onExit={() => ws.ui.set({ presenting: false })} />}
      <DesktopBridge ctx={ctx} />
      <Toasts />
    </div>
  );
}

export function App({ workspace, findings }: { workspace: Workspace; findings: FindingsService }) {
  const lang = useStore(workspace.ui, (s) => s.lang);
  return (
    <WorkspaceContext.Provider value={workspace}>
      <FindingsContext.Provider value={findings}>
        <I18nProvider lang={lang}>
          <ReactFlowProvider>
            <Shell findings={findings} />
          </ReactFlowProvider>
        </I18nProvider>
      </FindingsContext.Provider>
    </WorkspaceContext.Provider>
  );
}
