// How one net takes a training step: by hand-written gradients when the model is one of our plain MLPs (fewer kernel
// calls, measured faster), else through TF.js's autodiff and optimizer. Both give the same updates: the hand-written
// path is checked against the autodiff one in trainingStep.test.ts. Imports TF.js only.
import * as tf from '@tensorflow/tfjs';
import { IMAGE_SIZE } from '../data/idx';
import type { OptimizerName } from '../shared/config';
import { correctCount, meanCrossEntropy } from './losses';
import { planMlp, type MlpPlan } from './mlpPlan';
import { forwardBackward } from './mlpStep';
import { makeOptimizer } from './optimizers';
import type { Batch } from './residentData';
import { makeStepOptimizer, type StepOptimizer } from './stepOptimizers';

export type StepKind = 'hand-written' | 'autodiff';

export interface StepOutcome {
  /** Sum of the batch's per-example losses (NaN or ±∞ once the net has diverged). */
  lossSum: tf.Scalar;
  correct: tf.Scalar;
}

export interface TrainingStep {
  readonly kind: StepKind;
  /** One update in training mode; call inside tf.tidy (the outcome's scalars belong to that tidy). */
  run(batch: Batch): StepOutcome;
  dispose(): void;
}

class HandWrittenStep implements TrainingStep {
  readonly kind = 'hand-written';
  constructor(
    private readonly plan: MlpPlan,
    private readonly optimizer: StepOptimizer,
  ) {}

  run(batch: Batch): StepOutcome {
    const n = batch.y.shape[0];
    const x = tf.reshape(batch.x, [n, IMAGE_SIZE]) as tf.Tensor2D;
    const { grads, lossSum, correct, statistics } = forwardBackward(this.plan, x, batch.y);
    this.optimizer.apply(this.plan.trainable, grads);
    for (const { variable, value } of statistics) variable.assign(value);
    return { lossSum, correct };
  }

  dispose(): void {
    this.optimizer.dispose();
  }
}

class AutodiffStep implements TrainingStep {
  readonly kind = 'autodiff';
  constructor(
    private readonly model: tf.LayersModel,
    private readonly optimizer: tf.Optimizer,
  ) {}

  run(batch: Batch): StepOutcome {
    const kept: { correct?: tf.Scalar } = {};
    const loss = this.optimizer.minimize(() => {
      const probs = this.model.apply(batch.x, { training: true }) as tf.Tensor2D;
      // Kept out of the gradient scope's tidy: the accuracy comes from the same forward pass, for free.
      kept.correct = tf.keep(correctCount(batch.y, probs));
      return meanCrossEntropy(batch.y, probs);
    }, true);
    const correct = kept.correct;
    if (!correct) throw new Error('The forward pass did not run.');
    // A kept tensor outlives every tidy; a clone (no copy: it shares the data) belongs to the caller's.
    const owned = tf.clone(correct);
    correct.dispose();
    if (!loss) throw new Error('The optimizer returned no loss.');
    return { lossSum: tf.mul(loss, batch.y.shape[0]), correct: owned };
  }

  dispose(): void {
    this.optimizer.dispose();
  }
}

/**
 * The step for a model: hand-written when `prefer` allows and the model has a shape it knows (see mlpPlan.ts),
 * otherwise autodiff (e.g. a custom layer).
 */
export function makeTrainingStep(
  model: tf.LayersModel,
  optimizer: OptimizerName,
  learningRate: number,
  prefer: StepKind = 'hand-written',
): TrainingStep {
  const plan = prefer === 'hand-written' ? planMlp(model) : null;
  if (plan) return new HandWrittenStep(plan, makeStepOptimizer(optimizer, learningRate));
  return new AutodiffStep(model, makeOptimizer(optimizer, learningRate));
}
