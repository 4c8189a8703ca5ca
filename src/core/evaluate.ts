// Loss and accuracy of a model over a whole split in inference mode (BN uses its running statistics), in batches
// on the backend with two scalars read back at the end. Shared by one net's trainer and the seeds trained together.
// Imports TF.js only.
import * as tf from '@tensorflow/tfjs';
import { correctCount, perExampleCrossEntropy } from './losses';
import { disposeBatch, type ResidentSplit } from './residentData';

export const EVAL_BATCH = 1000;

export interface Evaluation {
  loss: number;
  accuracy: number;
}

export async function evaluateModel(
  model: tf.LayersModel,
  split: ResidentSplit,
  batchSize = EVAL_BATCH,
): Promise<Evaluation> {
  const lossTotal = tf.tidy(() => tf.variable(tf.scalar(0), false));
  const correctTotal = tf.tidy(() => tf.variable(tf.scalar(0), false));
  try {
    for (let i = 0; i < split.count; i += batchSize) {
      const batch = split.range(i, Math.min(batchSize, split.count - i));
      try {
        tf.tidy(() => {
          const probs = model.apply(batch.x, { training: false }) as tf.Tensor2D;
          lossTotal.assign(tf.add(lossTotal, tf.sum(perExampleCrossEntropy(batch.y, probs))));
          correctTotal.assign(tf.add(correctTotal, correctCount(batch.y, probs)));
        });
      } finally {
        disposeBatch(batch);
      }
    }
    const [loss, correct] = await Promise.all([lossTotal.data(), correctTotal.data()]);
    return { loss: (loss[0] ?? Number.NaN) / split.count, accuracy: (correct[0] ?? Number.NaN) / split.count };
  } finally {
    lossTotal.dispose();
    correctTotal.dispose();
  }
}
