// What the benchmark page and its worker say to each other, and what a backend's measurement holds. Type-only.
import type { BackendName } from '../../src/shared/config';

export interface LoopPlan {
  batchSize: number;
  /** Steps before the clock starts (kernel compilation, optimizer state, caches). */
  warmup: number;
  /** Steps timed. */
  steps: number;
}

export interface BenchOptions {
  backend: BackendName;
  dataBaseUrl: string;
  loops: LoopPlan[];
  repeats: number;
  /** One seed against several, whole runs (null: not on this backend). */
  seeds: SeedsPlan | null;
}

/** Blog nets, both, batch 32, one epoch of `trainSize` examples with its validation pass, seed 42 on. */
export interface SeedsPlan {
  trainSize: number;
  seeds: number;
  repeats: number;
}

export interface SeedsResult extends SeedsPlan {
  /** Wall times of every repeat, ms: one seed; all seeds trained together; the same seeds one after another. */
  oneMs: number[];
  togetherMs: number[];
  inTurnMs: number[];
  /**
   * The same seeds in lanes (other workers beside this one: src/core/seedLanes.ts), forced whatever the cores: wall
   * times of every repeat for each lane count tried (CPU backends only; empty elsewhere), and the cores the browser
   * reports.
   */
  lanes: Array<{ lanes: number; ms: number[] }>;
  cores: number;
  /** ms per step of the matrix products alone (both nets), for one seed and for `seeds` seeds. */
  floorMsPerStep: { one: number; many: number };
  /** ms per step of Adam's update of the large kernels alone (both nets), for one seed and for `seeds` seeds. */
  adamMsPerStep: { one: number; many: number };
}

/** Samples per second of each way of training, medians over the repeats (and every repeat's value). */
export interface Throughput {
  median: number;
  runs: number[];
}

/** The ways of training that are timed: the app's loop (hand-written step, or autodiff), and plain model.fit. */
export type Variant = 'app' | 'app-autodiff' | 'fit';
/** One net, the BN and plain pair ('both'), or all five normalizations at once ('every'). */
export type NetsTimed = 'bn' | 'plain' | 'ln' | 'gn' | 'rms' | 'both' | 'every';
export const NETS_TIMED: readonly NetsTimed[] = ['bn', 'plain', 'both', 'ln', 'gn', 'rms', 'every'];

export interface LoopResult extends LoopPlan {
  throughput: Record<Variant, Record<NetsTimed, Throughput>>;
}

export interface MemoryPoint {
  epoch: number;
  numTensors: number;
  numBytes: number;
}

export interface BackendResult {
  backend: BackendName;
  tfjsVersion: string;
  /** The WebGL renderer (webgl only), or the WASM features in use. */
  detail: string;
  loops: LoopResult[];
  /** One validation pass over the 10,000 test images (BN net, batches of 1,000), median ms. */
  validationMs: Throughput;
  /** tf.memory() before a 5-epoch run, at the end of each epoch, and after it. */
  memory: { before: MemoryPoint; epochs: MemoryPoint[]; after: MemoryPoint };
  dataLoadMs: number;
  seeds: SeedsResult | null;
}

export type BenchMessage = { type: 'run'; options: BenchOptions };
export type BenchReply =
  { type: 'log'; text: string } | { type: 'result'; result: BackendResult } | { type: 'error'; message: string };
