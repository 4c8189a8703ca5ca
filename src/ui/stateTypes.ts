// The UI's state and the actions that change it: types only (the reducer is in state.ts, the selectors in runStatus.ts).
import type { TrainConfig } from '../shared/config';
import type { FieldKey } from '../shared/configFields';
import type { ConfigProblem } from '../shared/configText';
import type { NetId, ParamCounts } from '../shared/metrics';
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

export interface ProgressState {
  /** 0-based repeat of the experiment, of `repeats`. */
  repeat: number;
  repeats: number;
  /** Seeds from `repeat` on that advance together (all of them when the worker trains them batched); 1 if absent. */
  seedsTogether?: number;
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
