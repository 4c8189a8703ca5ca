// The one hook the training loop offers to inspectors: a look at the models and the mini-batch around each step.
// Type-only; imports TF.js types only.
import type * as tf from '@tensorflow/tfjs';
import type { SomeNets } from '../../shared/protocol';
import type { Batch } from '../residentData';

export interface ObservedStep {
  seedIndex: number;
  /** Steps done in this seed's run before this one (0 at the very first). */
  step: number;
  /** The nets about to take the step; an observer reads them and must never change them. */
  models: SomeNets<tf.LayersModel>;
  /** The step's mini-batch (freed by the loop after the step). */
  batch: Batch;
}

export interface StepObserver {
  /**
   * Whether beforeStep would record now (false: it would return null). Lets a loop that keeps the weights
   * elsewhere (the seeds trained together) skip copying them into the models for a step nobody records.
   */
  wantsStep?(): boolean;
  /** Before a step; returns what to run right after it (before the batch is freed), or null when not recording now. */
  beforeStep(step: ObservedStep): (() => void) | null;
}
