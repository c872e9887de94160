/**
 * Closing the window (or quitting) with unsaved changes asks first
 * (issue 5). The renderer reports its dirty state (`app:setDirty`); when the
 * user closes a dirty window, main keeps it open and asks the renderer, which
 * shows Save / Don't save / Cancel in the UI language and answers with
 * `app:confirmClose` once the work is saved or knowingly discarded.
 *
 * A renderer that does not answer (hung, crashed) must not make the window
 * impossible to close: after `fallbackMs` without an answer, main asks with a
 * native dialog instead (the crash draft keeps the work either way).
 *
 * Pure state, no Electron: main.ts feeds it events and performs its effects.
 */

export interface CloseGuardDeps {
  /** Sends CLOSE_REQUEST_EVENT to the renderer. */
  askRenderer(): void;
  /** The native fallback question; resolves true when the user chooses to close without saving. */
  askNative(): Promise<boolean>;
  /** Closes the window for real (the guard lets that close through), or quits when `quit`. */
  close(quit: boolean): void;
  setTimer(fn: () => void, ms: number): unknown;
  clearTimer(handle: unknown): void;
  readonly fallbackMs: number;
}

export interface CloseGuard {
  setDirty(dirty: boolean): void;
  readonly dirty: boolean;
  /** The app is quitting (before-quit): once the close is confirmed, quit rather than only close the window. */
  quitting(): void;
  /**
   * The window's `close` event: true lets it close, false means prevent it
   * (the guard asked and will close it itself once answered).
   */
  onClose(): boolean;
  /** The renderer's `app:confirmClose`. Ignored unless a close is pending. */
  confirm(): void;
  /** The renderer received the request and shows its question (`app:closeAcknowledged`): no native fallback. */
  acknowledge(): void;
  /** The renderer is gone (crashed or reloaded): a pending close falls back to the native question now. */
  rendererGone(): void;
}

export function createCloseGuard(deps: CloseGuardDeps): CloseGuard {
  let dirty = false;
  let allowed = false;
  /** A close the renderer was asked about and has not confirmed; its `quit` is whether it came from quitting. */
  let pending: { quit: boolean } | null = null;
  /**
   * A close whose question the page is showing (acknowledged). The page answers with a confirm, or the user
   * cancels there and nothing arrives; either way a later crash of the page must not raise the question again.
   */
  let shown: { quit: boolean } | null = null;
  let quitRequested = false;
  let timer: unknown = undefined;

  function stopTimer(): void {
    if (timer !== undefined) deps.clearTimer(timer);
    timer = undefined;
  }

  function finish(): void {
    stopTimer();
    const quit = (pending ?? shown)?.quit ?? false;
    pending = null;
    shown = null;
    allowed = true;
    deps.close(quit);
  }

  function fallback(): void {
    stopTimer();
    const asked = pending;
    if (asked === null) return;
    void deps.askNative().then((discard) => {
      if (pending !== asked) return;
      if (discard) finish();
      else pending = null;
    });
  }

  return {
    get dirty() {
      return dirty;
    },
    setDirty(d) {
      dirty = d;
    },
    quitting() {
      quitRequested = true;
    },
    onClose() {
      const quit = quitRequested;
      quitRequested = false;
      if (allowed || !dirty) return true;
      // Asked again (a second click on the close button, or quit after close): the latest request wins.
      pending = { quit };
      shown = null;
      deps.askRenderer();
      if (timer === undefined) timer = deps.setTimer(fallback, deps.fallbackMs);
      return false;
    },
    confirm() {
      if (pending !== null || shown !== null) finish();
    },
    acknowledge() {
      // The renderer is showing its question: no fallback; it confirms, or the user cancels there.
      stopTimer();
      if (pending !== null) shown = pending;
      pending = null;
    },
    rendererGone() {
      if (pending !== null) fallback();
    },
  };
}
