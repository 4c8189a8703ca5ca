// Helpers and fixed inputs shared by the tests of models.ts.
import * as tf from '@tensorflow/tfjs';
import { buildTwins, type NetSpec } from './models';
import { defaultConfig, type Activation, type BnPlacement, type InitName, type TrainConfig } from '../shared/config';
import type { NetId } from '../shared/metrics';

export const INPUTS = 28 * 28;

export function specOf(changes: Partial<NetSpec> = {}): NetSpec {
  const c: TrainConfig = { ...defaultConfig(), ...changes };
  return {
    layers: c.layers,
    activation: c.activation,
    init: c.init,
    denseBias: c.denseBias,
    bnLayers: c.bnLayers,
    bnPlace: c.bnPlace,
    bnMomentum: c.bnMomentum,
    bnEpsilon: c.bnEpsilon,
    bnScale: c.bnScale,
    bnCenter: c.bnCenter,
    bnImpl: c.bnImpl,
    groups: c.groups,
  };
}

export function both(spec: NetSpec, seed: number): Record<'bn' | 'plain', tf.Sequential> {
  const { bn, plain } = buildTwins(spec, seed);
  if (!bn || !plain) throw new Error('buildTwins left out a net');
  return { bn, plain };
}

export function kernelOf(model: tf.LayersModel, layer: string): Float32Array {
  const w = model.getLayer(layer).getWeights()[0];
  if (!w) throw new Error(`${layer} has no kernel`);
  return w.dataSync() as Float32Array;
}

export function stats(values: Float32Array): { mean: number; std: number; maxAbs: number } {
  let sum = 0;
  let sq = 0;
  let maxAbs = 0;
  for (const v of values) {
    sum += v;
    sq += v * v;
    maxAbs = Math.max(maxAbs, Math.abs(v));
  }
  const mean = sum / values.length;
  return { mean, std: Math.sqrt(sq / values.length - mean * mean), maxAbs };
}

/** What the net should be, worked out from the spec independently of models.ts. */
export function expected(net: NetId, spec: NetSpec): { classes: string[]; total: number; trainable: number } {
  const classes = ['Flatten'];
  let total = 0;
  let trainable = 0;
  let fanIn = INPUTS;
  spec.layers.forEach((width, i) => {
    const bn = net === 'bn' && (spec.bnLayers === 'all' || spec.bnLayers.includes(i + 1));
    const bnFirst = bn && spec.bnPlace === 'before';
    const dense = fanIn * width + (bnFirst && !spec.denseBias ? 0 : width);
    total += dense;
    trainable += dense;
    if (bn) {
      // Moving mean and variance, plus γ and β only when switched on (then they learn), as in Keras.
      const affine = (Number(spec.bnScale) + Number(spec.bnCenter)) * width;
      total += 2 * width + affine;
      trainable += affine;
    }
    if (!bn) classes.push('Dense', 'Activation');
    else if (bnFirst) classes.push('Dense', 'BatchNormalization', 'Activation');
    else classes.push('Dense', 'Activation', 'BatchNormalization');
    fanIn = width;
  });
  classes.push('Dense');
  total += fanIn * 10 + 10;
  trainable += fanIn * 10 + 10;
  return { classes, total, trainable };
}

export const LAYER_LISTS: number[][] = [[128, 64], [100], [100, 100, 100], [8, 16, 32, 64, 128]];
export const ACTIVATIONS: Activation[] = ['relu', 'sigmoid', 'tanh'];
export const PLACES: BnPlacement[] = ['before', 'after'];
export const GAMMA_BETA: Array<[boolean, boolean]> = [
  [true, true],
  [true, false],
  [false, true],
  [false, false],
];
export const INITS: InitName[] = ['glorot', 'he', 'gauss'];

/** 'all', and for deeper nets also a proper subset: every other layer, counting back from the last ([2], [1,3], [1,3,5]). */
export function bnLayerChoices(depth: number): Array<NetSpec['bnLayers']> {
  if (depth === 1) return ['all'];
  return ['all', Array.from({ length: depth }, (_, i) => i + 1).filter((n) => (depth - n) % 2 === 0)];
}
