/**
 * Crash drafts from the renderer's side (issue 5): while the diagram has
 * unsaved changes, its text is written to main's drafts folder every few
 * seconds (the latest state, at most once per interval); once it is clean
 * again (saved, or changes knowingly discarded, or another file loaded) the
 * draft is removed. Writes and removals run one after another, so a slow
 * write can never recreate a draft that was just removed.
 */

export interface DraftKeeperDeps {
  write(id: string, title: string, text: string): Promise<unknown>;
  discard(id: string): Promise<unknown>;
  /** The document now: its text and a title for the restore list. */
  snapshot(): { readonly text: string; readonly title: string };
  newId(): string;
  setTimer(fn: () => void, ms: number): unknown;
  clearTimer(handle: unknown): void;
  readonly intervalMs: number;
  readonly log?: (message: string) => void;
}

export interface DraftKeeper {
  /** The document changed; `dirty` is its unsaved state now. */
  update(dirty: boolean): void;
  /** Continue a restored draft (its file is overwritten, and removed once saved). */
  adopt(id: string): void;
  /** Removes the current draft now (the user chose not to save); resolves when it is gone. */
  discardNow(): Promise<void>;
  /** Writes the current draft now if one is due (e.g. before the window closes). */
  flush(): Promise<void>;
  readonly id: string;
  stop(): void;
}

export function createDraftKeeper(deps: DraftKeeperDeps): DraftKeeper {
  let id = deps.newId();
  /** Whether a draft file may exist for `id`. */
  let written = false;
  let dirty = false;
  let timer: unknown = undefined;
  let queue: Promise<unknown> = Promise.resolve();
  const serial = (op: () => Promise<unknown>): Promise<void> => {
    const next = queue.then(op, op).then(
      () => undefined,
      (e: unknown) => deps.log?.(`draft: ${String(e)}`),
    );
    queue = next;
    return next;
  };

  function cancelTimer(): void {
    if (timer !== undefined) deps.clearTimer(timer);
    timer = undefined;
  }

  function writeNow(): Promise<void> {
    cancelTimer();
    if (!dirty) return queue.then(() => undefined);
    const { text, title } = deps.snapshot();
    const target = id;
    written = true;
    return serial(() => deps.write(target, title, text));
  }

  function removeDraft(): Promise<void> {
    cancelTimer();
    if (!written) return queue.then(() => undefined);
    const target = id;
    written = false;
    // The next dirty spell is a new draft.
    id = deps.newId();
    return serial(() => deps.discard(target));
  }

  return {
    get id() {
      return id;
    },
    update(d) {
      dirty = d;
      if (!d) {
        void removeDraft();
        return;
      }
      if (timer === undefined) timer = deps.setTimer(() => void writeNow(), deps.intervalMs);
    },
    adopt(restored) {
      cancelTimer();
      if (written && id !== restored) void serial(((old) => () => deps.discard(old))(id));
      id = restored;
      written = true;
    },
    discardNow() {
      dirty = false;
      return removeDraft();
    },
    flush: () => (timer !== undefined ? writeNow() : queue.then(() => undefined)),
    stop: cancelTimer,
  };
}
