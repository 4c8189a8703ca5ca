// What the page does when the worker itself fails: it died or threw (crashed), a run stopped making progress
// (stalled), or its WebGL context was lost. Pure reducer steps, used by state.ts and tested on their own.
import type { WorkerEvent } from '../shared/protocol';
import { isRunActive } from './runStatus';
import type { DataState, UiState } from './stateTypes';
import { addMessage } from './state';

export interface WorkerFault {
  /** crashed: the worker threw or could not run; stalled: a run sent nothing for a long while. */
  kind: 'crashed' | 'stalled';
  message: string;
}

const WAITING_DATA: DataState = {
  phase: 'waiting',
  loadedBytes: 0,
  totalBytes: 0,
  trainCount: null,
  testCount: null,
  ms: null,
};

/** The worker failed: the run it had (if any) is over, and only a fresh worker (Restart) helps. */
export function workerCrashed(state: UiState, message: string): UiState {
  const { worker, run } = state;
  const dataReady = worker.data.phase === 'ready';
  // Shown once, in the fault notice beside Restart (an alert itself), not again in the error list.
  return {
    ...state,
    worker: {
      ...worker,
      fault: { kind: 'crashed', message },
      data: dataReady ? worker.data : { ...worker.data, phase: 'error' },
    },
    run: isRunActive(run.status) || !dataReady ? { ...run, status: 'error' } : run,
  };
}

/** A run sent no progress for `seconds`: said once; the run may still recover (the next progress clears it). */
export function workerStalled(state: UiState, seconds: number): UiState {
  if (!isRunActive(state.run.status)) return state;
  const message = `The run has sent no progress for ${seconds} s. The worker may be stuck: Restart brings a fresh one (the charts stay).`;
  return { ...state, worker: { ...state.worker, fault: { kind: 'stalled', message } } };
}

/** A fresh worker is starting: it picks a backend and loads the data again; the charts and the log stay. */
export function workerRestarted(state: UiState): UiState {
  return {
    ...state,
    worker: { fault: null, backend: null, backendFailed: false, data: WAITING_DATA },
    run: { ...state.run, status: 'loading-data' },
    currentNets: null,
  };
}

/** Progress from the run on screen proves the worker is alive again. */
export function clearStall(state: UiState, event: WorkerEvent): UiState {
  if (state.worker.fault?.kind !== 'stalled' || event.runId === null || event.runId !== state.run.id) return state;
  return { ...state, worker: { ...state.worker, fault: null } };
}

/** The WebGL context was lost: a visible notice (the page starts the interrupted run again on the new backend). */
export function backendLost(state: UiState, event: Extract<WorkerEvent, { type: 'backend-lost' }>): UiState {
  const restarts = event.interruptedRunId !== null && event.interruptedRunId === state.run.id;
  const text = restarts ? `${event.message} The run starts again from the beginning there.` : event.message;
  return addMessage(state, { scope: 'backend', runId: null, text });
}
