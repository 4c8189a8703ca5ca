// Model factories for the two nets of a run, built from the settings: the net with BatchNorm and its twin without.
// Imports TF.js only (no DOM, no React).
import * as tf from '@tensorflow/tfjs';
import type { NetId, ParamCounts } from '../shared/metrics';
import { hasBn, type InitName, type NormKind, type TrainConfig } from '../shared/config';
import { NORM_OF_NET } from '../shared/netNames';
import { NUM_CLASSES, IMAGE_SIDE } from '../data/idx';
import { ScratchBatchNorm } from './bn/scratchBatchNorm';
import { describeNet, type HiddenLayer } from './netLayers';
import { GroupNorm, LayerNorm, RmsNorm } from './norms/featureNormLayers';

/** The settings that shape the nets (the rest of TrainConfig is about training). */
export type NetSpec = Pick<
  TrainConfig,
  | 'layers'
  | 'activation'
  | 'init'
  | 'denseBias'
  | 'bnLayers'
  | 'bnPlace'
  | 'bnMomentum'
  | 'bnEpsilon'
  | 'bnScale'
  | 'bnCenter'
  | 'bnImpl'
  | 'groups'
>;

/** σ of the 'gauss' initializer: the BN paper's MNIST experiment draws weights from N(0, 0.01²). */
export const GAUSS_INIT_STDDEV = 0.01;

export const MODEL_NAMES: Record<NetId, string> = {
  bn: 'with_bn',
  plain: 'no_bn',
  ln: 'with_ln',
  gn: 'with_gn',
  rms: 'with_rms',
};

/**
 * Each Dense layer gets its own seed derived from the run's seed, so the two nets' Dense kernels are identical
 * (same seed, same layer index, same shape) while the layers within a net are not correlated.
 */
export function denseSeed(runSeed: number, layerIndex: number): number {
  return (Math.imul(runSeed + 1, 0x9e3779b1) + layerIndex * 0x85ebca6b) >>> 0;
}

/** Layer names: saved files and the recalibrated statistics name layers by them (the roles are in netLayers). */
export const layerName = {
  dense: (i: number): string => `dense_${i}`,
  batchNorm: (i: number): string => `batch_norm_${i}`,
  layerNorm: (i: number): string => `layer_norm_${i}`,
  groupNorm: (i: number): string => `group_norm_${i}`,
  rmsNorm: (i: number): string => `rms_norm_${i}`,
  activation: (spec: Pick<NetSpec, 'activation'>, i: number): string => `${spec.activation}_${i}`,
};

type Initializer = ReturnType<typeof tf.initializers.glorotUniform>;

function kernelInitializer(init: InitName, seed: number): Initializer {
  switch (init) {
    case 'glorot':
      return tf.initializers.glorotUniform({ seed });
    case 'he':
      // TF.js samples a normal truncated at 2σ with σ = sqrt(2 / fan_in), without Keras's 0.8796 correction:
      // the weights' actual spread is 0.88·sqrt(2 / fan_in).
      return tf.initializers.heNormal({ seed });
    case 'gauss':
      return tf.initializers.randomNormal({ mean: 0, stddev: GAUSS_INIT_STDDEV, seed });
  }
}

function dense(
  spec: NetSpec,
  units: number,
  seed: number,
  layerIndex: number,
  useBias: boolean,
  activation: 'linear' | 'softmax',
): tf.layers.Layer {
  return tf.layers.dense({
    units,
    activation,
    useBias,
    kernelInitializer: kernelInitializer(spec.init, denseSeed(seed, layerIndex)),
    biasInitializer: 'zeros',
    name: layerName.dense(layerIndex),
  });
}

/** The fields of TF.js's BatchNormalization that hold γ and β (absent when switched off). */
interface AffineSlots {
  gamma?: { read(): tf.Tensor };
  beta?: { read(): tf.Tensor };
}

/**
 * A BatchNormalization layer (TF.js's, or ours when the spec asks) with learnable γ and β only as the spec asks. Switched off, the layer has no such weight
 * (as in Keras: the parameter counts match), but TF.js 4.22 still reads it in training mode and crashes
 * (tensorflow/tfjs#2868). So a missing one reads as the constant it stands for, γ = 1 or β = 0, made inside the
 * layer's own tidy (no leak) and never a variable (no optimizer can move it).
 */
function batchNorm(spec: NetSpec, units: number, layerIndex: number): tf.layers.Layer {
  if (spec.bnImpl === 'scratch') {
    // Written out in core/bn: it reads a switched-off γ or β as its constant itself.
    return new ScratchBatchNorm({
      momentum: spec.bnMomentum,
      epsilon: spec.bnEpsilon,
      scale: spec.bnScale,
      center: spec.bnCenter,
      name: layerName.batchNorm(layerIndex),
    });
  }
  const layer = tf.layers.batchNormalization({
    momentum: spec.bnMomentum,
    epsilon: spec.bnEpsilon,
    scale: spec.bnScale,
    center: spec.bnCenter,
    name: layerName.batchNorm(layerIndex),
  });
  const slots = layer as unknown as AffineSlots;
  if (!spec.bnScale) slots.gamma = { read: () => tf.ones([units]) };
  if (!spec.bnCenter) slots.beta = { read: () => tf.zeros([units]) };
  return layer;
}

/** LayerNorm, GroupNorm or RMSNorm with BN's ε and γ/β switches (RMSNorm has no β). */
function featureNorm(kind: 'layer' | 'group' | 'rms', spec: NetSpec, layerIndex: number): tf.layers.Layer {
  const args = { epsilon: spec.bnEpsilon, scale: spec.bnScale, center: spec.bnCenter };
  switch (kind) {
    case 'layer':
      return new LayerNorm({ ...args, name: layerName.layerNorm(layerIndex) });
    case 'group':
      return new GroupNorm({ ...args, groups: spec.groups, name: layerName.groupNorm(layerIndex) });
    case 'rms':
      return new RmsNorm({ ...args, name: layerName.rmsNorm(layerIndex) });
  }
}

function normLayer(kind: Exclude<NormKind, 'none'>, spec: NetSpec, units: number, i: number): tf.layers.Layer {
  return kind === 'batch' ? batchNorm(spec, units, i) : featureNorm(kind, spec, i);
}

/**
 * Flatten(28×28) → per hidden layer i: Dense → Activation (plain net, and layers without normalization), or
 * Dense → Norm → Activation (bnPlace 'before', the paper's and the blog's), or Dense → Activation → Norm ('after')
 * → Dense(10, softmax). Norm is the net's normalization (BN for 'bn', LayerNorm for 'ln', …). Only a Dense whose
 * output goes straight into BN may drop its bias (spec.denseBias): BN's β does its job, which no per-example
 * normalization's does.
 */
export function buildNet(net: NetId, spec: NetSpec, seed: number): tf.Sequential {
  const model = tf.sequential({ name: MODEL_NAMES[net] });
  const flatten = tf.layers.flatten({ inputShape: [IMAGE_SIDE, IMAGE_SIDE], name: 'flatten' });
  model.add(flatten);
  const kind = NORM_OF_NET[net];
  const hidden = spec.layers.map((units, i): HiddenLayer => {
    const normKind = kind !== 'none' && hasBn(spec, i) ? kind : null;
    const before = normKind !== null && spec.bnPlace === 'before';
    const denseLayer = dense(spec, units, seed, i, before && normKind === 'batch' ? spec.denseBias : true, 'linear');
    const norm = normKind ? normLayer(normKind, spec, units, i) : null;
    const activation = tf.layers.activation({ activation: spec.activation, name: layerName.activation(spec, i) });
    model.add(denseLayer);
    if (norm && before) model.add(norm);
    model.add(activation);
    if (norm && !before) model.add(norm);
    return {
      index: i,
      units,
      dense: denseLayer,
      bn: normKind === 'batch' ? norm : null,
      norm: normKind && norm ? { kind: normKind, layer: norm } : null,
      bnPlace: spec.bnPlace,
      activation,
      activationName: spec.activation,
    };
  });
  const output = dense(spec, NUM_CLASSES, seed, spec.layers.length, true, 'softmax');
  model.add(output);
  describeNet(model, { flatten, hidden, output });
  return model;
}

/** The requested nets from one seed: their Dense layers start from identical kernels. */
export function buildTwins(
  spec: NetSpec,
  seed: number,
  nets: readonly NetId[] = ['bn', 'plain'],
): Partial<Record<NetId, tf.Sequential>> {
  const built: Partial<Record<NetId, tf.Sequential>> = {};
  for (const id of nets) built[id] = buildNet(id, spec, seed);
  return built;
}

export function countParams(model: tf.LayersModel): ParamCounts {
  const count = (weights: tf.LayerVariable[]): number =>
    weights.reduce((n, w) => n + w.shape.reduce<number>((a, b) => a * (b ?? 1), 1), 0);
  return { total: count(model.weights), trainable: count(model.trainableWeights) };
}
