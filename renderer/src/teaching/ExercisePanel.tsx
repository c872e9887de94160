import { useEffect, useMemo, useRef } from 'react';
import { EXERCISES, LEVEL_TEXT, evaluateGoals, exerciseById, goalContext, type Exercise } from '../../../app/teaching/exercises';
import type { FindingsService } from '../findings/findingsStore';
import { useI18n } from '../i18n/i18n';
import { useWorkspace } from '../state/context';
import { createStore, useStore } from '../state/store';
import { loadExerciseDiagram } from './exerciseFiles';
import { fill, TT } from './texts';
import './teaching.css';

/**
 * Guided exercises (issue 6): pick one, start from its diagram, and watch its
 * goals tick live as the checker agrees with the edits; hints on request, a
 * debrief when everything is met, and the reference solution on demand.
 */

interface Session {
  /** The exercise in progress, kept while the panel is closed and reopened. */
  readonly activeId: string | null;
  /** Whether the canvas shows the learner's attempt or the reference solution. */
  readonly mode: 'attempt' | 'solution';
  /** Revealed hints, as `exercise/goal`. */
  readonly hints: ReadonlySet<string>;
}

const SESSION_KEY = 'kumozu.exercise.v1';

/** The exercise in progress survives a reload, like the autosaved diagram it works on. */
function restoreSession(): Session {
  try {
    const saved = JSON.parse(window.localStorage.getItem(SESSION_KEY) ?? 'null') as { activeId?: unknown; mode?: unknown; hints?: unknown } | null;
    const activeId = typeof saved?.activeId === 'string' && exerciseById(saved.activeId) ? saved.activeId : null;
    const hints = Array.isArray(saved?.hints) ? saved.hints.filter((h): h is string => typeof h === 'string') : [];
    return { activeId, mode: saved?.mode === 'solution' && activeId ? 'solution' : 'attempt', hints: new Set(hints) };
  } catch {
    return { activeId: null, mode: 'attempt', hints: new Set() };
  }
}

const session = createStore<Session>(restoreSession());
session.subscribe(() => {
  const { activeId, mode, hints } = session.get();
  try {
    window.localStorage.setItem(SESSION_KEY, JSON.stringify({ activeId, mode, hints: [...hints] }));
  } catch {
    // Storage full or unavailable: the session is a convenience.
  }
});

export function ExercisePanel({ findings, onClose }: { findings: FindingsService; onClose: () => void }) {
  const { tx } = useI18n();
  const activeId = useStore(session, (s) => s.activeId);
  const active = activeId ? exerciseById(activeId) : undefined;
  return (
    <aside className="k-exercises" data-testid="exercise-panel" aria-label={tx(TT.exercisesTitle)}>
      <div className="k-exercises-head">
        <h2 className="k-panel-title">{tx(TT.exercisesTitle)}</h2>
        <span className="k-spacer" />
        <button type="button" onClick={onClose} data-testid="exercise-close">
          {tx(TT.close)}
        </button>
      </div>
      <div className="k-exercises-body">{active ? <Active exercise={active} findings={findings} /> : <Picker />}</div>
    </aside>
  );
}

function useStartExercise() {
  const ws = useWorkspace();
  const { t, tx, lang } = useI18n();
  return async (exercise: Exercise, which: 'start' | 'solution', ask: string | null): Promise<void> => {
    if (ask !== null && !window.confirm(ask)) return;
    if (ask === null && ws.editor.getState().dirty && !window.confirm(t('file.confirmDiscard'))) return;
    const doc = await loadExerciseDiagram(exercise.id, which);
    if (!doc) {
      ws.toast('error', tx(TT.loadFailed));
      return;
    }
    // The files are written in English; a Japanese learner gets the diagram's title, description and generated text in Japanese.
    const shown =
      lang === 'ja'
        ? { ...doc, meta: { ...doc.meta, title: `${which === 'start' ? '演習' : '解答例'}: ${exercise.title.ja}`, description: exercise.brief.ja, lang: 'ja' as const } }
        : doc;
    ws.loadDocument(shown, null);
    session.set((s) => ({
      activeId: exercise.id,
      mode: which === 'start' ? 'attempt' : 'solution',
      hints: s.activeId === exercise.id ? s.hints : new Set(),
    }));
  };
}

function Picker() {
  const { tx } = useI18n();
  const start = useStartExercise();
  return (
    <>
      <p className="k-muted">{tx(TT.exercisesIntro)}</p>
      <ul className="k-exercise-list">
        {EXERCISES.map((e) => (
          <li key={e.id} className="k-exercise-card" data-testid="exercise" data-exercise={e.id}>
            <div className="k-exercise-card-head">
              <strong>{tx(e.title)}</strong>
              <span className={`k-level k-level-${e.level}`}>{tx(LEVEL_TEXT[e.level])}</span>
            </div>
            <p>
              <span className="k-muted">{tx(TT.learn)}: </span>
              {tx(e.learn)}
            </p>
            <button type="button" className="k-primary" data-testid="exercise-start" onClick={() => void start(e, 'start', null)}>
              {tx(TT.start)}
            </button>
          </li>
        ))}
      </ul>
    </>
  );
}

function Active({ exercise, findings }: { exercise: Exercise; findings: FindingsService }) {
  const ws = useWorkspace();
  const { tx } = useI18n();
  const start = useStartExercise();
  const checked = useStore(findings.store, (s) => s.checked);
  const list = useStore(findings.store, (s) => s.findings);
  const mode = useStore(session, (s) => s.mode);
  const hints = useStore(session, (s) => s.hints);
  const headingRef = useRef<HTMLHeadingElement>(null);

  // Goals read the document the live findings were computed for, so both always agree.
  const states = useMemo(() => (checked ? evaluateGoals(exercise, goalContext(checked, list)) : null), [exercise, checked, list]);
  const done = states?.filter(Boolean).length ?? 0;
  const total = exercise.goals.length;
  const complete = states !== null && done === total;

  useEffect(() => headingRef.current?.focus(), [exercise.id]);

  const toggleHint = (goalId: string) =>
    session.set((s) => {
      const key = `${exercise.id}/${goalId}`;
      const next = new Set(s.hints);
      if (next.has(key)) next.delete(key);
      else next.add(key);
      return { hints: next };
    });

  return (
    <div className="k-exercise" data-testid="exercise-active" data-exercise={exercise.id} data-complete={complete}>
      <button type="button" className="k-link" data-testid="exercise-back" onClick={() => session.set({ activeId: null, mode: 'attempt' })}>
        ← {tx(TT.allExercises)}
      </button>
      <h3 ref={headingRef} tabIndex={-1}>
        {tx(exercise.title)} <span className={`k-level k-level-${exercise.level}`}>{tx(LEVEL_TEXT[exercise.level])}</span>
      </h3>
      <p>{tx(exercise.brief)}</p>

      <div className="k-goals-head">
        <h4>{tx(TT.goals)}</h4>
        <span className="k-muted" role="status" aria-live="polite" data-testid="exercise-progress" data-done={done} data-total={total}>
          {states === null ? tx(TT.notChecked) : fill(tx(TT.progress), { done, total })}
        </span>
      </div>
      <div className="k-goal-bar" aria-hidden="true">
        <div style={{ width: `${(100 * done) / total}%` }} />
      </div>
      <ul className="k-goals">
        {exercise.goals.map((g, i) => {
          const met = states?.[i] === true;
          const open = hints.has(`${exercise.id}/${g.id}`);
          return (
            <li key={g.id} className={met ? 'k-goal k-goal-done' : 'k-goal'} data-testid="exercise-goal" data-goal={g.id} data-done={met}>
              <span className="k-goal-mark" role="img" aria-label={tx(met ? TT.done : TT.notYet)}>
                {met ? '✓' : ''}
              </span>
              <div className="k-goal-text">
                <span>{tx(g.title)}</span>
                {open && (
                  <p className="k-hint" data-testid="exercise-hint" id={`k-hint-${g.id}`}>
                    {tx(g.hint)}
                  </p>
                )}
              </div>
              <button
                type="button"
                className="k-hint-button"
                data-testid="exercise-hint-toggle"
                aria-expanded={open}
                aria-controls={open ? `k-hint-${g.id}` : undefined}
                onClick={() => toggleHint(g.id)}
              >
                {tx(open ? TT.hideHint : TT.hint)}
              </button>
            </li>
          );
        })}
      </ul>

      {complete && mode === 'attempt' && (
        <div className="k-exercise-complete" data-testid="exercise-complete" role="status">
          <strong>🎉 {tx(TT.complete)}</strong>
          <p>{tx(TT.completeLead)}</p>
          <p>{tx(exercise.debrief)}</p>
        </div>
      )}
      {mode === 'solution' && (
        <div className="k-exercise-solution-note" data-testid="exercise-solution-shown" role="status">
          <p>{tx(TT.solutionShown)}</p>
          <p>{tx(exercise.debrief)}</p>
        </div>
      )}

      <div className="k-exercise-actions">
        <button type="button" data-testid="exercise-solution" onClick={() => void start(exercise, 'solution', tx(TT.confirmSolution))}>
          {tx(TT.showSolution)}
        </button>
        <button
          type="button"
          data-testid="exercise-restart"
          onClick={() => void start(exercise, 'start', ws.editor.getState().dirty || mode === 'solution' ? tx(TT.confirmRestart) : null)}
        >
          {tx(TT.restart)}
        </button>
      </div>
      <p className="k-muted">
        {tx(TT.topics)}: {exercise.rules.join(', ')}
      </p>
    </div>
  );
}
