// The pure reducer that turns worker events and user actions into the UI's state (stateTypes.ts; React owns it via
// useReducer).
// Pure on purpose: every transition users rely on (stale runs dropped, Train again clears the charts) is unit-tested.
import { assertNever } from '../shared/assertNever';
import { stepsPerEpoch as stepsFor, type TrainConfig } from '../shared/config';
import type { ConfigProblem } from '../shared/configText';
import type { PerNet, WorkerEvent } from '../shared/protocol';
import { withEpoch, type EpochRecord } from './epochHistory';
import { emptyInside, reduceInside } from './inside/insideState';
import { estimateEtaMs, isPaused, isRunActive } from './runStatus';
import { draftFromConfig } from './settings';
import type { PauseState, ProgressState, UiAction, UiMessage, UiState } from './stateTypes';
import { backendLost, clearStall, workerCrashed, workerRestarted, workerStalled } from './workerFault';

const NOT_PAUSED: PauseState = { paused: false, pending: null };

/** Enough to show the last errors without letting a failing loop grow the page without bound. */
export const MAX_MESSAGES = 8;

const EMPTY_HISTORY: PerNet<EpochRecord[]> = { bn: [], plain: [] };

export function initState(init: { config: TrainConfig; problems: ConfigProblem[] }): UiState {
  return {
    backend: null,
    backendFailed: false,
    data: { phase: 'waiting', loadedBytes: 0, totalBytes: 0, trainCount: null, testCount: null, ms: null },
    status: 'idle',
    runId: null,
    runConfig: null,
    stepsPerEpoch: null,
    params: null,
    progress: null,
    finishedMs: null,
    history: EMPTY_HISTORY,
    seedRuns: [],
    divergences: [],
    answering: null,
    messages: [],
    nextMessageId: 1,
    settings: draftFromConfig(init.config),
    configProblems: init.problems,
    inside: emptyInside(),
    workerFault: null,
    pause: NOT_PAUSED,
    stepsPerSecond: null,
  };
}

export function reducer(state: UiState, action: UiAction): UiState {
  switch (action.type) {
    case 'worker-event':
      return clearStall(onEvent(state, action.event), action.event);
    case 'train-requested':
      return {
        ...state,
        status: 'running',
        runId: action.runId,
        runConfig: action.config,
        stepsPerEpoch: stepsFor(action.config),
        params: null,
        progress: null,
        finishedMs: null,
        history: EMPTY_HISTORY,
        seedRuns: [EMPTY_HISTORY],
        divergences: [],
        pause: NOT_PAUSED,
        // Errors of earlier runs no longer describe what is on screen; data and worker errors still do.
        messages: state.messages.filter((m) => m.runId === null),
      };
    case 'stop-requested':
      return state.status === 'running' ? { ...state, status: 'stopping' } : state;
    case 'pause-requested':
      return state.status === 'running' && !state.pause.paused
        ? { ...state, pause: { ...state.pause, pending: 'pause' } }
        : state;
    case 'resume-requested':
      return state.status === 'running' && state.pause.paused
        ? { ...state, pause: { ...state.pause, pending: 'resume' } }
        : state;
    case 'speed-chosen':
      return { ...state, stepsPerSecond: action.stepsPerSecond };
    case 'config-edited':
      return { ...state, settings: { ...state.settings, text: { ...state.settings.text, [action.key]: action.text } } };
    case 'settings-replaced':
      return { ...state, settings: draftFromConfig(action.config) };
    case 'ui-error':
      return addMessage(state, { scope: 'ui', runId: null, text: action.message });
    case 'message-dismissed':
      return { ...state, messages: state.messages.filter((m) => m.id !== action.id) };
    case 'config-problems-dismissed':
      return { ...state, configProblems: [] };
    case 'worker-lost':
      return workerCrashed(state, action.message);
    case 'worker-stalled':
      // A paused run sends nothing, and that is no stall.
      return isPaused(state) ? state : workerStalled(state, action.seconds);
    case 'worker-restarted':
      return workerRestarted(state);
    default:
      return assertNever(action, 'UI action');
  }
}

function onEvent(state: UiState, event: WorkerEvent): UiState {
  // A run the user has left (stopped and replaced) may still be draining its queue: its events must not leak in.
  if (event.runId !== null && event.runId !== state.runId) return state;
  const active = isRunActive(state.status);
  switch (event.type) {
    case 'backend':
      return {
        ...state,
        backend: event.info,
        backendFailed: false,
        status: state.status === 'idle' ? 'loading-data' : state.status,
      };
    case 'data-progress':
      if (state.data.phase === 'ready') return state;
      return {
        ...state,
        status: state.status === 'idle' ? 'loading-data' : state.status,
        data: { ...state.data, phase: 'loading', loadedBytes: event.loadedBytes, totalBytes: event.totalBytes },
      };
    case 'data-ready':
      return {
        ...state,
        status: waitingForData(state) ? 'ready' : state.status,
        data: { ...state.data, phase: 'ready', trainCount: event.trainCount, testCount: event.testCount, ms: event.ms },
      };
    case 'run-started':
      if (!active) return state;
      return { ...state, runConfig: event.config, stepsPerEpoch: event.stepsPerEpoch, params: event.params };
    case 'progress': {
      if (!active) return state;
      const epochs = state.runConfig?.epochs ?? event.epoch;
      const progress: ProgressState = {
        repeat: event.repeat,
        repeats: state.runConfig?.repeats ?? event.repeat + 1,
        seedsTogether: event.seedsTogether ?? 1,
        epoch: event.epoch,
        epochs,
        step: event.step,
        stepsPerEpoch: event.stepsPerEpoch,
        samplesPerSec: event.samplesPerSec,
        elapsedMs: event.elapsedMs,
        etaMs: estimateEtaMs({ ...event, epochs, repeats: state.runConfig?.repeats ?? 1 }),
        phase: event.phase,
      };
      return { ...state, stepsPerEpoch: event.stepsPerEpoch, progress };
    }
    case 'epoch': {
      if (!active) return state;
      const seedRuns = [...state.seedRuns];
      while (seedRuns.length <= event.repeat) seedRuns.push(EMPTY_HISTORY);
      const history = withEpoch(seedRuns[event.repeat] ?? EMPTY_HISTORY, event.epoch, event.metrics);
      seedRuns[event.repeat] = history;
      return { ...state, history, seedRuns };
    }
    case 'diverged': {
      if (!active) return state;
      const { net, repeat, epoch, step } = event;
      return { ...state, divergences: [...state.divergences, { net, repeat, epoch, step }] };
    }
    case 'run-paused':
      if (!active) return state;
      // A pause confirmed; a Resume pressed meanwhile is still on its way.
      return {
        ...state,
        pause: { paused: true, pending: state.pause.pending === 'pause' ? null : state.pause.pending },
      };
    case 'run-resumed':
      if (!active) return state;
      return {
        ...state,
        pause: { paused: false, pending: state.pause.pending === 'resume' ? null : state.pause.pending },
      };
    case 'run-finished':
      if (!active) return state;
      return {
        ...state,
        status: event.reason === 'completed' ? 'finished' : 'stopped',
        finishedMs: event.elapsedMs,
        pause: NOT_PAUSED,
      };
    case 'models':
      return {
        ...state,
        answering: event.source ? { source: event.source, nets: event.nets, config: event.config } : null,
      };
    // Answers to requests: the code that asked awaits them (TrainingClient.request); the state does not change.
    case 'prediction':
    case 'test-inspection':
    case 'model-list':
    case 'models-saved':
    case 'models-loaded':
    case 'models-exported':
    case 'bn-recalibrated':
      return state;
    case 'inside-record':
    case 'inside-series':
      return { ...state, inside: reduceInside(state.inside, event) };
    case 'memory':
      return state;
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
  return {
    ...state,
    messages: [...state.messages, { ...message, id: state.nextMessageId }].slice(-MAX_MESSAGES),
    nextMessageId: state.nextMessageId + 1,
  };
}

function onError(state: UiState, event: Extract<WorkerEvent, { type: 'error' }>): UiState {
  const next = addMessage(state, { scope: event.scope, runId: event.runId, text: event.message });
  if (event.runId !== null) {
    // The worker ends a run that fails without a run-finished, so the error is what ends it here.
    return isRunActive(state.status) ? { ...next, status: 'error', pause: NOT_PAUSED } : next;
  }
  const beforeData = state.data.phase !== 'ready';
  // Without a backend or data the worker cannot train; a worker failure before the data arrives means it never will.
  if (beforeData && (event.scope === 'data' || event.scope === 'backend' || event.scope === 'worker')) {
    return {
      ...next,
      backendFailed: next.backendFailed || event.scope === 'backend',
      data: { ...state.data, phase: 'error' },
      status: isRunActive(state.status) ? state.status : 'error',
    };
  }
  return next;
}

/** True until the data first arrives (an earlier worker hiccup may have flagged an error that the data now disproves). */
function waitingForData(state: UiState): boolean {
  return (
    state.status === 'idle' || state.status === 'loading-data' || (state.status === 'error' && state.runId === null)
  );
}
