// Turns one of the app's nets (its netLayers: Flatten → [Dense → BN? → Activation → BN?]… → Dense softmax) into a
// list of stages holding the layers' own variables, so a training step can be written out by hand on the same weights
// the model predicts, saves and inspects with. Any other model gives null and trains the generic way.
// Imports TF.js only.
import type * as tf from '@tensorflow/tfjs';
import type { Activation } from '../shared/config';
import { bnWeights, weightsByName, type BnWeights } from './bn/bnWeights';
import { netLayers, type HiddenLayer } from './netLayers';
import type { FeatureNormShape } from './norms/featureNorm';
import { isFeatureNorm, type FeatureNormWeights } from './norms/featureNormLayers';

export interface DenseStage {
  kind: 'dense';
  kernel: tf.Variable;
  bias: tf.Variable | null;
  /** Only the output layer: softmax, whose gradient is folded into the loss's. */
  softmax: boolean;
}

export interface BatchNormStage extends BnWeights {
  kind: 'bn';
}

/** LayerNorm, GroupNorm or RMSNorm: per-example statistics, no running ones. */
export interface FeatureNormStage extends FeatureNormWeights {
  kind: 'norm';
  shape: FeatureNormShape;
}

export interface ActivationStage {
  kind: 'activation';
  activation: Activation;
}

export type Stage = DenseStage | BatchNormStage | FeatureNormStage | ActivationStage;

export interface MlpPlan {
  stages: Stage[];
  /** Every trainable variable, in stage order: the order of the gradients a step returns. */
  trainable: tf.Variable[];
}

/** The variable behind a layer weight: LayerVariable.read() hands out the tf.Variable itself, not a copy. */
function variableOf(w: tf.LayerVariable | undefined): tf.Variable | null {
  return w ? (w.read() as tf.Variable) : null;
}

function denseStage(layer: tf.layers.Layer, softmax: boolean): DenseStage | null {
  if (!layer.trainable) return null;
  const weights = weightsByName(layer);
  const kernel = variableOf(weights.get('kernel'));
  if (!kernel || kernel.shape.length !== 2) return null;
  return { kind: 'dense', kernel, bias: variableOf(weights.get('bias')), softmax };
}

/** TF.js's own BatchNormalization only: the one written out in core/bn is a custom layer this step does not know. */
function batchNormStage(layer: tf.layers.Layer): BatchNormStage | null {
  if (!layer.trainable || layer.getClassName() !== 'BatchNormalization') return null;
  const weights = bnWeights(layer);
  return weights ? { kind: 'bn', ...weights } : null;
}

function featureNormStage(layer: tf.layers.Layer): FeatureNormStage | null {
  if (!layer.trainable || !isFeatureNorm(layer)) return null;
  return { kind: 'norm', shape: layer.shape, ...layer.variables() };
}

/** The stage of a hidden layer's normalization, or null when this step does not know the layer. */
function normStage(norm: HiddenLayer['norm']): Stage | null {
  if (!norm) return null;
  return norm.kind === 'batch' ? batchNormStage(norm.layer) : featureNormStage(norm.layer);
}

/** The plan of a net the app built (netLayers), or null: then the model trains through autodiff. */
export function planMlp(model: tf.LayersModel): MlpPlan | null {
  const layers = netLayers(model);
  if (!layers) return null;
  const stages: Stage[] = [];
  for (const h of layers.hidden) {
    const dense = denseStage(h.dense, false);
    const bn = normStage(h.norm);
    if (!dense || (h.norm && !bn) || !h.activation.trainable) return null;
    const activation: ActivationStage = { kind: 'activation', activation: h.activationName };
    stages.push(dense);
    if (bn && h.bnPlace === 'before') stages.push(bn);
    stages.push(activation);
    if (bn && h.bnPlace === 'after') stages.push(bn);
  }
  const output = denseStage(layers.output, true);
  if (!output) return null;
  stages.push(output);
  const trainable: tf.Variable[] = [];
  for (const s of stages) {
    if (s.kind === 'dense') trainable.push(...[s.kernel, s.bias].filter((v): v is tf.Variable => v !== null));
    if (s.kind === 'bn' || s.kind === 'norm') {
      if (s.gamma) trainable.push(s.gamma);
      if (s.beta) trainable.push(s.beta);
    }
  }
  return { stages, trainable };
}
