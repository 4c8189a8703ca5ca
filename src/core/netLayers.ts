// One description of a net's layers, made where the net is built (models.ts): which layer is each hidden layer's
// Dense, BatchNorm and activation. The hand-written training step, the probe pass of the inspectors and their
// gradient records read a net through it, instead of each walking model.layers and guessing roles from layer
// names or class names. Imports TF.js only.
import type * as tf from '@tensorflow/tfjs';
import type { Activation, BnPlacement, NormKind } from '../shared/config';
import { weightsByName } from './bn/bnWeights';

export interface HiddenLayer {
  /** 0-based, input side first. */
  index: number;
  units: number;
  dense: tf.layers.Layer;
  /** The layer's BatchNorm (TF.js's or the one written out in core/bn), or null in a layer without BN. */
  bn: tf.layers.Layer | null;
  /** The layer's normalization of any kind (BatchNorm too: then the same layer as `bn`), or null. */
  norm: { kind: Exclude<NormKind, 'none'>; layer: tf.layers.Layer } | null;
  /** Where the normalization sits: before the activation (the paper's and the blog's) or after it. */
  bnPlace: BnPlacement;
  activation: tf.layers.Layer;
  activationName: Activation;
}

export interface NetLayers {
  flatten: tf.layers.Layer;
  hidden: readonly HiddenLayer[];
  /** Dense(10) with softmax. */
  output: tf.layers.Layer;
}

const described = new WeakMap<tf.LayersModel, NetLayers>();

/** Called by the factory that built `model` from these layers. */
export function describeNet(model: tf.LayersModel, layers: NetLayers): void {
  described.set(model, layers);
}

/** The description of a net the app built, or null for any other model (which then trains through autodiff). */
export function netLayers(model: tf.LayersModel): NetLayers | null {
  return described.get(model) ?? null;
}

/** Like netLayers, for code that only ever sees the app's own nets. */
export function requireNetLayers(model: tf.LayersModel): NetLayers {
  const layers = netLayers(model);
  if (!layers) throw new Error(`${model.name} was not built by the app's net factory.`);
  return layers;
}

/** Every Dense layer, input side first, the output layer last. */
export function denseLayers(layers: NetLayers): tf.layers.Layer[] {
  return [...layers.hidden.map((h) => h.dense), layers.output];
}

/** A Dense layer's kernel variable (LayerVariable.read() hands out the tf.Variable itself, not a copy). */
export function kernelOf(layer: tf.layers.Layer): tf.Variable {
  const kernel = weightsByName(layer).get('kernel');
  if (!kernel) throw new Error(`${layer.name} has no kernel.`);
  return kernel.read() as tf.Variable;
}
