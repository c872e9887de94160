import { useReactFlow, type Viewport } from '@xyflow/react';
import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import { revealAt, revealPlan, type RevealFrame } from '../../../app/presentation/reveal';
import { NOTE_PREFIX } from '../canvas/flow';
import { useI18n } from '../i18n/i18n';
import { useWorkspace } from '../state/context';
import { EMPTY_SELECTION, type Selection } from '../state/workspace';
import { useStore } from '../state/store';
import './presentation.css';

/**
 * The full-screen presenter (issue 6). App.tsx renders it while
 * `ui.presenting` and marks the shell `.k-presenting`, whose layout
 * (presentation.css) leaves only the canvas, with large labels and without
 * badges, handles, minimap or controls. The presenter owns the keyboard.
 *
 * Reveal works on the canvas as drawn, without touching its code: one
 * constructable stylesheet (allowed by the strict CSP, unlike a <style>
 * element) hides the React Flow nodes and edges not yet revealed. The
 * document is never changed; leaving restores the selection and the viewport.
 */

const T = {
  label: { en: 'Presentation', ja: 'プレゼンテーション' },
  previous: { en: 'Previous step', ja: '前のステップ' },
  next: { en: 'Next step', ja: '次のステップ' },
  exit: { en: 'Exit presentation', ja: 'プレゼンを終了' },
  keys: { en: '→ Space next · ← back · Home End · Esc exit', ja: '→ Space 次へ · ← 戻る · Home End · Esc 終了' },
  noSteps: {
    en: 'The whole diagram. To reveal it step by step, open “Steps” in the toolbar, select components and add them as steps.',
    ja: '図の全体です。段階的に見せるには、ツールバーの「ステップ」を開き、コンポーネントを選択してステップとして追加してください。',
  },
  untitled: { en: 'Untitled step', ja: '無題のステップ' },
} as const;

const NEXT = new Set(['ArrowRight', 'ArrowDown', 'PageDown', ' ', 'Spacebar']);
const PREVIOUS = new Set(['ArrowLeft', 'ArrowUp', 'PageUp', 'Backspace']);

/** Selectors in groups, so one odd id can only spoil its own group and huge diagrams stay cheap. */
function selectorRules(ids: ReadonlySet<string>, element: 'node' | 'edge', suffix: string, body: string): string[] {
  const list = [...ids].map((id) => `.react-flow__${element}[data-id="${CSS.escape(id)}"]${suffix}`);
  const rules: string[] = [];
  for (let i = 0; i < list.length; i += 400) rules.push(`${list.slice(i, i + 400).join(',\n')} { ${body} }`);
  return rules;
}

function revealRules(frame: RevealFrame, focus: ReadonlySet<string>, animate: boolean): string[] {
  return [
    ...selectorRules(frame.hiddenNodes, 'node', '', 'visibility: hidden !important; pointer-events: none !important;'),
    ...selectorRules(frame.hiddenEdges, 'edge', '', 'visibility: hidden !important;'),
    ...(animate ? selectorRules(frame.newNodes, 'node', ' > *', 'animation: k-present-reveal 480ms ease-out both;') : []),
    ...(animate ? selectorRules(frame.newEdges, 'edge', '', 'animation: k-present-fade 480ms ease-out both;') : []),
    ...selectorRules(focus, 'node', ' > :is(.k-leaf, .k-container)', 'box-shadow: 0 0 0 3px var(--k-accent), 0 6px 22px rgba(36, 87, 214, 0.28);'),
  ];
}

export function Presenter({ onExit }: { onExit: () => void }) {
  const ws = useWorkspace();
  const flow = useReactFlow();
  const { tx } = useI18n();
  const doc = useStore(ws.editor, (s) => s.document);
  const plan = useMemo(() => revealPlan(doc), [doc]);
  const steps = doc.presentation.steps;
  const count = plan.stepCount;
  const [position, setPosition] = useState(1);
  const at = count === 0 ? 1 : Math.min(position, count);
  const frame = useMemo(() => revealAt(plan, at), [plan, at]);
  const step = count === 0 ? undefined : steps[at - 1];
  const focus = useMemo(() => new Set(step?.nodes ?? []), [step]);
  const sheet = useRef<CSSStyleSheet | null>(null);
  const moved = useRef(false);
  const exitRef = useRef(onExit);
  useEffect(() => {
    exitRef.current = onExit;
  }, [onExit]);

  // --- entering and leaving: full screen, selection and viewport saved and restored ---
  useEffect(() => {
    const saved: { viewport: Viewport; selection: Selection } = { viewport: flow.getViewport(), selection: ws.ui.get().selection };
    ws.select(EMPTY_SELECTION);
    if (document.activeElement instanceof HTMLElement) document.activeElement.blur();
    let entered = false;
    let disposed = false;
    const root = document.documentElement;
    if (document.fullscreenEnabled && !document.fullscreenElement && typeof root.requestFullscreen === 'function') {
      // Refused without a user gesture or by policy (headless browsers): the presenter works in the window.
      root.requestFullscreen({ navigationUI: 'hide' }).then(
        () => {
          entered = true;
          // The presenter closed before full screen arrived: leave it again at once.
          if (disposed) document.exitFullscreen().catch(() => undefined);
        },
        () => undefined,
      );
    }
    const onFullscreenChange = () => {
      // The browser's own Escape (or F11) left full screen: leave the presentation with it.
      if (entered && !document.fullscreenElement) exitRef.current();
    };
    document.addEventListener('fullscreenchange', onFullscreenChange);
    return () => {
      disposed = true;
      document.removeEventListener('fullscreenchange', onFullscreenChange);
      if (document.fullscreenElement) document.exitFullscreen().catch(() => undefined);
      ws.select(saved.selection);
      // After the panels are back and React Flow has measured its pane again. A (1 ms) transition,
      // not an instant jump, so that it interrupts a step's framing animation still under way.
      requestAnimationFrame(() => void flow.setViewport(saved.viewport, { duration: 1 }));
    };
  }, [flow, ws]);

  // --- the reveal stylesheet ---
  useEffect(() => {
    const own = new CSSStyleSheet();
    sheet.current = own;
    document.adoptedStyleSheets = [...document.adoptedStyleSheets, own];
    return () => {
      document.adoptedStyleSheets = document.adoptedStyleSheets.filter((s) => s !== own);
      sheet.current = null;
    };
  }, []);

  useEffect(() => {
    // Animate what a step brings, not what is there when the presentation opens (and never against the user's wish).
    const animate = moved.current && !window.matchMedia('(prefers-reduced-motion: reduce)').matches;
    sheet.current?.replaceSync(revealRules(frame, focus, animate).join('\n'));
  }, [frame, focus]);

  // --- framing what is visible ---
  const frameVisible = useCallback(
    (duration: number) => {
      // Notes are always shown; React Flow knows them by a prefixed id (canvas/flow.ts).
      const nodes = [
        ...doc.nodes.filter((n) => !frame.hiddenNodes.has(n.id)).map((n) => ({ id: n.id })),
        ...doc.notes.map((n) => ({ id: NOTE_PREFIX + n.id })),
      ];
      // Room at the bottom for the step bar.
      const padding = { top: '36px', x: '48px', bottom: '124px' } as const;
      void flow.fitView({ nodes: nodes.length > 0 ? nodes : undefined, padding, maxZoom: 1.6, duration });
    },
    [doc.nodes, doc.notes, frame, flow],
  );

  useEffect(() => {
    // Two frames: the panels have gone and React Flow has measured its larger pane.
    let second = 0;
    const first = requestAnimationFrame(() => {
      second = requestAnimationFrame(() => frameVisible(moved.current ? 400 : 0));
    });
    return () => {
      cancelAnimationFrame(first);
      cancelAnimationFrame(second);
    };
  }, [frameVisible]);

  useEffect(() => {
    let timer: ReturnType<typeof setTimeout> | undefined;
    const onResize = () => {
      clearTimeout(timer);
      timer = setTimeout(() => frameVisible(0), 120);
    };
    window.addEventListener('resize', onResize);
    return () => {
      clearTimeout(timer);
      window.removeEventListener('resize', onResize);
    };
  }, [frameVisible]);

  // --- moving through the steps ---
  const go = useCallback(
    (target: number) => {
      const next = Math.min(Math.max(1, target), Math.max(1, count));
      if (next === at) return;
      moved.current = true;
      setPosition(next);
    },
    [at, count],
  );

  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      // A desktop dialog (close, conflict) opened on top keeps its own keys.
      if (e.target instanceof Element && e.target.closest('.k-desktop-dialog')) return;
      // Capture phase on the window: nothing else (canvas, shortcuts) sees keys while presenting.
      e.stopPropagation();
      if (e.ctrlKey || e.metaKey || e.altKey) return;
      let handled = true;
      if (NEXT.has(e.key)) go(at + 1);
      else if (PREVIOUS.has(e.key)) go(at - 1);
      else if (e.key === 'Home') go(1);
      else if (e.key === 'End') go(count);
      else if (e.key === 'Escape') exitRef.current();
      else handled = false;
      if (handled) e.preventDefault();
    };
    window.addEventListener('keydown', onKey, true);
    return () => window.removeEventListener('keydown', onKey, true);
  }, [go, at, count]);

  const title = step ? step.title || tx(T.untitled) : '';

  return (
    <div className="k-presenter" data-testid="presenter" role="region" aria-label={tx(T.label)}>
      <div className="k-presenter-bar" onMouseDown={(e) => e.preventDefault()}>
        <button type="button" tabIndex={-1} data-testid="present-prev" aria-label={tx(T.previous)} title={tx(T.previous)} disabled={at <= 1} onClick={() => go(at - 1)}>
          ←
        </button>
        <div className="k-presenter-status" aria-live="polite">
          {count > 0 ? (
            <>
              <span className="k-presenter-count" data-testid="present-position" data-step={at} data-steps={count}>
                {tx({ en: `Step ${at} / ${count}`, ja: `ステップ ${at} / ${count}` })}
              </span>
              <span className="k-presenter-sep" aria-hidden="true">
                —
              </span>
              <span className="k-presenter-title" data-testid="present-title">
                {title}
              </span>
            </>
          ) : (
            <span className="k-presenter-title" data-testid="present-no-steps">
              {tx(T.noSteps)}
            </span>
          )}
        </div>
        <button type="button" tabIndex={-1} data-testid="present-next" aria-label={tx(T.next)} title={tx(T.next)} disabled={at >= count} onClick={() => go(at + 1)}>
          →
        </button>
        <button type="button" tabIndex={-1} className="k-presenter-exit" data-testid="present-exit" aria-label={tx(T.exit)} title={tx(T.exit)} onClick={() => exitRef.current()}>
          ✕
        </button>
        <span className="k-presenter-keys">{tx(T.keys)}</span>
      </div>
    </div>
  );
}
