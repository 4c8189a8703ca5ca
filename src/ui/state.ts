// The pure reducer that turns worker events and user actions into the UI's state (stateTypes.ts; the store in
// store/uiStore.ts holds it). Each action replaces only the concerns it changes: the others stay the same objects,
// which is what lets a section skip the actions that are not about it.
// Pure on purpose: every transition users rely on (stale runs dropped, Train again clears the charts) is unit-tested.
import { assertNever } from '../shared/assertNever';
import { stepsPerEpoch as stepsFor, type TrainConfig } from '../shared/config';
import type { ConfigProblem } from '../shared/configText';
import type { PerNet, WorkerEvent } from '../shared/protocol';
import { withEpoch, type EpochRecord } from './epochHistory';
import { emptyInside, reduceInside, withInsideSeries } from './inside/insideState';
import { isPaused, isRunActive } from './runStatus';
import { draftFromConfig } from './settings';
import type { PauseState, ProgressState, RunState, UiAction, UiMessage, UiState } from './stateTypes';
import { backendLost, clearStall, workerCrashed, workerRestarted, workerStalled } from './workerFault';

const NOT_PAUSED: PauseState = { paused: false, pending: null };

/** Enough to show the last errors without letting a failing loop grow the page without bound. */
export const MAX_MESSAGES = 8;

const EMPTY_SEED_RUN: PerNet<EpochRecord[]> = { bn: [], plain: [] };

export function initState(init: { config: TrainConfig; problems: ConfigProblem[] }): UiState {
  return {
    worker: {
      backend: null,
      backendFailed: false,
      data: { phase: 'waiting', loadedBytes: 0, totalBytes: 0, trainCount: null, testCount: null, ms: null },
      fault: null,
    },
    run: {
      status: 'idle',
      id: null,
      config: null,
      stepsPerEpoch: null,
      params: null,
      finishedMs: null,
      pause: NOT_PAUSED,
      stepsPerSecond: null,
    },
    progress: null,
    results: { seedRuns: [], divergences: [] },
    settings: { draft: draftFromConfig(init.config), problems: init.problems },
    messages: { list: [], nextId: 1 },
    inside: emptyInside(),
    currentNets: null,
  };
}

/** The state with some of the run's fields replaced. */
export function withRun(state: UiState, patch: Partial<RunState>): UiState {
  return { ...state, run: { ...state.run, ...patch } };
}

export function reducer(state: UiState, action: UiAction): UiState {
  switch (action.type) {
    case 'worker-event':
      return clearStall(onEvent(state, action.event), action.event);
    case 'train-requested':
      return {
        ...state,
        run: {
          ...state.run,
          status: 'running',
          id: action.runId,
          config: action.config,
          stepsPerEpoch: stepsFor(action.config),
          params: null,
          finishedMs: null,
          pause: NOT_PAUSED,
        },
        progress: null,
        results: { seedRuns: [EMPTY_SEED_RUN], divergences: [] },
        // Errors of earlier runs no longer describe what is on screen; data and worker errors still do.
        messages: { ...state.messages, list: state.messages.list.filter((m) => m.runId === null) },
      };
    case 'stop-requested':
      return state.run.status === 'running' ? withRun(state, { status: 'stopping' }) : state;
    case 'pause-requested':
      return state.run.status === 'running' && !state.run.pause.paused
        ? withRun(state, { pause: { ...state.run.pause, pending: 'pause' } })
        : state;
    case 'resume-requested':
      return state.run.status === 'running' && state.run.pause.paused
        ? withRun(state, { pause: { ...state.run.pause, pending: 'resume' } })
        : state;
    case 'speed-chosen':
      return withRun(state, { stepsPerSecond: action.stepsPerSecond });
    case 'config-edited': {
      const { draft } = state.settings;
      return {
        ...state,
        settings: { ...state.settings, draft: { ...draft, text: { ...draft.text, [action.key]: action.text } } },
      };
    }
    case 'settings-replaced':
      return {
        ...state,
        settings: { draft: draftFromConfig(action.config), problems: action.problems ?? state.settings.problems },
      };
    case 'inside-series-received':
      return action.series === null || action.runId === null
        ? state
        : { ...state, inside: withInsideSeries(state.inside, action.runId, action.series) };
    case 'ui-error':
      return addMessage(state, { scope: 'ui', runId: null, text: action.message });
    case 'message-dismissed':
      return { ...state, messages: { ...state.messages, list: state.messages.list.filter((m) => m.id !== action.id) } };
    case 'config-problems-dismissed':
      return { ...state, settings: { ...state.settings, problems: [] } };
    case 'worker-lost':
      return workerCrashed(state, action.message);
    case 'worker-stalled':
      // A paused run sends nothing, and that is no stall.
      return isPaused(state.run) ? state : workerStalled(state, action.seconds);
    case 'worker-restarted':
      return workerRestarted(state);
    default:
      return assertNever(action, 'UI action');
  }
}

function onEvent(state: UiState, event: WorkerEvent): UiState {
  // A run the user has left (stopped and replaced) may still be draining its queue: its events must not leak in.
  if (event.runId !== null && event.runId !== state.run.id) return state;
  const active = isRunActive(state.run.status);
  const { worker, run } = state;
  switch (event.type) {
    case 'backend':
      return {
        ...state,
        worker: { ...worker, backend: event.info, backendFailed: false },
        run: run.status === 'idle' ? { ...run, status: 'loading-data' } : run,
      };
    case 'data-progress':
      if (worker.data.phase === 'ready') return state;
      return {
        ...state,
        worker: {
          ...worker,
          data: { ...worker.data, phase: 'loading', loadedBytes: event.loadedBytes, totalBytes: event.totalBytes },
        },
        run: run.status === 'idle' ? { ...run, status: 'loading-data' } : run,
      };
    case 'data-ready': {
      const { trainCount, testCount, ms } = event;
      return {
        ...state,
        worker: { ...worker, data: { ...worker.data, phase: 'ready', trainCount, testCount, ms } },
        run: waitingForData(run) ? { ...run, status: 'ready' } : run,
      };
    }
    case 'run-started':
      if (!active) return state;
      return withRun(state, { config: event.config, stepsPerEpoch: event.stepsPerEpoch, params: event.params });
    case 'progress': {
      if (!active) return state;
      const progress: ProgressState = {
        seedIndex: event.seedIndex,
        seedsTogether: event.seedsTogether ?? 1,
        epoch: event.epoch,
        step: event.step,
        samplesPerSec: event.samplesPerSec,
        elapsedMs: event.elapsedMs,
        phase: event.phase,
      };
      // The run's step count is the worker's (run-started); progress repeats it and changes nothing else.
      const next = { ...state, progress };
      return run.stepsPerEpoch === event.stepsPerEpoch ? next : withRun(next, { stepsPerEpoch: event.stepsPerEpoch });
    }
    case 'epoch': {
      if (!active) return state;
      const seedRuns = [...state.results.seedRuns];
      while (seedRuns.length <= event.seedIndex) seedRuns.push(EMPTY_SEED_RUN);
      seedRuns[event.seedIndex] = withEpoch(seedRuns[event.seedIndex] ?? EMPTY_SEED_RUN, event.epoch, event.metrics);
      return { ...state, results: { ...state.results, seedRuns } };
    }
    case 'diverged': {
      if (!active) return state;
      const { net, seedIndex, epoch, step } = event;
      const divergences = [...state.results.divergences, { net, seedIndex, epoch, step }];
      return { ...state, results: { ...state.results, divergences } };
    }
    case 'run-paused':
      if (!active) return state;
      // A pause confirmed; a Resume pressed meanwhile is still on its way.
      return withRun(state, {
        pause: { paused: true, pending: run.pause.pending === 'pause' ? null : run.pause.pending },
      });
    case 'run-resumed':
      if (!active) return state;
      return withRun(state, {
        pause: { paused: false, pending: run.pause.pending === 'resume' ? null : run.pause.pending },
      });
    case 'run-finished':
      if (!active) return state;
      return withRun(state, {
        status: event.reason === 'completed' ? 'finished' : 'stopped',
        finishedMs: event.elapsedMs,
        pause: NOT_PAUSED,
      });
    case 'models':
      return {
        ...state,
        currentNets: event.source ? { source: event.source, nets: event.nets, config: event.config } : null,
      };
    // Answers to requests go to the code that asked (TrainingClient.request), never here; one whose request has
    // already timed out is dropped.
    case 'prediction':
    case 'test-inspection':
    case 'model-list':
    case 'models-saved':
    case 'models-loaded':
    case 'models-exported':
    case 'bn-recalibrated':
    case 'inside-series':
    case 'memory':
      return state;
    case 'inside-record':
      return { ...state, inside: reduceInside(state.inside, event) };
    case 'backend-lost':
      return backendLost(state, event);
    case 'error':
      // An error that answers a request is shown by the code that made it (say, the saved-models panel).
      return event.requestId === undefined ? onError(state, event) : state;
    default:
      return assertNever(event, 'worker event');
  }
}

export function addMessage(state: UiState, message: Omit<UiMessage, 'id'>): UiState {
  const { list, nextId } = state.messages;
  return {
    ...state,
    messages: { list: [...list, { ...message, id: nextId }].slice(-MAX_MESSAGES), nextId: nextId + 1 },
  };
}

function onError(state: UiState, event: Extract<WorkerEvent, { type: 'error' }>): UiState {
  const next = addMessage(state, { scope: event.scope, runId: event.runId, text: event.message });
  const { run, worker } = state;
  if (event.runId !== null) {
    // The worker ends a run that fails without a run-finished, so the error is what ends it here.
    return isRunActive(run.status) ? withRun(next, { status: 'error', pause: NOT_PAUSED }) : next;
  }
  const beforeData = worker.data.phase !== 'ready';
  // Without a backend or data the worker cannot train; a worker failure before the data arrives means it never will.
  if (beforeData && (event.scope === 'data' || event.scope === 'backend' || event.scope === 'worker')) {
    return {
      ...next,
      worker: {
        ...worker,
        backendFailed: worker.backendFailed || event.scope === 'backend',
        data: { ...worker.data, phase: 'error' },
      },
      run: isRunActive(run.status) ? run : { ...run, status: 'error' },
    };
  }
  return next;
}

/** True until the data first arrives (an earlier worker hiccup may have flagged an error that the data now disproves). */
function waitingForData(run: RunState): boolean {
  return run.status === 'idle' || run.status === 'loading-data' || (run.status === 'error' && run.id === null);
}
