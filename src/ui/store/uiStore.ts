// The page's state in one small store outside React: the reducer (state.ts) computes each next state, and sections
// read only the fields they show through selectors (useUi), so React re-renders a section when its fields change and
// not on every action. Worker events are also offered to side effects after the state has taken them in
// (useWorkerEvent): a reading of the worker's memory when a run ends, the test set after each epoch.
//
// Hand-written on React's own useSyncExternalStore rather than a store library: the reducer and its tests already
// exist and stay as they are; what was missing is a subscription with per-selector bail-out, which React provides.
import { createContext, useContext, useEffect, useEffectEvent, useSyncExternalStore } from 'react';
import type { TrainConfig } from '../../shared/config';
import type { ConfigProblem } from '../../shared/configText';
import type { WorkerEvent } from '../../shared/protocol';
import { initState, reducer } from '../state';
import type { UiAction, UiState } from '../stateTypes';

export type WorkerEventListener = (event: WorkerEvent, state: UiState) => void;

export class UiStore {
  private state: UiState;
  private readonly listeners = new Set<() => void>();
  private readonly eventListeners = new Set<WorkerEventListener>();

  constructor(init: { config: TrainConfig; problems: ConfigProblem[] }) {
    this.state = initState(init);
  }

  readonly getState = (): UiState => this.state;

  readonly subscribe = (listener: () => void): (() => void) => {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  };

  readonly dispatch = (action: UiAction): void => {
    const next = reducer(this.state, action);
    if (next !== this.state) {
      this.state = next;
      for (const listener of [...this.listeners]) listener();
    }
    if (action.type === 'worker-event') {
      for (const listener of [...this.eventListeners]) listener(action.event, this.state);
    }
  };

  /** Called with each worker event once the state has taken it in (the state passed is that new state). */
  readonly onWorkerEvent = (listener: WorkerEventListener): (() => void) => {
    this.eventListeners.add(listener);
    return () => this.eventListeners.delete(listener);
  };
}

export const UiStoreContext = createContext<UiStore | null>(null);

export function useUiStore(): UiStore {
  const store = useContext(UiStoreContext);
  if (store === null) throw new Error('useUiStore outside <UiStoreContext.Provider>.');
  return store;
}

/**
 * One field (or a value derived from fields without allocating) of the state: the component re-renders only when
 * it changes (Object.is). A selector must return the same value for the same state: a new object each call would
 * re-render on every action (and React warns), so derive objects with useMemo from selected fields.
 */
export function useUi<T>(select: (state: UiState) => T): T {
  const store = useUiStore();
  return useSyncExternalStore(store.subscribe, () => select(store.getState()));
}

/** Runs `listener` on each worker event after the state has taken it in, for the component's lifetime. */
export function useWorkerEvent(listener: WorkerEventListener): void {
  const store = useUiStore();
  const onEvent = useEffectEvent(listener);
  useEffect(() => store.onWorkerEvent((event, state) => onEvent(event, state)), [store]);
}
