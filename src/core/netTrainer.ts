// One network, its optimizer, and its epoch accumulators (kept on the backend, read back only when asked).
// Imports TF.js only.
import * as tf from '@tensorflow/tfjs';
import { EVAL_BATCH, evaluateModel, type Evaluation } from './evaluate';
import type { Batch, ResidentSplit } from './residentData';
import type { RunningMetrics } from '../shared/metrics';
import type { StepKind, TrainingStep } from './trainingStep';

export { EVAL_BATCH, type Evaluation } from './evaluate';

/** A zero accumulator; built in a tidy so the initial scalar does not outlive it. */
function zeroVariable(): tf.Variable {
  return tf.tidy(() => tf.variable(tf.scalar(0), false));
}

/** Where the loss first stopped being finite, counted in steps since the net was built (1-based). */
export interface Health {
  divergedAtStep: number | null;
}

export class NetTrainer {
  private readonly lossSum = zeroVariable();
  private readonly correctSum = zeroVariable();
  /** The first step whose loss was NaN or ±∞ (Infinity while none was): found on the backend, read only when polled. */
  private readonly firstBadStep = tf.tidy(() => tf.variable(tf.scalar(Number.POSITIVE_INFINITY), false));
  private stepsTaken = 0;
  private samples = 0;
  /** Seconds this net spent in training steps and validation during the current epoch. */
  seconds = 0;

  constructor(
    readonly model: tf.LayersModel,
    private readonly trainingStep: TrainingStep,
  ) {}

  /** Whether this net trains by hand-written gradients or through autodiff. */
  get stepKind(): StepKind {
    return this.trainingStep.kind;
  }

  /** One optimizer step in training mode (BN uses and updates batch statistics). */
  step(batch: Batch): void {
    const start = performance.now();
    this.stepsTaken += 1;
    const stepNumber = this.stepsTaken;
    tf.tidy(() => {
      const { lossSum, correct } = this.trainingStep.run(batch);
      this.lossSum.assign(tf.add(this.lossSum, lossSum));
      this.correctSum.assign(tf.add(this.correctSum, correct));
      const here = tf.where(tf.isFinite(lossSum), tf.scalar(Number.POSITIVE_INFINITY), tf.scalar(stepNumber));
      this.firstBadStep.assign(tf.minimum(this.firstBadStep, here));
    });
    this.samples += batch.y.shape[0];
    this.seconds += (performance.now() - start) / 1000;
  }

  /**
   * Means over the epoch so far, weighted by batch size as Keras's Mean metric does (the smaller last batch counts
   * for what it holds). Reads two scalars back from the backend.
   */
  async running(): Promise<RunningMetrics> {
    if (this.samples === 0) return { loss: Number.NaN, accuracy: Number.NaN };
    const [loss, correct] = await Promise.all([this.lossSum.data(), this.correctSum.data()]);
    return { loss: (loss[0] ?? Number.NaN) / this.samples, accuracy: (correct[0] ?? Number.NaN) / this.samples };
  }

  /** Whether the loss has stopped being finite, and since which step (one scalar read back). */
  async health(): Promise<Health> {
    const first = (await this.firstBadStep.data())[0] ?? Number.POSITIVE_INFINITY;
    return { divergedAtStep: Number.isFinite(first) ? first : null };
  }

  resetEpoch(): void {
    tf.tidy(() => {
      this.lossSum.assign(tf.scalar(0));
      this.correctSum.assign(tf.scalar(0));
    });
    this.samples = 0;
    this.seconds = 0;
  }

  /** Loss and accuracy over a whole split in inference mode (BN uses its running statistics). */
  async evaluate(split: ResidentSplit, batchSize = EVAL_BATCH): Promise<Evaluation> {
    const start = performance.now();
    try {
      return await evaluateModel(this.model, split, batchSize);
    } finally {
      this.seconds += (performance.now() - start) / 1000;
    }
  }

  /** Frees the training state (optimizer, accumulators) and hands the model to the caller, who then owns it. */
  releaseModel(): tf.LayersModel {
    this.lossSum.dispose();
    this.correctSum.dispose();
    this.firstBadStep.dispose();
    this.trainingStep.dispose();
    return this.model;
  }

  dispose(): void {
    this.releaseModel().dispose();
  }
}
