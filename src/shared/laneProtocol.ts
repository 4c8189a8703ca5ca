// Messages between the training worker and a seed lane (worker/seedLane.worker.ts): plain data only. A lane gets the
// data once, then trains one seed at a time and streams that seed's epochs, divergences and position.
import type { BackendName, TrainConfig } from './config';
import type { EpochMetrics } from './metrics';
import type { Divergence, SomeNets } from './protocol';

/** One split as bytes (pixel values 0–255, as in the MNIST files): a quarter of the floats the worker holds. */
export interface LaneSplit {
  count: number;
  pixels: Uint8Array;
  labels: Uint8Array;
}

export type LaneCommand =
  | { type: 'init'; backend: BackendName; train: LaneSplit; test: LaneSplit }
  | { type: 'train'; config: TrainConfig; seedIndex: number }
  | { type: 'hold' }
  | { type: 'release' }
  | { type: 'stop' };

export type LaneEvent =
  | { type: 'ready' }
  | { type: 'epoch'; seedIndex: number; epoch: number; metrics: SomeNets<EpochMetrics> }
  | { type: 'diverged'; divergence: Divergence }
  | { type: 'position'; epoch: number; step: number }
  | { type: 'done'; outcome: 'completed' | 'stopped' }
  /** The lane cannot go on (its backend did not start, a step threw): the seed is trained elsewhere. */
  | { type: 'failed'; message: string };
