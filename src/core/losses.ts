// Loss and accuracy with Keras's meaning, as per-batch sums so an epoch's mean can be accumulated on the backend.
// Imports TF.js only.
import * as tf from '@tensorflow/tfjs';
import { NUM_CLASSES } from '../data/idx';

/** Keras clips probabilities to [ε, 1 − ε] with ε = 1e-7 before the log. */
export const PROB_EPSILON = 1e-7;

/** Per-example sparse categorical cross-entropy of softmax outputs: −log p[label]. */
export function perExampleCrossEntropy(labels: tf.Tensor1D, probs: tf.Tensor2D): tf.Tensor1D {
  return tf.tidy(() => {
    const picked = tf.sum(tf.mul(tf.oneHot(labels, NUM_CLASSES), probs), 1) as tf.Tensor1D;
    const clipped = tf.neg(tf.log(tf.clipByValue(picked, PROB_EPSILON, 1 - PROB_EPSILON)));
    // WASM's clip turns NaN into the lower bound, so a net whose outputs went NaN would show a finite loss of 16.1
    // forever and never be reported as diverged. Adding 0·p is 0 for a finite p and NaN otherwise, on every backend.
    return tf.add(clipped, tf.mul(picked, 0));
  });
}

/** Mean cross-entropy over the batch: the training objective. */
export function meanCrossEntropy(labels: tf.Tensor1D, probs: tf.Tensor2D): tf.Scalar {
  return tf.tidy(() => tf.mean(perExampleCrossEntropy(labels, probs)));
}

/** How many predictions (arg max) equal the label, as a float scalar. */
export function correctCount(labels: tf.Tensor1D, probs: tf.Tensor2D): tf.Scalar {
  return tf.tidy(() => tf.sum(tf.cast(tf.equal(tf.argMax(probs, 1), labels), 'float32')));
}
