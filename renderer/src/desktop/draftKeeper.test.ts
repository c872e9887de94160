import { describe, expect, it } from 'vitest';
import { createDraftKeeper } from './draftKeeper';

function setup() {
  const calls: string[] = [];
  const timers = new Map<number, () => void>();
  let t = 0;
  let n = 0;
  let text = 'v1';
  let releaseWrite: (() => void) | null = null;
  let holdWrites = false;
  const keeper = createDraftKeeper({
    write: (id, title, body) => {
      calls.push(`write ${id} ${title} ${body}`);
      return holdWrites ? new Promise<void>((r) => (releaseWrite = r)) : Promise.resolve();
    },
    discard: async (id) => void calls.push(`discard ${id}`),
    snapshot: () => ({ text, title: 'web.kumozu.json' }),
    newId: () => `d${++n}`,
    setTimer: (fn) => {
      timers.set(++t, fn);
      return t;
    },
    clearTimer: (h) => void timers.delete(h as number),
    intervalMs: 4000,
  });
  const tick = () => {
    const fns = [...timers.values()];
    timers.clear();
    for (const fn of fns) fn();
  };
  return {
    keeper,
    calls,
    timers,
    tick,
    setText: (s: string) => void (text = s),
    hold: () => void (holdWrites = true),
    release: () => releaseWrite?.(),
  };
}

const settle = () => new Promise((r) => setTimeout(r, 0));

describe('crash drafts while editing', () => {
  it('writes the latest state at most once per interval while dirty', async () => {
    const { keeper, calls, timers, tick, setText } = setup();
    keeper.update(true);
    keeper.update(true);
    keeper.update(true);
    expect(timers.size).toBe(1);
    setText('v2');
    tick();
    await settle();
    expect(calls).toEqual(['write d1 web.kumozu.json v2']);
    // Nothing changes: no timer, no write.
    expect(timers.size).toBe(0);
    keeper.update(true);
    setText('v3');
    tick();
    await settle();
    expect(calls.at(-1)).toBe('write d1 web.kumozu.json v3');
  });

  it('a clean save removes the draft; the next dirty spell is a new draft', async () => {
    const { keeper, calls, tick } = setup();
    keeper.update(true);
    tick();
    keeper.update(false);
    await settle();
    expect(calls).toEqual(['write d1 web.kumozu.json v1', 'discard d1']);
    keeper.update(true);
    tick();
    await settle();
    expect(calls.at(-1)).toBe('write d2 web.kumozu.json v1');
  });

  it('clean before the first write: no timer left, nothing to remove', async () => {
    const { keeper, calls, timers } = setup();
    keeper.update(true);
    keeper.update(false);
    await settle();
    expect(timers.size).toBe(0);
    expect(calls).toEqual([]);
  });

  it('a slow write never recreates a draft removed after it', async () => {
    const { keeper, calls, tick, hold, release } = setup();
    hold();
    keeper.update(true);
    tick();
    const removed = keeper.discardNow();
    await settle();
    // The removal waits for the write in flight.
    expect(calls).toEqual(['write d1 web.kumozu.json v1']);
    release();
    await removed;
    expect(calls).toEqual(['write d1 web.kumozu.json v1', 'discard d1']);
  });

  it('a restored draft is continued under its own id and removed once saved', async () => {
    const { keeper, calls, tick } = setup();
    keeper.adopt('restored-1');
    keeper.update(true);
    tick();
    keeper.update(false);
    await settle();
    expect(calls).toEqual(['write restored-1 web.kumozu.json v1', 'discard restored-1']);
  });

  it('flush writes a pending draft at once', async () => {
    const { keeper, calls, timers } = setup();
    keeper.update(true);
    await keeper.flush();
    expect(calls).toEqual(['write d1 web.kumozu.json v1']);
    expect(timers.size).toBe(0);
  });
});
