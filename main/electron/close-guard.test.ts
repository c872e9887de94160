import { describe, expect, it } from 'vitest';
import { createCloseGuard } from './close-guard';

function setup(nativeAnswer = true) {
  const events: string[] = [];
  const timers = new Map<number, () => void>();
  let next = 1;
  let answerNative: ((v: boolean) => void) | null = null;
  const guard = createCloseGuard({
    askRenderer: () => void events.push('askRenderer'),
    askNative: () => {
      events.push('askNative');
      return new Promise<boolean>((resolve) => {
        answerNative = resolve;
        if (nativeAnswer !== undefined) resolve(nativeAnswer);
      });
    },
    close: (quit) => void events.push(quit ? 'quit' : 'close'),
    setTimer: (fn) => {
      const id = next++;
      timers.set(id, fn);
      return id;
    },
    clearTimer: (h) => void timers.delete(h as number),
    fallbackMs: 3000,
  });
  const fire = () => {
    const fns = [...timers.values()];
    timers.clear();
    for (const fn of fns) fn();
  };
  return { guard, events, timers, fire, answer: (v: boolean) => answerNative?.(v) };
}

const tick = () => new Promise((r) => setTimeout(r, 0));

describe('closing with unsaved changes', () => {
  it('a clean window closes at once', () => {
    const { guard, events } = setup();
    expect(guard.onClose()).toBe(true);
    expect(events).toEqual([]);
  });

  it('a dirty window stays open and asks the page; it closes once the page confirms', () => {
    const { guard, events, timers } = setup();
    guard.setDirty(true);
    expect(guard.onClose()).toBe(false);
    expect(events).toEqual(['askRenderer']);
    guard.acknowledge();
    expect(timers.size).toBe(0);
    guard.confirm();
    expect(events).toEqual(['askRenderer', 'close']);
    // The close main performs itself goes through.
    expect(guard.onClose()).toBe(true);
  });

  it('cancelling in the page keeps the window; a stray confirm without a request does nothing', () => {
    const { guard, events } = setup();
    guard.setDirty(true);
    guard.confirm();
    expect(events).toEqual([]);
    guard.onClose();
    guard.acknowledge();
    // The user pressed Cancel: nothing more arrives. The next close asks again.
    expect(guard.onClose()).toBe(false);
    expect(events).toEqual(['askRenderer', 'askRenderer']);
  });

  it('after the user cancels in the page, a later crash of the page does not raise the close question by itself', async () => {
    const { guard, events } = setup(true);
    guard.setDirty(true);
    guard.onClose();
    guard.acknowledge();
    // Cancelled in the page; the user keeps working, then the page crashes.
    guard.rendererGone();
    await tick();
    expect(events).toEqual(['askRenderer']);
    // Closing again asks again.
    expect(guard.onClose()).toBe(false);
    expect(events).toEqual(['askRenderer', 'askRenderer']);
  });

  it('quitting remembers to quit once confirmed; a later plain close does not quit', () => {
    const { guard, events } = setup();
    guard.setDirty(true);
    guard.quitting();
    expect(guard.onClose()).toBe(false);
    guard.confirm();
    expect(events).toEqual(['askRenderer', 'quit']);

    const b = setup();
    b.guard.setDirty(true);
    b.guard.quitting();
    b.guard.onClose();
    // Cancelled in the page; later the user only closes the window.
    b.guard.onClose();
    b.guard.confirm();
    expect(b.events.at(-1)).toBe('close');
  });

  it('a page that does not answer in time is asked about natively; "close anyway" closes', async () => {
    const { guard, events, fire } = setup(true);
    guard.setDirty(true);
    guard.onClose();
    fire();
    await tick();
    expect(events).toEqual(['askRenderer', 'askNative', 'close']);
  });

  it('a crashed page falls back to the native question at once; "cancel" keeps the window', async () => {
    const { guard, events } = setup(false);
    guard.setDirty(true);
    guard.onClose();
    guard.rendererGone();
    await tick();
    expect(events).toEqual(['askRenderer', 'askNative']);
    // Nothing pending any more: a late confirm does not close.
    guard.confirm();
    expect(events).toEqual(['askRenderer', 'askNative']);
  });

  it('saving clears dirty: the next close goes through without asking', () => {
    const { guard, events } = setup();
    guard.setDirty(true);
    guard.setDirty(false);
    expect(guard.onClose()).toBe(true);
    expect(events).toEqual([]);
  });
});
