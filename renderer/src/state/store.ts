import { useSyncExternalStore } from 'react';

/** A minimal external store: plain state, shallow-merged updates, selector subscriptions. */
export interface Store<T> {
  get(): T;
  set(update: Partial<T> | ((s: T) => Partial<T>)): void;
  subscribe(listener: () => void): () => void;
}

export function createStore<T extends object>(initial: T): Store<T> {
  let state = initial;
  const listeners = new Set<() => void>();
  return {
    get: () => state,
    set(update) {
      const patch = typeof update === 'function' ? update(state) : update;
      let changed = false;
      for (const key of Object.keys(patch) as (keyof T)[]) {
        if (!Object.is(state[key], patch[key])) changed = true;
      }
      if (!changed) return;
      state = { ...state, ...patch };
      for (const l of [...listeners]) l();
    },
    subscribe(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
  };
}

/** Anything with a current state and change notifications: a UI store or the app's editor engine. */
export type Readable<T> =
  | { get(): T; subscribe(listener: () => void): () => void }
  | { getState(): T; subscribe(listener: (state: T) => void): () => void };

export function useStore<T, S>(source: Readable<T>, selector: (s: T) => S): S {
  const read = 'getState' in source ? source.getState : source.get;
  return useSyncExternalStore(
    (l) => source.subscribe(() => l()),
    () => selector(read()),
  );
}
