// A forward pass through one of the app's nets that changes nothing: BN layers normalize with the batch's own
// statistics (training mode), the running ones (inference mode) or given ones (recalibrated), computed here from the
// layer's weights — calling a tf.layers BN layer with training: true would move its running averages. Each hidden
// layer's parts are reported to a visitor. Works for TF.js's BN layer and ours alike. Imports TF.js only.
import * as tf from '@tensorflow/tfjs';
import { bnWeights, type BnWeights } from '../bn/bnWeights';
import { normalize, scaleShift } from '../bn/normalize';
import { kernelOf, requireNetLayers, type HiddenLayer } from '../netLayers';
import { featureNormalize, featureStats, type FeatureNormShape } from '../norms/featureNorm';
import { isFeatureNorm } from '../norms/featureNormLayers';

export type StatsMode =
  | { kind: 'batch' }
  | { kind: 'running' }
  /** Per BN layer name: the statistics to normalize with (the paper's population statistics). */
  | { kind: 'given'; stats: ReadonlyMap<string, { mean: tf.Tensor1D; variance: tf.Tensor1D }> };

/** γ and β (null when switched off: read as 1 and 0), the running statistics, momentum and ε. */
export type BnParts = BnWeights;

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

/** A LayerNorm, GroupNorm or RMSNorm layer: its input, x̂, output and the per-example statistics it used. */
export interface NormVisit {
  kind: 'norm';
  hidden: number;
  input: tf.Tensor2D;
  xHat: tf.Tensor2D;
  output: tf.Tensor2D;
  /** Per example and group, [m, groups]. */
  mean: tf.Tensor2D;
  spread: tf.Tensor2D;
  shape: FeatureNormShape;
  gamma: tf.Tensor1D | null;
  beta: tf.Tensor1D | null;
}

export type Visit = BnVisit | NormVisit | ActivationVisit | DenseVisit;

/**
 * The net's output probabilities for x, BN normalized as `mode` says, with every layer's parts shown to `visit`.
 * Walks the net's description (netLayers), so it knows each layer's role and hidden index without reading names.
 * Tensors given to the visitor live in the caller's tidy; the caller wraps this in one.
 */
export function probeForward(
  model: tf.LayersModel,
  x: tf.Tensor,
  mode: StatsMode,
  visit?: (v: Visit) => void,
): tf.Tensor2D {
  const layers = requireNetLayers(model);
  let h = layers.flatten.apply(x) as tf.Tensor2D;
  const batchNorm = (layer: tf.layers.Layer, hidden: number): void => {
    const input = h;
    const parts = bnParts(layer);
    const { mean, variance } = statistics(layer, input, parts, mode);
    const { xHat } = normalize(input, mean, variance, parts.epsilon);
    const output = scaleShift(xHat, parts.gamma, parts.beta);
    visit?.({ kind: 'bn', hidden, layerName: layer.name, input, mean, variance, xHat, output, parts });
    h = output;
  };
  // LayerNorm, GroupNorm and RMSNorm keep no state and use each example's own statistics in either mode: applying
  // the layer changes nothing.
  const norm = (layer: HiddenLayer): void => {
    if (layer.bn) batchNorm(layer.bn, layer.index);
    else if (layer.norm && isFeatureNorm(layer.norm.layer)) {
      const input = h;
      const norm = layer.norm.layer;
      h = norm.apply(input) as tf.Tensor2D;
      if (visit) {
        const { mean, spread } = featureStats(input, norm.shape);
        const { xHat } = featureNormalize(input, norm.shape);
        const { gamma, beta } = norm.variables();
        visit({
          kind: 'norm',
          hidden: layer.index,
          input,
          xHat,
          output: h,
          mean,
          spread,
          shape: norm.shape,
          gamma,
          beta,
        });
      }
    }
  };
  for (const layer of layers.hidden) {
    visit?.({ kind: 'dense', index: layer.index, kernel: kernelOf(layer.dense) as tf.Tensor2D });
    // Flatten, Dense and Activation behave the same in both modes and keep no state.
    h = layer.dense.apply(h) as tf.Tensor2D;
    if (layer.bnPlace === 'before') norm(layer);
    visit?.({ kind: 'activation', hidden: layer.index, input: h });
    h = layer.activation.apply(h) as tf.Tensor2D;
    if (layer.bnPlace === 'after') norm(layer);
  }
  visit?.({ kind: 'dense', index: layers.hidden.length, kernel: kernelOf(layers.output) as tf.Tensor2D });
  return layers.output.apply(h) as tf.Tensor2D;
}

/** The mean and variance a BN layer normalizes with in this pass. */
function statistics(
  layer: tf.layers.Layer,
  input: tf.Tensor2D,
  parts: BnParts,
  mode: StatsMode,
): { mean: tf.Tensor1D; variance: tf.Tensor1D } {
  switch (mode.kind) {
    case 'batch': {
      const { mean, variance } = tf.moments(input, 0);
      return { mean: mean as tf.Tensor1D, variance: variance as tf.Tensor1D };
    }
    case 'running':
      return { mean: parts.movingMean, variance: parts.movingVariance };
    case 'given': {
      const given = mode.stats.get(layer.name);
      if (!given) throw new Error(`No statistics given for ${layer.name}.`);
      return given;
    }
  }
}
