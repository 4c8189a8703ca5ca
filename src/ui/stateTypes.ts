// The UI's state, split by concern, and the actions that change it: types only (the reducer is in state.ts, the
// selectors in runStatus.ts and store/selectors.ts, the store that holds it in store/uiStore.ts).
import type { TrainConfig } from '../shared/config';
import type { FieldKey } from '../shared/configFields';
import type { ConfigProblem } from '../shared/configText';
import type { NetId, ParamCounts } from '../shared/metrics';
import type { InsideSeries } from '../shared/inside';
import type { BackendInfo, Divergence, ModelSource, PerNet, SomeNets, WorkerEvent } from '../shared/protocol';
import type { EpochRecord } from './epochHistory';
import type { InsideState } from './inside/insideState';
import type { SettingsDraft } from './settings';
import type { WorkerFault } from './workerFault';

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

/** Where the run is, as its latest progress message says (the run's settings supply epochs, seeds, steps). */
export interface ProgressState {
  /** Which of the experiment's seeds (0-based: its seed is config.seed + seedIndex). */
  seedIndex: number;
  /** Seeds from `seedIndex` on that advance together (all of them when the worker trains them batched); 1 if absent. */
  seedsTogether?: number;
  epoch: number;
  step: number;
  samplesPerSec: number;
  elapsedMs: number;
  phase: 'training' | 'validating';
}

/** Pause of the run in progress: what the worker last said, and what the page asked that it has not yet confirmed. */
export interface PauseState {
  /** The worker holds the run between two mini-batches (its `run-paused`, until `run-resumed`). */
  paused: boolean;
  pending: 'pause' | 'resume' | null;
}

export interface UiMessage {
  id: number;
  /** Where it failed; 'ui' for the page itself (say, an export). */
  scope: ErrorScope | 'ui';
  /** The run it came from; null for the worker, the backend and the data, which outlive runs. */
  runId: number | null;
  text: string;
}

/** The worker itself: the backend it chose, the data it loaded, and whether it crashed or stalled. */
export interface WorkerState {
  backend: BackendInfo | null;
  backendFailed: boolean;
  data: DataState;
  /** Shown with a Restart button until a fresh worker is asked for. */
  fault: WorkerFault | null;
}

/** The run on screen (not the form, which may already hold the next run's settings). */
export interface RunState {
  status: RunStatus;
  id: number | null;
  config: TrainConfig | null;
  /** From the run's settings when Train is pressed; the worker's own count (run-started) replaces it. */
  stepsPerEpoch: number | null;
  /** Parameter counts of the nets the run trains. */
  params: SomeNets<ParamCounts> | null;
  /** Wall time once the run has ended. */
  finishedMs: number | null;
  pause: PauseState;
  /** Slow motion picked on the page, in steps a second (null: full speed); for the run in progress and the next. */
  stepsPerSecond: number | null;
}

/** What the run produced. */
export interface ResultsState {
  /** Every seed's epoch rows, in order (index r ran with seed config.seed + r); a net the run does not train has none. */
  seedRuns: Array<PerNet<EpochRecord[]>>;
  /** Nets whose loss became NaN or infinite, with where it happened. */
  divergences: Divergence[];
}

/** The settings form and the problems found in the settings a URL brought. */
export interface SettingsState {
  draft: SettingsDraft;
  problems: ConfigProblem[];
}

export interface MessagesState {
  list: UiMessage[];
  nextId: number;
}

/** The nets that make predictions now (the draw pad, the test set, saving): training, trained or loaded ones. */
export interface CurrentNets {
  source: ModelSource;
  nets: NetId[];
  config: TrainConfig | null;
}

/**
 * The page's state, one field per concern. Sections read the fields they show through selectors (store/uiStore.ts);
 * the reducer keeps every field it does not change the same object, so a progress message, which changes
 * `progress` alone, re-renders only what reads it.
 */
export interface UiState {
  worker: WorkerState;
  run: RunState;
  progress: ProgressState | null;
  results: ResultsState;
  settings: SettingsState;
  messages: MessagesState;
  /** What the BN inspectors recorded (reduced in inside/insideState.ts). */
  inside: InsideState;
  currentNets: CurrentNets | null;
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
  /**
   * A preset, or settings from the URL (Back/Forward, with the problems found in it): the whole form replaced; a
   * running run is not touched.
   */
  | { type: 'settings-replaced'; config: TrainConfig; problems?: ConfigProblem[] }
  /** The inspectors' answer to the view the page asked for (the chosen unit's history so far). */
  | { type: 'inside-series-received'; runId: number | null; series: InsideSeries | null }
  | { type: 'ui-error'; message: string }
  | { type: 'message-dismissed'; id: number }
  | { type: 'config-problems-dismissed' }
  /** The worker threw or could not run (from the client), a run stalled (from the hook's watch), or Restart. */
  | { type: 'worker-lost'; message: string }
  | { type: 'worker-stalled'; seconds: number }
  | { type: 'worker-restarted' };
