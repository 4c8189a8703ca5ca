// The worker protocol: type-only. Every message has a string `type`; every event carries the run it belongs to
// (null for events about the worker itself), so the UI can drop events from a run it has already left.
import type { BackendChoice, BackendName, TrainConfig } from './config';
import type { EpochMetrics, NetId, ParamCounts, RunningMetrics } from './metrics';

/** Main thread → worker. */
export type WorkerCommand =
  /** Pick a backend and load MNIST; sent once, when the worker starts. */
  | { type: 'init'; backend: BackendChoice; dataBaseUrl: string }
  /** Start a fresh run (any run in progress is stopped first). */
  | { type: 'train'; runId: number; config: TrainConfig }
  /** Cooperative stop: the worker finishes the batch in hand and reports `run-finished`. */
  | { type: 'stop'; runId: number };

export type DataFile = 'train-images' | 'train-labels' | 'test-images' | 'test-labels';

export interface BackendInfo {
  backend: BackendName;
  /** Why this backend: forced by the URL, chosen for the device, or a fallback after a failure. */
  reason: string;
  /** The WebGL renderer string when one was read (tells a software renderer such as SwiftShader). */
  renderer: string | null;
}

export type PerNet<T> = Record<NetId, T>;
/** Only the nets a run trains (one may be switched off), or still trains (one may have diverged). */
export type SomeNets<T> = Partial<PerNet<T>>;

/** Where a run is, streamed a few times a second. */
export interface ProgressReport {
  /** 0-based repeat of the experiment (seed = config.seed + repeat). */
  repeat: number;
  /** 1-based epoch in progress. */
  epoch: number;
  /** Steps done in this epoch (both nets advance together). */
  step: number;
  stepsPerEpoch: number;
  /** Training examples per second through both nets together, over the last interval. */
  samplesPerSec: number;
  elapsedMs: number;
  /** The nets still training; a net that diverged or is switched off is absent. */
  running: SomeNets<RunningMetrics>;
  /** 'validating' while the test set is evaluated at the end of an epoch. */
  phase: 'training' | 'validating';
}

export interface Divergence {
  net: NetId;
  repeat: number;
  /** 1-based epoch and step (within the epoch) of the first non-finite loss. */
  epoch: number;
  step: number;
}

/** Worker → main thread. */
export type WorkerEvent =
  | { type: 'backend'; runId: null; info: BackendInfo }
  | { type: 'data-progress'; runId: null; loadedBytes: number; totalBytes: number }
  | { type: 'data-ready'; runId: null; trainCount: number; testCount: number; ms: number }
  | {
      type: 'run-started';
      runId: number;
      config: TrainConfig;
      stepsPerEpoch: number;
      /** The nets this run trains. */
      params: SomeNets<ParamCounts>;
    }
  | ({ type: 'progress'; runId: number } & ProgressReport)
  | { type: 'epoch'; runId: number; repeat: number; epoch: number; metrics: SomeNets<EpochMetrics> }
  /** A net's loss became NaN or infinite: that net stops, the other trains on. */
  | ({ type: 'diverged'; runId: number } & Divergence)
  | { type: 'run-finished'; runId: number; reason: 'completed' | 'stopped'; elapsedMs: number }
  | {
      type: 'error';
      runId: number | null;
      /** What failed: the data (with the file), the backend, the settings, or the run. */
      scope: 'data' | 'backend' | 'config' | 'training' | 'worker';
      message: string;
    };

export type WorkerEventType = WorkerEvent['type'];
