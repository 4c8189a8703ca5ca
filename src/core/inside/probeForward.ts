// A forward pass through one of the app's nets that changes nothing: BN layers normalize with the batch's own
// statistics (training mode), the running ones (inference mode) or given ones (recalibrated), computed here from the
// layer's weights — calling a tf.layers BN layer with training: true would move its running averages. Each hidden
// layer's parts are reported to a visitor. Works for TF.js's BN layer and ours alike. Imports TF.js only.
import * as tf from '@tensorflow/tfjs';
import { bnWeights, type BnWeights } from '../bn/bnWeights';
import { SCRATCH_BN_CLASS } from '../bn/scratchBatchNorm';

export type StatsMode =
  | { kind: 'batch' }
  | { kind: 'running' }
  /** Per BN layer name: the statistics to normalize with (the paper's population statistics). */
  | { kind: 'given'; stats: ReadonlyMap<string, { mean: tf.Tensor1D; variance: tf.Tensor1D }> };

/** γ and β (null when switched off: read as 1 and 0), the running statistics, momentum and ε. */
export type BnParts = BnWeights;

export function isBatchNormLayer(layer: tf.layers.Layer): boolean {
  const name = layer.getClassName();
  return name === 'BatchNormalization' || name === SCRATCH_BN_CLASS;
}

/** The hidden layer (0-based) a layer belongs to, from the names models.ts gives: dense_i, batch_norm_i, <act>_i. */
export function hiddenIndex(layer: tf.layers.Layer): number | null {
  const match = /_(\d+)$/.exec(layer.name);
  return match ? Number(match[1]) : null;
}

/** A BN layer's parameters and running statistics, by weight name (the same for both implementations). */
export function bnParts(layer: tf.layers.Layer): BnParts {
  const parts = bnWeights(layer);
  if (!parts) throw new Error(`${layer.name} has no running statistics.`);
  return parts;
}

export interface BnVisit {
  kind: 'bn';
  hidden: number;
  layerName: string;
  /** The BN input x, [m, units]. */
  input: tf.Tensor2D;
  /** The statistics it was normalized with (the batch's in batch mode, biased variance). */
  mean: tf.Tensor1D;
  variance: tf.Tensor1D;
  xHat: tf.Tensor2D;
  output: tf.Tensor2D;
  parts: BnParts;
}

export interface ActivationVisit {
  kind: 'activation';
  hidden: number;
  /** The input to the nonlinearity, [m, units]. */
  input: tf.Tensor2D;
}

export interface DenseVisit {
  kind: 'dense';
  /** The layer's position among the Dense layers (the output layer last). */
  index: number;
  kernel: tf.Tensor2D;
}

export type Visit = BnVisit | ActivationVisit | DenseVisit;

/**
 * The net's output probabilities for x, BN normalized as `mode` says, with every layer's parts shown to `visit`.
 * Tensors given to the visitor live in the caller's tidy; the caller wraps this in one.
 */
export function probeForward(model: tf.LayersModel, x: tf.Tensor, mode: StatsMode, visit?: (v: Visit) => void): tf.Tensor2D {
  let h = x;
  let denseIndex = 0;
  for (const layer of model.layers) {
    if (isBatchNormLayer(layer)) {
      const input = h as tf.Tensor2D;
      const parts = bnParts(layer);
      let mean: tf.Tensor1D;
      let variance: tf.Tensor1D;
      if (mode.kind === 'batch') {
        const moments = tf.moments(input, 0);
        mean = moments.mean as tf.Tensor1D;
        variance = moments.variance as tf.Tensor1D;
      } else if (mode.kind === 'running') {
        mean = parts.movingMean;
        variance = parts.movingVariance;
      } else {
        const given = mode.stats.get(layer.name);
        if (!given) throw new Error(`No statistics given for ${layer.name}.`);
        mean = given.mean;
        variance = given.variance;
      }
      const xHat = tf.mul(tf.sub(input, mean), tf.rsqrt(tf.add(variance, parts.epsilon))) as tf.Tensor2D;
      let out: tf.Tensor2D = xHat;
      if (parts.gamma) out = tf.mul(out, parts.gamma);
      if (parts.beta) out = tf.add(out, parts.beta);
      visit?.({ kind: 'bn', hidden: hiddenIndex(layer) ?? -1, layerName: layer.name, input, mean, variance, xHat, output: out, parts });
      h = out;
      continue;
    }
    const className = layer.getClassName();
    if (className === 'Activation') {
      visit?.({ kind: 'activation', hidden: hiddenIndex(layer) ?? -1, input: h as tf.Tensor2D });
    } else if (className === 'Dense') {
      const kernel = layer.weights.find((w) => w.originalName.endsWith('/kernel'));
      if (kernel) visit?.({ kind: 'dense', index: denseIndex, kernel: kernel.read() as tf.Tensor2D });
      denseIndex++;
    }
    // Flatten, Dense and Activation behave the same in both modes and keep no state.
    h = layer.apply(h) as tf.Tensor;
  }
  return h as tf.Tensor2D;
}
