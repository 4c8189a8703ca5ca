// The UI's state and the pure reducer that turns worker events and user actions into it (React owns it via useReducer).
// Pure on purpose: every transition users rely on (stale runs dropped, Train again clears the charts) is unit-tested.
import { assertNever } from '../shared/assertNever';
import { stepsPerEpoch as stepsFor, type TrainConfig } from '../shared/config';
import type { FieldKey } from '../shared/configFields';
import type { ConfigProblem } from '../shared/configText';
import { NET_IDS, type EpochMetrics, type NetId, type ParamCounts } from '../shared/metrics';
import type { BackendInfo, Divergence, ModelSource, PerNet, SomeNets, WorkerEvent } from '../shared/protocol';
import { emptyInside, reduceInside, type InsideState } from './inside/insideState';
import { draftFromConfig, type SettingsDraft } from './settings';
import { backendLost, clearStall, workerCrashed, workerRestarted, workerStalled, type WorkerFault } from './workerFault';

export type RunStatus = 'idle' | 'loading-data' | 'ready' | 'running' | 'stopping' | 'finished' | 'stopped' | 'error';
export type DataPhase = 'waiting' | 'loading' | 'ready' | 'error';
export type ErrorScope = Extract<WorkerEvent, { type: 'error' }>['scope'];

export interface DataState {
  phase: DataPhase;
  loadedBytes: number;
  totalBytes: number;
  trainCount: number | null;
  testCount: number | null;
  ms: number | null;
}

export interface ProgressState {
  /** 0-based repeat of the experiment, of `repeats`. */
  repeat: number;
  repeats: number;
  epoch: number;
  epochs: number;
  step: number;
  stepsPerEpoch: number;
  samplesPerSec: number;
  elapsedMs: number;
  /** Null until at least one step is done. */
  etaMs: number | null;
  phase: 'training' | 'validating';
}

export type EpochRecord = EpochMetrics & { epoch: number };

/** Pause of the run in progress: what the worker last said, and what the page asked that it has not yet confirmed. */
export interface PauseState {
  /** The worker holds the run between two mini-batches (its `run-paused`, until `run-resumed`). */
  paused: boolean;
  pending: 'pause' | 'resume' | null;
}

const NOT_PAUSED: PauseState = { paused: false, pending: null };

export interface UiMessage {
  id: number;
  /** Where it failed; 'ui' for the page itself (say, an export). */
  scope: ErrorScope | 'ui';
  /** The run it came from; null for the worker, the backend and the data, which outlive runs. */
  runId: number | null;
  text: string;
}

export interface UiState {
  backend: BackendInfo | null;
  backendFailed: boolean;
  data: DataState;
  status: RunStatus;
  runId: number | null;
  /** The settings of the run on screen (not the form, which may already hold the next run's). */
  runConfig: TrainConfig | null;
  stepsPerEpoch: number | null;
  /** Parameter counts of the nets the run trains. */
  params: SomeNets<ParamCounts> | null;
  progress: ProgressState | null;
  /** Wall time of the run on screen once it has ended. */
  finishedMs: number | null;
  /** The epoch rows of the repeat in progress (or the last one); a net the run does not train has none. */
  history: PerNet<EpochRecord[]>;
  /** Every repeat's epoch rows, in order (index r ran with seed config.seed + r); the last is `history`. */
  seedRuns: Array<PerNet<EpochRecord[]>>;
  /** Nets whose loss became NaN or infinite, with where it happened. */
  divergences: Divergence[];
  /** The nets that answer predictions now (training, trained or loaded), and the settings that built them. */
  answering: { source: ModelSource; nets: NetId[]; config: TrainConfig | null } | null;
  messages: UiMessage[];
  nextMessageId: number;
  settings: SettingsDraft;
  configProblems: ConfigProblem[];
  /** What the BN inspectors recorded (reduced in inside/insideState.ts). */
  inside: InsideState;
  /** The worker crashed or a run stalled: shown with a Restart button until a fresh worker is asked for. */
  workerFault: WorkerFault | null;
  pause: PauseState;
  /** Slow motion picked on the page, in steps a second (null: full speed); for the run in progress and the next. */
  stepsPerSecond: number | null;
}

export type UiAction =
  | { type: 'worker-event'; event: WorkerEvent }
  | { type: 'train-requested'; runId: number; config: TrainConfig }
  | { type: 'stop-requested' }
  /** Pause or Resume pressed: pending until the worker says the run is held (or goes on). */
  | { type: 'pause-requested' }
  | { type: 'resume-requested' }
  | { type: 'speed-chosen'; stepsPerSecond: number | null }
  | { type: 'config-edited'; key: FieldKey; text: string }
  /** A preset, or settings from the URL (back/forward): the whole form replaced; a running run is not touched. */
  | { type: 'settings-replaced'; config: TrainConfig }
  | { type: 'ui-error'; message: string }
  | { type: 'message-dismissed'; id: number }
  | { type: 'config-problems-dismissed' }
  /** The worker threw or could not run (from the client), a run stalled (from the hook's watch), or Restart. */
  | { type: 'worker-lost'; message: string }
  | { type: 'worker-stalled'; seconds: number }
  | { type: 'worker-restarted' };

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

/** The run in progress is held by Pause (as the worker says): Step is possible. */
export function isPaused(state: Pick<UiState, 'status' | 'pause'>): boolean {
  return state.status === 'running' && state.pause.paused;
}

/** Mini-batches trained in this run so far (one step = one mini-batch through every net), over every epoch and seed. */
export function stepsDone(p: Pick<ProgressState, 'repeat' | 'epoch' | 'epochs' | 'step' | 'stepsPerEpoch'> | null): number {
  if (p === null) return 0;
  return (p.repeat * p.epochs + p.epoch - 1) * p.stepsPerEpoch + p.step;
}

export function isRunActive(status: RunStatus): boolean {
  return status === 'running' || status === 'stopping';
}

/** Time left, assuming the rest of the run goes at the pace so far (validation included, as it recurs each epoch). */
export function estimateEtaMs(p: {
  repeat?: number;
  repeats?: number;
  epoch: number;
  epochs: number;
  step: number;
  stepsPerEpoch: number;
  elapsedMs: number;
}): number | null {
  const perRepeat = p.epochs * p.stepsPerEpoch;
  const total = (p.repeats ?? 1) * perRepeat;
  const done = (p.repeat ?? 0) * perRepeat + (p.epoch - 1) * p.stepsPerEpoch + p.step;
  if (total <= 0 || done <= 0 || p.elapsedMs <= 0) return null;
  return Math.max(0, (p.elapsedMs * (total - Math.min(done, total))) / done);
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
      return state.status === 'running' && !state.pause.paused ? { ...state, pause: { ...state.pause, pending: 'pause' } } : state;
    case 'resume-requested':
      return state.status === 'running' && state.pause.paused ? { ...state, pause: { ...state.pause, pending: 'resume' } } : state;
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
      return { ...state, backend: event.info, backendFailed: false, status: state.status === 'idle' ? 'loading-data' : state.status };
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
      return { ...state, pause: { paused: true, pending: state.pause.pending === 'pause' ? null : state.pause.pending } };
    case 'run-resumed':
      if (!active) return state;
      return { ...state, pause: { paused: false, pending: state.pause.pending === 'resume' ? null : state.pause.pending } };
    case 'run-finished':
      if (!active) return state;
      return { ...state, status: event.reason === 'completed' ? 'finished' : 'stopped', finishedMs: event.elapsedMs, pause: NOT_PAUSED };
    case 'models':
      return { ...state, answering: event.source ? { source: event.source, nets: event.nets, config: event.config } : null };
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
  return state.status === 'idle' || state.status === 'loading-data' || (state.status === 'error' && state.runId === null);
}

/** Inserts or replaces one epoch's rows, keeping each net's history sorted by epoch. */
export function withEpoch(history: PerNet<EpochRecord[]>, epoch: number, metrics: SomeNets<EpochMetrics>): PerNet<EpochRecord[]> {
  const next: PerNet<EpochRecord[]> = { bn: history.bn, plain: history.plain };
  for (const net of NET_IDS) {
    const row = metrics[net];
    if (row) next[net] = upsert(history[net], { ...row, epoch });
  }
  return next;
}

function upsert(rows: EpochRecord[], row: EpochRecord): EpochRecord[] {
  const last = rows[rows.length - 1];
  if (last === undefined || last.epoch < row.epoch) return [...rows, row];
  return [...rows.filter((r) => r.epoch !== row.epoch), row].sort((a, b) => a.epoch - b.epoch);
}

/** Whether the form's config may be sent: the worker has the data and no run is still winding down. */
export function canTrain(state: UiState, configValid: boolean): boolean {
  return configValid && state.data.phase === 'ready' && !isRunActive(state.status) && state.workerFault?.kind !== 'crashed';
}
