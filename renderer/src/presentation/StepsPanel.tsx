import { useEffect, useMemo, useRef, useState, type KeyboardEvent as ReactKeyboardEvent } from 'react';
import { nodeName } from '../../../app/catalog/inference';
import type { DiagramNode, PresentationStep } from '../../../app/model/types';
import { addStep, addToStep, deleteStep, moveStep, removeFromStep, renameStep, stepsByLayer, unstepped, type Steps } from '../../../app/presentation/steps';
import { useI18n } from '../i18n/i18n';
import { useWorkspace } from '../state/context';
import { useStore } from '../state/store';
import './presentation.css';

/**
 * The presentation step editor (issue 6): the instructor's reveal order,
 * saved in the document. Every change is one undoable document command
 * (`setPresentationSteps`); the list below is a view of the document.
 */

const T = {
  title: { en: 'Presentation steps', ja: 'プレゼンのステップ' },
  close: { en: 'Close the steps panel', ja: 'ステップのパネルを閉じる' },
  add: { en: 'Add step from selection', ja: '選択からステップを追加' },
  addHint: { en: 'Select components on the canvas first.', ja: '先にキャンバスでコンポーネントを選択してください。' },
  byLayer: { en: 'Steps by layer', ja: 'レイヤー順のステップ' },
  byLayerHint: {
    en: 'Propose an order from the diagram: accounts and VPC, control plane, subnets, compute, workloads, load balancers, add-ons and IAM. Replaces the current steps (undo brings them back).',
    ja: '図から順序を提案します：アカウントと VPC、コントロールプレーン、サブネット、コンピューティング、ワークロード、ロードバランサー、アドオンと IAM。今のステップは置き換わります（元に戻すで復元できます）。',
  },
  present: { en: 'Present', ja: 'プレゼン開始' },
  empty: {
    en: 'No steps yet. Select the components to show first and choose “Add step from selection”, or let “Steps by layer” propose an order. Components in no step stay visible from the start as context; a connection appears once both its ends are shown.',
    ja: 'ステップはまだありません。最初に見せるコンポーネントを選択して「選択からステップを追加」を押すか、「レイヤー順のステップ」で順序の提案を受けてください。どのステップにも入っていないコンポーネントは最初から表示される背景になり、接続は両端が表示された時点で現れます。',
  },
  stepTitle: { en: 'Step title', ja: 'ステップのタイトル' },
  select: { en: 'Select the components of this step', ja: 'このステップのコンポーネントを選択' },
  up: { en: 'Move this step earlier', ja: 'このステップを前へ' },
  down: { en: 'Move this step later', ja: 'このステップを後ろへ' },
  addSel: { en: 'Add the selected components to this step', ja: '選択中のコンポーネントをこのステップに追加' },
  removeSel: { en: 'Take the selected components out of this step', ja: '選択中のコンポーネントをこのステップから外す' },
  remove: { en: 'Delete this step', ja: 'このステップを削除' },
  moveKeys: { en: 'Alt+↑ / Alt+↓ move a step', ja: 'Alt+↑ / Alt+↓ でステップを移動' },
  proposed: { en: 'Proposed steps by layer. Undo restores the previous steps.', ja: 'レイヤー順のステップを提案しました。元に戻すで前のステップに戻せます。' },
} as const;

type FocusTarget = { readonly id: string; readonly control: 'step-up' | 'step-down' | 'step-title' };

/** A step's component as the instructor knows it: its label, else its kind's name (the catalog's rule). */
function nameIn(byId: ReadonlyMap<string, DiagramNode>, id: string, lang: 'en' | 'ja'): string {
  const n = byId.get(id);
  return n ? nodeName(n)[lang] : id;
}

export function StepsPanel({ onClose }: { onClose: () => void }) {
  const ws = useWorkspace();
  const { tx, lang } = useI18n();
  const doc = useStore(ws.editor, (s) => s.document);
  const byId = useMemo(() => new Map(doc.nodes.map((n) => [n.id, n])), [doc.nodes]);
  const selection = useStore(ws.ui, (s) => s.selection);
  const steps = doc.presentation.steps;
  const panel = useRef<HTMLElement>(null);
  const [pendingFocus, setPendingFocus] = useState<FocusTarget | null>(null);
  const [active, setActive] = useState<string | null>(null);

  const selected = useMemo(() => ({ nodes: selection.nodes, edges: selection.edges }), [selection]);
  const hasSelection = selected.nodes.length + selected.edges.length > 0;
  const selectedSet = useMemo(() => new Set([...selected.nodes, ...selected.edges]), [selected]);
  const context = useMemo(() => unstepped(doc).length, [doc]);

  const apply = (next: Steps): void => {
    if (next !== steps) ws.dispatch({ type: 'setPresentationSteps', steps: next }, 'steps');
  };

  // After a move or an add, keep the keyboard where the user was working.
  useEffect(() => {
    if (!pendingFocus || !panel.current) return;
    const row = panel.current.querySelector(`[data-step-id="${CSS.escape(pendingFocus.id)}"]`);
    // The same button, or the other move button once the step reached an end, or the title.
    const other = pendingFocus.control === 'step-up' ? 'step-down' : pendingFocus.control === 'step-down' ? 'step-up' : 'step-title';
    const usable = (control: string) => {
      const el = row?.querySelector<HTMLElement>(`[data-testid="${control}"]`);
      return el && !(el instanceof HTMLButtonElement && el.disabled) ? el : undefined;
    };
    const target = usable(pendingFocus.control) ?? usable(other) ?? usable('step-title');
    target?.focus();
    if (pendingFocus.control === 'step-title' && target instanceof HTMLInputElement) target.select();
    setPendingFocus(null);
  }, [pendingFocus, steps]);

  const addFromSelection = (): void => {
    if (!hasSelection) return;
    const title =
      selected.nodes.length === 1 && selected.edges.length === 0
        ? nameIn(byId, selected.nodes[0] as string, lang)
        : tx({ en: `Step ${steps.length + 1}`, ja: `ステップ ${steps.length + 1}` });
    // A component appears once: adding it here takes it out of any earlier step.
    const { steps: added, id } = addStep(steps, { nodes: [], edges: [] }, title);
    apply(addToStep(added, id, selected));
    setActive(id);
    setPendingFocus({ id, control: 'step-title' });
  };

  const proposeByLayer = (): void => {
    const proposed = stepsByLayer(doc, lang);
    if (proposed.length === 0) return;
    apply(proposed);
    ws.toast('info', tx(T.proposed));
  };

  const move = (step: PresentationStep, delta: number): void => {
    apply(moveStep(steps, step.id, delta));
    setPendingFocus({ id: step.id, control: delta < 0 ? 'step-up' : 'step-down' });
  };

  const selectStep = (step: PresentationStep): void => {
    setActive(step.id);
    ws.frame({ nodes: step.nodes, edges: step.edges });
  };

  const onRowKey = (e: ReactKeyboardEvent, step: PresentationStep): void => {
    if (!e.altKey || (e.key !== 'ArrowUp' && e.key !== 'ArrowDown')) return;
    e.preventDefault();
    e.stopPropagation();
    move(step, e.key === 'ArrowUp' ? -1 : 1);
  };

  return (
    <aside className="k-steps" data-testid="steps-panel" aria-label={tx(T.title)} ref={panel}>
      <div className="k-steps-head">
        <h2 className="k-panel-title">{tx(T.title)}</h2>
        <button type="button" className="k-steps-close" data-testid="steps-close" aria-label={tx(T.close)} title={tx(T.close)} onClick={onClose}>
          ×
        </button>
      </div>
      <div className="k-steps-actions">
        <button type="button" data-testid="steps-add" disabled={!hasSelection} title={hasSelection ? undefined : tx(T.addHint)} onClick={addFromSelection}>
          {tx(T.add)}
        </button>
        <button type="button" data-testid="steps-by-layer" disabled={doc.nodes.length === 0} title={tx(T.byLayerHint)} onClick={proposeByLayer}>
          {tx(T.byLayer)}
        </button>
        <button type="button" className="k-steps-present" data-testid="steps-present" onClick={() => ws.ui.set({ presenting: true })}>
          ▶ {tx(T.present)}
        </button>
      </div>
      {steps.length === 0 ? (
        <p className="k-steps-empty k-muted" data-testid="steps-empty">
          {tx(T.empty)}
        </p>
      ) : (
        <p className="k-muted k-steps-summary" data-testid="steps-summary">
          {tx({
            en: `${steps.length} ${steps.length === 1 ? 'step' : 'steps'}; ${context} ${context === 1 ? 'component' : 'components'} in no step, shown from the start. ${T.moveKeys.en}.`,
            ja: `${steps.length} ステップ。どのステップにも入っていない ${context} 個のコンポーネントは最初から表示されます。${T.moveKeys.ja}。`,
          })}
        </p>
      )}
      <ol className="k-steps-list">
        {steps.map((step, i) => {
          const names = step.nodes.map((id) => nameIn(byId, id, lang));
          const holdsSelection = step.nodes.some((id) => selectedSet.has(id)) || step.edges.some((id) => selectedSet.has(id));
          const count = step.nodes.length;
          const edgeCount = step.edges.length;
          const summary = tx({
            en: `${count} ${count === 1 ? 'component' : 'components'}${edgeCount > 0 ? `, ${edgeCount} ${edgeCount === 1 ? 'connection' : 'connections'}` : ''}`,
            ja: `コンポーネント ${count} 個${edgeCount > 0 ? `・接続 ${edgeCount} 本` : ''}`,
          });
          return (
            <li
              key={step.id}
              className={`k-step${active === step.id ? ' k-active' : ''}${holdsSelection ? ' k-holds-selection' : ''}`}
              data-testid="step"
              data-step-id={step.id}
              onKeyDown={(e) => onRowKey(e, step)}
            >
              <div className="k-step-line">
                <button type="button" className="k-step-number" data-testid="step-select" title={tx(T.select)} aria-label={`${i + 1}: ${tx(T.select)}`} onClick={() => selectStep(step)}>
                  {i + 1}
                </button>
                <input
                  key={`${step.id}:${step.title}`}
                  type="text"
                  className="k-step-title"
                  data-testid="step-title"
                  aria-label={tx(T.stepTitle)}
                  defaultValue={step.title}
                  placeholder={tx({ en: `Step ${i + 1}`, ja: `ステップ ${i + 1}` })}
                  onFocus={() => setActive(step.id)}
                  onBlur={(e) => apply(renameStep(steps, step.id, e.currentTarget.value.trim()))}
                  onKeyDown={(e) => {
                    if (e.key === 'Enter') e.currentTarget.blur();
                    else if (e.key === 'Escape') {
                      e.currentTarget.value = step.title;
                      e.currentTarget.blur();
                    }
                  }}
                />
              </div>
              <button type="button" className="k-step-summary" onClick={() => selectStep(step)} title={names.join(', ')}>
                <span className="k-step-count">{summary}</span>
                {names.length > 0 && <span className="k-step-names">{names.slice(0, 4).join(' · ') + (names.length > 4 ? ` · +${names.length - 4}` : '')}</span>}
              </button>
              <div className="k-step-tools" role="group" aria-label={tx({ en: `Step ${i + 1}`, ja: `ステップ ${i + 1}` })}>
                <button type="button" data-testid="step-up" aria-label={tx(T.up)} title={tx(T.up)} disabled={i === 0} onClick={() => move(step, -1)}>
                  ↑
                </button>
                <button type="button" data-testid="step-down" aria-label={tx(T.down)} title={tx(T.down)} disabled={i === steps.length - 1} onClick={() => move(step, 1)}>
                  ↓
                </button>
                <button type="button" data-testid="step-add-selection" aria-label={tx(T.addSel)} title={tx(T.addSel)} disabled={!hasSelection} onClick={() => apply(addToStep(steps, step.id, selected))}>
                  ＋
                </button>
                <button
                  type="button"
                  data-testid="step-remove-selection"
                  aria-label={tx(T.removeSel)}
                  title={tx(T.removeSel)}
                  disabled={!holdsSelection}
                  onClick={() => apply(removeFromStep(steps, step.id, selected))}
                >
                  −
                </button>
                <button type="button" className="k-step-delete" data-testid="step-delete" aria-label={tx(T.remove)} title={tx(T.remove)} onClick={() => apply(deleteStep(steps, step.id))}>
                  ✕
                </button>
              </div>
            </li>
          );
        })}
      </ol>
    </aside>
  );
}
