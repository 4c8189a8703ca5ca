// K seeds of one net trained together: their models (built one per seed, as a one-seed run builds them), the
// stacked weights they train on, one optimizer over the stacked variables (each element its own Adam), and epoch
// accumulators with one entry per seed (kept on the backend, read back only when asked). Imports TF.js only.
import * as tf from '@tensorflow/tfjs';
import { IMAGE_SIZE } from '../data/idx';
import type { OptimizerName } from '../shared/config';
import type { RunningMetrics } from '../shared/metrics';
import { evaluateModel, type Evaluation } from './evaluate';
import { planMlp } from './mlpPlan';
import type { Batch, ResidentSplit } from './residentData';
import { disposeStack, stackPlans, writeBack, type SeedStack } from './seedStack';
import { seedsForwardBackward } from './seedsStep';
import { makeStepOptimizer, type StepOptimizer } from './stepOptimizers';

/** A batch for every seed: x [K·b, 28, 28] and y [K·b], seed k's examples at rows k·b … k·b + b − 1. */
export type SeedsBatch = Batch;

const zeros = (n: number): tf.Variable => tf.tidy(() => tf.variable(tf.zeros([n]), false));

export class SeedsTrainer {
  readonly seeds: number;
  private readonly lossSum: tf.Variable;
  private readonly correctSum: tf.Variable;
  /** Per seed, the first step whose loss was not finite (Infinity while none was). */
  private readonly firstBadStep: tf.Variable;
  private stepsTaken = 0;
  private samples = 0;
  /** Seconds spent in the seeds' training steps this epoch (shared by all of them). */
  private trainSeconds = 0;
  /** Seconds each seed's validation took this epoch. */
  private readonly evalSeconds: number[];

  private constructor(
    readonly models: readonly tf.LayersModel[],
    private readonly stack: SeedStack,
    private readonly optimizer: StepOptimizer,
  ) {
    this.seeds = models.length;
    this.lossSum = zeros(this.seeds);
    this.correctSum = zeros(this.seeds);
    this.firstBadStep = tf.tidy(() => tf.variable(tf.fill([this.seeds], Number.POSITIVE_INFINITY), false));
    this.evalSeconds = models.map(() => 0);
  }

  /**
   * Trainers for these models (one per seed, one net), or null when they cannot train together (a model the
   * hand-written step does not know, e.g. one with the BN layer written out): the caller then trains seed by seed.
   */
  static create(models: readonly tf.LayersModel[], optimizer: OptimizerName, lr: number): SeedsTrainer | null {
    const plans = models.map((m) => planMlp(m));
    if (plans.some((p) => p === null)) return null;
    const stack = stackPlans(plans.filter((p) => p !== null));
    if (!stack) return null;
    return new SeedsTrainer(models, stack, makeStepOptimizer(optimizer, lr));
  }

  /** One optimizer step of every seed on its own mini-batch (training mode). */
  step(batch: SeedsBatch): void {
    const start = performance.now();
    this.stepsTaken += 1;
    const stepNumber = this.stepsTaken;
    const perSeed = batch.y.shape[0] / this.seeds;
    tf.tidy(() => {
      const x = tf.reshape(batch.x, [this.seeds, perSeed, IMAGE_SIZE]) as tf.Tensor3D;
      const y = tf.reshape(batch.y, [this.seeds, perSeed]) as tf.Tensor2D;
      const { grads, lossSum, correct, statistics } = seedsForwardBackward(this.stack, x, y);
      this.optimizer.apply(this.stack.trainable, grads);
      for (const { variable, value } of statistics) variable.assign(value);
      this.lossSum.assign(tf.add(this.lossSum, lossSum));
      this.correctSum.assign(tf.add(this.correctSum, correct));
      const here = tf.where(tf.isFinite(lossSum), tf.fill([this.seeds], Number.POSITIVE_INFINITY), stepNumber);
      this.firstBadStep.assign(tf.minimum(this.firstBadStep, here));
    });
    this.samples += perSeed;
    this.trainSeconds += (performance.now() - start) / 1000;
  }

  /** Each seed's means over the epoch so far (weighted by batch size, as one net's trainer does). */
  async running(): Promise<RunningMetrics[]> {
    if (this.samples === 0) return this.models.map(() => ({ loss: Number.NaN, accuracy: Number.NaN }));
    const [loss, correct] = await Promise.all([this.lossSum.data(), this.correctSum.data()]);
    return this.models.map((_, k) => ({
      loss: (loss[k] ?? Number.NaN) / this.samples,
      accuracy: (correct[k] ?? Number.NaN) / this.samples,
    }));
  }

  /** Per seed, the step its loss stopped being finite, or null (one small vector read back). */
  async health(): Promise<Array<number | null>> {
    const first = await this.firstBadStep.data();
    return this.models.map((_, k) => {
      const at = first[k] ?? Number.POSITIVE_INFINITY;
      return Number.isFinite(at) ? at : null;
    });
  }

  resetEpoch(): void {
    tf.tidy(() => {
      this.lossSum.assign(tf.zeros([this.seeds]));
      this.correctSum.assign(tf.zeros([this.seeds]));
    });
    this.samples = 0;
    this.trainSeconds = 0;
    this.evalSeconds.fill(0);
  }

  /** Gives the models their seed's current weights and running statistics: all of them, or one seed's. */
  syncModels(seed?: number): void {
    writeBack(this.stack, seed);
  }

  /** One seed's loss and accuracy over a split in inference mode; sync the models first. */
  async evaluate(seed: number, split: ResidentSplit): Promise<Evaluation> {
    const model = this.models[seed];
    if (!model) throw new Error(`No model for seed ${seed}`);
    const start = performance.now();
    try {
      return await evaluateModel(model, split);
    } finally {
      this.evalSeconds[seed] = (this.evalSeconds[seed] ?? 0) + (performance.now() - start) / 1000;
    }
  }

  /** A seed's share of this epoch's time: the steps it shared, divided among the seeds, and its own validation. */
  seconds(seed: number): number {
    return this.trainSeconds / this.seeds + (this.evalSeconds[seed] ?? 0);
  }

  /** Frees the training state (stacked weights, optimizer, accumulators) after writing the weights back to the models. */
  releaseModels(): tf.LayersModel[] {
    this.syncModels();
    disposeStack(this.stack);
    this.optimizer.dispose();
    this.lossSum.dispose();
    this.correctSum.dispose();
    this.firstBadStep.dispose();
    return [...this.models];
  }

  dispose(): void {
    for (const m of this.releaseModels()) m.dispose();
  }
}
