// The worker protocol: type-only. Every message has a string `type`; every event carries the run it belongs to
// (null for events about the worker itself), so the UI can drop events from a run it has already left.
import type { BackendChoice, BackendName, TrainConfig } from './config';
import type { BnMath, InsideRecord, InsideSeries, InsideView, RecalibrationResult } from './inside';
import type { EpochMetrics, NetId, ParamCounts, RunningMetrics } from './metrics';

/** Main thread → worker. */
export type WorkerCommand =
  /** Pick a backend and load MNIST; sent once, when the worker starts (with the backend probe an earlier visit kept). */
  | {
      type: 'init';
      backend: BackendChoice;
      dataBaseUrl: string;
      cachedProbe?: BackendProbe | null;
      debug?: WorkerDebugOptions;
    }
  /** Start a fresh run (any run in progress is stopped first), at full speed or in slow motion (see `speed`). */
  | { type: 'train'; runId: number; config: TrainConfig; stepsPerSecond?: number | null }
  /** Cooperative stop: the worker finishes the batch in hand and reports `run-finished` (also while paused). */
  | { type: 'stop'; runId: number }
  /** Hold the run between mini-batches (`run-paused` once it is held); resume goes on. A stale runId is ignored. */
  | { type: 'pause'; runId: number }
  | { type: 'resume'; runId: number }
  /** While paused: train exactly one mini-batch of every net, then hold again (a progress report follows). */
  | { type: 'step'; runId: number }
  /** Slow motion: at most this many steps a second; null for full speed. */
  | { type: 'speed'; runId: number; stepsPerSecond: number | null }
  /** Both nets' probabilities for one preprocessed 28×28 image (784 values in [0,1]), in inference mode. */
  | { type: 'predict'; requestId: number; pixels: Float32Array }
  /** Each net's prediction on the whole test set, plus a sample of test images for the gallery. */
  | { type: 'inspect-test'; requestId: number; sampleSize: number; sampleSeed: number }
  /** Saved models: kept in the worker's IndexedDB, or exported to / imported from a file. */
  | { type: 'save-models'; requestId: number; name: string }
  | { type: 'list-models'; requestId: number }
  | { type: 'load-models'; requestId: number; name: string }
  | { type: 'delete-models'; requestId: number; name: string }
  | { type: 'export-models'; requestId: number }
  | { type: 'import-models'; requestId: number; fileName: string; bytes: ArrayBuffer }
  /** The BN inspectors: open or closed, and which hidden layer and unit they show; answered by that unit's history. */
  | { type: 'inside-view'; requestId: number; view: InsideView }
  /** The paper's Algorithm 2 on the BN net that predicts now: test accuracy with running vs population statistics. */
  | { type: 'recalibrate-bn'; requestId: number }
  /** The backend's tensor count and bytes (tf.memory()): the leak check users and tests can read. */
  | { type: 'memory'; requestId: number };

/** Test-only switches (from the page's debug URL keys); production pages send none. */
export interface WorkerDebugOptions {
  /** Pretend WebGL cannot render to 32-bit float textures (as on float16-only GPUs). */
  forceFloat16?: boolean;
  /** Train a run's seeds in this many other workers whatever the cores (core/seedLaneCount.ts). */
  seedLanes?: number;
}

export interface MemoryReport {
  backend: BackendName | null;
  numTensors: number;
  numBytes: number;
}

/** Where the models that answer predictions come from. */
export type ModelSource =
  /** The nets of the run in progress, as they train. */
  | { kind: 'training'; runId: number }
  /** The nets a finished (or stopped) run left behind. */
  | { kind: 'trained'; runId: number }
  /** Nets loaded from the browser's storage or from a file, under their saved name. */
  | { kind: 'loaded'; name: string };

/** A saved pair of nets: its name, the settings that built and trained them, and when. */
export interface SavedModelsInfo {
  name: string;
  config: TrainConfig;
  savedAt: string;
  /** Final val_accuracy per net when it was saved, if known. */
  valAccuracy: SomeNets<number>;
}

export interface TestInspection {
  /** The 10,000 test labels, in order. */
  labels: Uint8Array;
  /** Each net's arg-max prediction for every test image. */
  predicted: SomeNets<Uint8Array>;
  /** A sample of test images for the gallery: their indices and pixels (0–255, 784 each, row-major). */
  sample: { indices: Int32Array; pixels: Uint8Array };
}

export type DataFile = 'train-images' | 'train-labels' | 'test-images' | 'test-labels';

/** A timed probe of the backends on one device: training samples per second through both nets, each backend tried. */
export interface BackendProbe {
  /** The device it was measured on: WebGL renderer, browser and TF.js version. */
  deviceKey: string;
  /** The faster one. */
  backend: BackendName;
  rates: Partial<Record<BackendName, number>>;
  /** ISO date. */
  measuredAt: string;
}

export interface BackendInfo {
  backend: BackendName;
  /** Why this backend: forced by the URL, measured as the faster, or a fallback after a failure. */
  reason: string;
  /** The WebGL renderer string when one was read (tells a software renderer such as SwiftShader). */
  renderer: string | null;
  /** The measurement behind an automatic choice; null when forced (or when no probe could run). */
  probe: BackendProbe | null;
  probeSource: 'measured' | 'cached' | null;
  /** How many other workers train seeds beside the training one (0: one after another there), and why. */
  seedLanes?: { lanes: number; reason: string };
}

/**
 * A value per net: always the BN and plain nets' (empty when a run did not train one, as in the runs and files kept
 * before other normalizations existed), the LayerNorm, GroupNorm and RMSNorm nets' when present.
 */
export type PerNet<T> = Record<'bn' | 'plain', T> & Partial<Record<Exclude<NetId, 'bn' | 'plain'>, T>>;
/** Only the nets a run trains (one may be switched off), or still trains (one may have diverged). */
export type SomeNets<T> = Partial<PerNet<T>>;

/** Where a run is, streamed a few times a second. */
export interface ProgressReport {
  /** Which of the experiment's seeds (0-based: its seed is config.seed + seedIndex). */
  seedIndex: number;
  /**
   * How many seeds, from `seedIndex` on, advance together in this report (all of a run's seeds train as one batched
   * step: core/seedsRun.ts); 1 or absent when the seeds train one after another. `running` is then `seedIndex`'s.
   */
  seedsTogether?: number;
  /** 1-based epoch in progress. */
  epoch: number;
  /** Steps done in this epoch (both nets advance together). */
  step: number;
  stepsPerEpoch: number;
  /** Training examples per second through both nets together, over the last interval. */
  samplesPerSec: number;
  /** Time since the run started, not counting the time it was held by Pause (so the ETA is not inflated by one). */
  elapsedMs: number;
  /** The nets still training; a net that diverged or is switched off is absent. */
  running: SomeNets<RunningMetrics>;
  /** 'validating' while the test set is evaluated at the end of an epoch. */
  phase: 'training' | 'validating';
}

export interface Divergence {
  net: NetId;
  seedIndex: number;
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
  | { type: 'epoch'; runId: number; seedIndex: number; epoch: number; metrics: SomeNets<EpochMetrics> }
  /** A net's loss became NaN or infinite: that net stops, the other trains on. */
  | ({ type: 'diverged'; runId: number } & Divergence)
  /** The run is held by Pause between two mini-batches (the progress report before it gives the exact position). */
  | { type: 'run-paused'; runId: number }
  /** The run goes on after a pause. */
  | { type: 'run-resumed'; runId: number }
  /** elapsedMs: the run's time, not counting the time it was held by Pause. */
  | { type: 'run-finished'; runId: number; reason: 'completed' | 'stopped'; elapsedMs: number }
  /** The nets that make predictions changed (a run started or ended, or nets were loaded); null: there are none. */
  | { type: 'models'; runId: null; source: ModelSource | null; nets: NetId[]; config: TrainConfig | null }
  /** Answers to requests carry their request's id; probabilities are null when there is no model yet. */
  | { type: 'prediction'; runId: null; requestId: number; probabilities: SomeNets<number[]> | null }
  | ({ type: 'test-inspection'; runId: null; requestId: number } & TestInspection)
  | { type: 'model-list'; runId: null; requestId: number; entries: SavedModelsInfo[] }
  | { type: 'models-saved'; runId: null; requestId: number; entry: SavedModelsInfo }
  | { type: 'models-loaded'; runId: null; requestId: number; entry: SavedModelsInfo }
  | { type: 'models-exported'; runId: null; requestId: number; fileName: string; bytes: ArrayBuffer }
  /** What the BN inspectors recorded at a step (at a bounded rate, only while they are open). */
  | { type: 'inside-record'; runId: number; record: InsideRecord }
  /**
   * The answer to `inside-view`: the chosen layer's and unit's history in the run that recorded it (null: none yet),
   * and, when no run is in progress and a BN net answers, the maths on a sample batch (null otherwise).
   */
  | {
      type: 'inside-series';
      runId: number | null;
      requestId: number;
      series: InsideSeries | null;
      sample: BnMath | null;
    }
  | { type: 'bn-recalibrated'; runId: null; requestId: number; result: RecalibrationResult }
  | ({ type: 'memory'; runId: null; requestId: number } & MemoryReport)
  /**
   * The backend stopped working (a lost WebGL context): the worker moved to the next backend (a `backend` event
   * follows). The run it interrupted, if any, ended; the page may start it again.
   */
  | { type: 'backend-lost'; runId: null; lost: BackendName; message: string; interruptedRunId: number | null }
  | {
      type: 'error';
      runId: number | null;
      /** What failed: the data (with the file), the backend, the settings, the run, or saved models. */
      scope: 'data' | 'backend' | 'config' | 'training' | 'worker' | 'models';
      message: string;
      /** The request that failed, when the error answers one. */
      requestId?: number;
    };

export type WorkerEventType = WorkerEvent['type'];
