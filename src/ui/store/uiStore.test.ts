// The store's promises to the sections: subscribers hear only actions that change the state, each concern an action
// does not touch stays the same object (what selectors compare), and event listeners see the state after the event.
import { describe, expect, it } from 'vitest';
import type { WorkerEvent } from '../../shared/protocol';
import { CONFIG, progress } from '../state.fixture';
import type { UiState } from '../stateTypes';
import { UiStore } from './uiStore';

function readyStore(): UiStore {
  const store = new UiStore({ config: CONFIG, problems: [] });
  store.dispatch({
    type: 'worker-event',
    event: { type: 'data-ready', runId: null, trainCount: 2000, testCount: 10, ms: 1 },
  });
  store.dispatch({ type: 'train-requested', runId: 1, config: CONFIG });
  return store;
}

describe('UiStore', () => {
  it('notifies subscribers of changes only', () => {
    const store = readyStore();
    let calls = 0;
    const unsubscribe = store.subscribe(() => calls++);
    store.dispatch({ type: 'worker-event', event: progress(1, 1, 5) });
    expect(calls).toBe(1);
    // A stale run's event and a Stop with nothing running change nothing: no notification.
    store.dispatch({ type: 'worker-event', event: progress(99, 1, 6) });
    store.dispatch({ type: 'resume-requested' });
    expect(calls).toBe(1);
    unsubscribe();
    store.dispatch({ type: 'worker-event', event: progress(1, 1, 7) });
    expect(calls).toBe(1);
  });

  it('keeps what a progress message does not change, so a selector of it does not fire', () => {
    const store = readyStore();
    const selectors: Array<(s: UiState) => unknown> = [
      (s) => s.run,
      (s) => s.results,
      (s) => s.settings.draft,
      (s) => s.messages.list,
      (s) => s.worker,
      (s) => s.inside,
      (s) => s.currentNets,
    ];
    const before = selectors.map((select) => select(store.getState()));
    store.dispatch({ type: 'worker-event', event: progress(1, 1, 5) });
    store.dispatch({ type: 'worker-event', event: progress(1, 1, 9) });
    expect(selectors.map((select) => select(store.getState()))).toEqual(before);
    selectors.forEach((select, i) => expect(select(store.getState())).toBe(before[i]));
    expect(store.getState().progress?.step).toBe(9);
  });

  it('hands each worker event to its listeners with the state that has taken it in', () => {
    const store = readyStore();
    const seen: Array<[WorkerEvent['type'], string]> = [];
    const off = store.onWorkerEvent((event, state) => seen.push([event.type, state.run.status]));
    store.dispatch({
      type: 'worker-event',
      event: { type: 'run-finished', runId: 1, reason: 'completed', elapsedMs: 9 },
    });
    store.dispatch({ type: 'stop-requested' });
    off();
    store.dispatch({ type: 'worker-event', event: progress(1, 1, 5) });
    expect(seen).toEqual([['run-finished', 'finished']]);
  });
});
