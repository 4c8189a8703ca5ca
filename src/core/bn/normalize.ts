// BatchNorm's maths, written once for the hand-written training steps (one net's, and every seed's at once) and the
// inspectors' probe pass: x̂ = (x − μ)·(σ² + ε)^−½, y = γ·x̂ + β (γ, β null when switched off), the running statistics'
// moving average, and the backward pass through x̂. Shape-agnostic: the statistics broadcast over the batch axis, so
// [m, units] and [seeds, m, units] share one order of operations (one seed rounds as the one-seed step does). The
// layer written out in scratchBatchNorm.ts keeps an operation order of its own: it follows TF.js's fused kernel,
// which its bitwise-gradient test depends on. Imports TF.js only; call inside tf.tidy.
import * as tf from '@tensorflow/tfjs';

export interface Normalized<T extends tf.Tensor = tf.Tensor2D, S extends tf.Tensor = tf.Tensor1D> {
  xHat: T;
  /** (σ² + ε)^−½ per unit: the backward pass needs it. */
  invStd: S;
}

/** x̂ of an input, normalized with the given per-unit mean and variance (broadcast over the batch axis). */
export function normalize<T extends tf.Tensor = tf.Tensor2D, S extends tf.Tensor = tf.Tensor1D>(
  x: T,
  mean: S,
  variance: S,
  epsilon: number,
): Normalized<T, S> {
  const invStd = tf.rsqrt(tf.add(variance, epsilon)) as S;
  return { xHat: tf.mul(tf.sub(x, mean), invStd) as T, invStd };
}

/** y = γ·x̂ + β, leaving out a switched-off γ (1) or β (0). */
export function scaleShift<T extends tf.Tensor>(xHat: T, gamma: tf.Tensor | null, beta: tf.Tensor | null): T {
  let y = xHat;
  if (gamma) y = tf.mul(y, gamma);
  if (beta) y = tf.add(y, beta);
  return y;
}

/** TF.js's moving average of a running statistic: v − (v − batch)·(1 − momentum). */
export function movingAverage(running: tf.Tensor, batch: tf.Tensor, momentum: number): tf.Tensor {
  return tf.sub(running, tf.mul(tf.sub(running, batch), 1 - momentum));
}

/**
 * dL/dx of BN in training mode, where μ and σ² depend on every example of the batch (axis `axis`):
 * dx = (1/√(σ²+ε))·(dx̂ − mean(dx̂) − x̂·mean(dx̂·x̂)), with dx̂ = dy·γ. `keepDims` for stacked seeds.
 */
export function batchNormInputGrad<T extends tf.Tensor>(
  dy: T,
  xHat: T,
  invStd: tf.Tensor,
  gamma: tf.Tensor | null,
  axis: number,
  keepDims: boolean,
): T {
  const dxhat = gamma ? tf.mul(dy, gamma) : dy;
  const meanDxhat = tf.mean(dxhat, axis, keepDims);
  const meanDxhatXhat = tf.mean(tf.mul(dxhat, xHat), axis, keepDims);
  return tf.mul(tf.sub(tf.sub(dxhat, meanDxhat), tf.mul(xHat, meanDxhatXhat)), invStd) as T;
}
