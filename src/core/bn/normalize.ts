// BatchNorm's normalisation, written once for the hand-written training step and the inspectors' probe pass:
// x̂ = (x − μ)·(σ² + ε)^−½, then y = γ·x̂ + β (γ, β null when switched off). The layer written out in
// scratchBatchNorm.ts keeps an operation order of its own: it follows TF.js's fused kernel, which its
// bitwise-gradient test depends on. Imports TF.js only; call inside tf.tidy.
import * as tf from '@tensorflow/tfjs';

export interface Normalized {
  xHat: tf.Tensor2D;
  /** (σ² + ε)^−½ per unit: the backward pass needs it. */
  invStd: tf.Tensor1D;
}

/** x̂ of a [m, units] input, normalized with the given per-unit mean and variance. */
export function normalize(x: tf.Tensor2D, mean: tf.Tensor1D, variance: tf.Tensor1D, epsilon: number): Normalized {
  const invStd = tf.rsqrt(tf.add(variance, epsilon)) as tf.Tensor1D;
  return { xHat: tf.mul(tf.sub(x, mean), invStd) as tf.Tensor2D, invStd };
}

/** y = γ·x̂ + β, leaving out a switched-off γ (1) or β (0). */
export function scaleShift(xHat: tf.Tensor2D, gamma: tf.Tensor1D | null, beta: tf.Tensor1D | null): tf.Tensor2D {
  let y = xHat;
  if (gamma) y = tf.mul(y, gamma);
  if (beta) y = tf.add(y, beta);
  return y;
}
