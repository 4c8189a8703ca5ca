// LayerNorm, GroupNorm and RMSNorm written out: all three normalize each example on its own, over groups of the
// layer's units (LayerNorm and RMSNorm: one group of all units; GroupNorm: G groups of d/G), so training and inference
// are the same computation and there are no running statistics. RMSNorm divides by the root mean square without
// subtracting the mean. The forward pass here is used by the tf.layers (autodiff) and by the hand-written training
// step, which pairs it with the backward pass below. Imports TF.js only; call inside tf.tidy.
import * as tf from '@tensorflow/tfjs';

export interface FeatureNormShape {
  /** Groups of units per example (1 for LayerNorm and RMSNorm). */
  groups: number;
  /** Subtract the mean (LayerNorm, GroupNorm) or not (RMSNorm). */
  center: boolean;
  epsilon: number;
}

export interface FeatureNormalized {
  /** x̂, [m, d]. */
  xHat: tf.Tensor2D;
  /** (σ² + ε)^−½ (or (mean x² + ε)^−½ for RMSNorm) per example and group, [m, groups, 1]. */
  invStd: tf.Tensor3D;
}

/** x̂ of a [m, d] input: per example and group, (x − μ)·(σ² + ε)^−½, or x·(mean x² + ε)^−½ without centring. */
export function featureNormalize(x: tf.Tensor2D, shape: FeatureNormShape): FeatureNormalized {
  const [m, d] = x.shape;
  const grouped = tf.reshape(x, [m, shape.groups, d / shape.groups]) as tf.Tensor3D;
  let centered = grouped;
  let spread: tf.Tensor;
  if (shape.center) {
    const { mean, variance } = tf.moments(grouped, 2, true);
    centered = tf.sub(grouped, mean);
    spread = variance;
  } else {
    spread = tf.mean(tf.square(grouped), 2, true);
  }
  const invStd = tf.rsqrt(tf.add(spread, shape.epsilon)) as tf.Tensor3D;
  return { xHat: tf.reshape(tf.mul(centered, invStd), [m, d]) as tf.Tensor2D, invStd };
}

/** Each example's statistics per group, [m, groups]: the mean (0 without centring) and the variance (or mean square). */
export function featureStats(x: tf.Tensor2D, shape: FeatureNormShape): { mean: tf.Tensor2D; spread: tf.Tensor2D } {
  const [m, d] = x.shape;
  const grouped = tf.reshape(x, [m, shape.groups, d / shape.groups]);
  if (!shape.center)
    return { mean: tf.zeros([m, shape.groups]), spread: tf.mean(tf.square(grouped), 2) as tf.Tensor2D };
  const { mean, variance } = tf.moments(grouped, 2);
  return { mean: mean as tf.Tensor2D, spread: variance as tf.Tensor2D };
}

/**
 * dℓ/dx from dℓ/dx̂, with x̂ and (σ² + ε)^−½ from the forward pass. Within each example's group of n units, where
 * μ and σ² depend on every unit of the group (the same algebra as BN's backward pass, over the units instead of the
 * batch):
 *   centred:      dx = r·(dx̂ − mean(dx̂) − x̂·mean(dx̂·x̂))
 *   not centred:  dx = r·(dx̂ − x̂·mean(dx̂·x̂))          (RMSNorm: x̂ = x·r, r = (mean x² + ε)^−½)
 */
export function featureNormalizeGrad(
  dXHat: tf.Tensor2D,
  normalized: FeatureNormalized,
  shape: FeatureNormShape,
): tf.Tensor2D {
  const [m, d] = dXHat.shape;
  const g = [m, shape.groups, d / shape.groups];
  const dg = tf.reshape(dXHat, g);
  const xg = tf.reshape(normalized.xHat, g);
  let inner = tf.sub(dg, tf.mul(xg, tf.mean(tf.mul(dg, xg), 2, true)));
  if (shape.center) inner = tf.sub(inner, tf.mean(dg, 2, true));
  return tf.reshape(tf.mul(inner, normalized.invStd), [m, d]) as tf.Tensor2D;
}
