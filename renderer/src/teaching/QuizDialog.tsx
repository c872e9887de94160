import { useEffect, useRef } from 'react';
import { getKind } from '../../../app/catalog/registry';
import { QUIZ, scoreOf, type QuizQuestion } from '../../../app/teaching/quiz';
import { useI18n } from '../i18n/i18n';
import { useWorkspace } from '../state/context';
import { createStore, useStore } from '../state/store';
import { iconUrl } from '../ui/icons';
import { fill, TT } from './texts';
import './teaching.css';

/**
 * The quiz (issue 6): the exam points of the study notes as multiple-choice
 * questions, each linked to its component kinds (with a button that frames
 * them on the canvas when the open diagram has them), an explanation after
 * every answer, and a score at the end. Progress survives closing the dialog
 * to look at the diagram.
 */

interface Run {
  readonly index: number;
  /** The picked choice per question, null while unanswered. */
  readonly answers: readonly (number | null)[];
  readonly finished: boolean;
}

const fresh = (): Run => ({ index: 0, answers: QUIZ.map(() => null), finished: false });
const run = createStore<Run>(fresh());

export function QuizDialog({ onClose }: { onClose: () => void }) {
  const { tx } = useI18n();
  const state = useStore(run, (s) => s);
  const question = QUIZ[state.index];
  const answer = state.answers[state.index] ?? null;
  const dialogRef = useRef<HTMLDivElement>(null);

  const pick = (choice: number) => {
    if (run.get().answers[run.get().index] !== null) return;
    run.set((s) => ({ answers: s.answers.map((a, i) => (i === s.index ? choice : a)) }));
  };
  const next = () =>
    run.set((s) => (s.answers[s.index] === null ? {} : s.index + 1 < QUIZ.length ? { index: s.index + 1 } : { finished: true }));
  const retry = () => run.set(fresh());

  // Focus moves to the first control of each new step.
  const answered = answer !== null;
  useEffect(() => {
    const first = dialogRef.current?.querySelector<HTMLElement>('[data-autofocus]');
    first?.focus();
  }, [state.index, state.finished, answered]);

  useEffect(() => {
    // Capture phase: while the quiz is open, keys belong to it, not to the canvas shortcuts behind it.
    const onKey = (e: KeyboardEvent) => {
      // A desktop dialog (close, conflict) opened on top keeps its own keys.
      if (e.target instanceof Element && e.target.closest('.k-desktop-dialog')) return;
      e.stopPropagation();
      const s = run.get();
      if (e.key === 'Escape') {
        e.preventDefault();
        onClose();
      } else if (!s.finished && /^[1-4]$/.test(e.key) && !e.ctrlKey && !e.metaKey && !e.altKey) {
        const q = QUIZ[s.index];
        const n = Number(e.key) - 1;
        if (q && n < q.choices.length && s.answers[s.index] === null) {
          e.preventDefault();
          pick(n);
        }
      }
    };
    window.addEventListener('keydown', onKey, true);
    return () => window.removeEventListener('keydown', onKey, true);
  }, [onClose]);

  return (
    <div className="k-modal-backdrop" onMouseDown={(e) => e.target === e.currentTarget && onClose()}>
      <div ref={dialogRef} className="k-modal k-quiz" role="dialog" aria-modal="true" aria-labelledby="k-quiz-title" data-testid="quiz">
        <div className="k-quiz-head">
          <h2 id="k-quiz-title">{tx(TT.quizTitle)}</h2>
          {!state.finished && (
            <span className="k-muted" data-testid="quiz-progress">
              {fill(tx(TT.questionOf), { n: state.index + 1, total: QUIZ.length })}
            </span>
          )}
          <span className="k-spacer" />
          <button type="button" onClick={onClose} data-testid="quiz-close">
            {tx(TT.close)}
          </button>
        </div>
        {state.finished || !question ? (
          <Score answers={state.answers} onRetry={retry} />
        ) : (
          <Question question={question} answer={answer} onPick={pick} onNext={next} last={state.index === QUIZ.length - 1} onClose={onClose} />
        )}
      </div>
    </div>
  );
}

function Question({
  question,
  answer,
  onPick,
  onNext,
  last,
  onClose,
}: {
  question: QuizQuestion;
  answer: number | null;
  onPick: (choice: number) => void;
  onNext: () => void;
  last: boolean;
  onClose: () => void;
}) {
  const { tx } = useI18n();
  const answered = answer !== null;
  const right = answered && question.choices[answer]?.correct === true;
  return (
    <>
      <div className="k-quiz-topic">{tx(question.topic)}</div>
      <p className="k-quiz-question" id="k-quiz-question" data-testid="quiz-question" data-question={question.id}>
        {tx(question.question)}
      </p>
      <ul className="k-quiz-choices" role="list" aria-labelledby="k-quiz-question">
        {question.choices.map((c, i) => {
          const state = !answered ? undefined : c.correct ? 'correct' : i === answer ? 'wrong' : 'dimmed';
          return (
            <li key={i}>
              <button
                type="button"
                className="k-quiz-choice"
                data-testid="quiz-choice"
                data-state={state}
                data-autofocus={i === 0 && !answered ? '' : undefined}
                aria-pressed={i === answer}
                disabled={answered}
                onClick={() => onPick(i)}
              >
                <span className="k-quiz-key" aria-hidden="true">
                  {state === 'correct' ? '✓' : state === 'wrong' ? '✗' : i + 1}
                </span>
                <span>{tx(c.text)}</span>
              </button>
            </li>
          );
        })}
      </ul>
      {answered && (
        <div className="k-quiz-explanation" data-testid="quiz-explanation" role="status">
          <span className="k-quiz-verdict" data-testid="quiz-verdict" data-correct={right}>
            {tx(right ? TT.correct : TT.incorrect)}
          </span>
          <p>{tx(question.explanation)}</p>
          <p className="k-muted">
            {tx(TT.source)}: {tx(question.source)}
          </p>
        </div>
      )}
      <KindLinks kinds={question.kinds} onClose={onClose} />
      <div className="k-quiz-footer">
        <span className="k-muted">{tx(TT.keysHint)}</span>
        <span className="k-spacer" />
        <button type="button" className="k-primary" data-testid="quiz-next" data-autofocus={answered ? '' : undefined} disabled={!answered} onClick={onNext}>
          {tx(last ? TT.finish : TT.next)}
        </button>
      </div>
    </>
  );
}

/** The kinds a question is about, with a button that selects and frames those in the open diagram. */
function KindLinks({ kinds, onClose }: { kinds: readonly string[]; onClose: () => void }) {
  const ws = useWorkspace();
  const { tx } = useI18n();
  const nodes = useStore(ws.editor, (s) => s.document.nodes);
  const ids = nodes.filter((n) => kinds.includes(n.kind)).map((n) => n.id);
  return (
    <div className="k-quiz-kinds" data-testid="quiz-kinds">
      <span className="k-muted">{tx(TT.about)}:</span>
      {kinds.map((k) => {
        const spec = getKind(k);
        return (
          <span key={k} className="k-quiz-kind" data-testid="quiz-kind" data-kind={k}>
            <img src={iconUrl(spec?.icon ?? 'unknown')} alt="" />
            {spec ? tx(spec.name) : k}
          </span>
        );
      })}
      {ids.length > 0 ? (
        <button
          type="button"
          data-testid="quiz-frame"
          onClick={() => {
            ws.frame({ nodes: ids, edges: [], notes: [] });
            onClose();
          }}
        >
          {fill(tx(TT.showInDiagram), { count: ids.length })}
        </button>
      ) : (
        <span className="k-muted">({tx(TT.notInDiagram)})</span>
      )}
    </div>
  );
}

function Score({ answers, onRetry }: { answers: readonly (number | null)[]; onRetry: () => void }) {
  const { tx } = useI18n();
  const score = scoreOf(QUIZ, answers);
  const total = QUIZ.length;
  const verdict = score === total ? TT.perfect : score >= total * 0.7 ? TT.good : TT.review;
  return (
    <>
      <p className="k-quiz-score" data-testid="quiz-score" data-score={score} data-total={total} role="status">
        {fill(tx(TT.score), { score, total })}
      </p>
      <p>{tx(verdict)}</p>
      <ol className="k-quiz-review">
        {QUIZ.map((q, i) => {
          const a = answers[i] ?? null;
          const ok = a !== null && q.choices[a]?.correct === true;
          const rightChoice = q.choices.find((c) => c.correct);
          return (
            <li key={q.id} data-testid="quiz-review" data-correct={ok}>
              <p>
                <strong>{ok ? '✓' : '✗'}</strong> {tx(q.question)}
              </p>
              {!ok && (
                <>
                  <p className="k-muted">
                    {tx(TT.yourAnswer)}: {a === null ? '—' : tx(q.choices[a]?.text ?? { en: '', ja: '' })}
                  </p>
                  <p>
                    {tx(TT.rightAnswer)}: {rightChoice ? tx(rightChoice.text) : ''}
                  </p>
                </>
              )}
            </li>
          );
        })}
      </ol>
      <div className="k-quiz-footer">
        <span className="k-spacer" />
        <button type="button" className="k-primary" data-testid="quiz-retry" data-autofocus="" onClick={onRetry}>
          {tx(TT.retry)}
        </button>
      </div>
    </>
  );
}
