// Model factories for the blog's network and its twin without BatchNorm. Imports TF.js only (no DOM, no React).
import * as tf from '@tensorflow/tfjs';
import type { NetId, ParamCounts } from '../shared/metrics';
import { NUM_CLASSES, IMAGE_SIDE } from '../data/idx';

/** Keras's defaults where the blog is silent. */
export const BN_MOMENTUM = 0.99;
export const BN_EPSILON = 1e-3;
export const HIDDEN_UNITS = [128, 64] as const;

/**
 * Each Dense layer gets its own seed derived from the run's seed, so the two nets' Dense kernels are identical
 * (same seed, same shape) while the layers within a net are not correlated.
 */
export function denseSeed(runSeed: number, layerIndex: number): number {
  return (Math.imul(runSeed + 1, 0x9e3779b1) + layerIndex * 0x85ebca6b) >>> 0;
}

function dense(units: number, seed: number, layerIndex: number, activation?: 'relu' | 'softmax'): tf.layers.Layer {
  return tf.layers.dense({
    units,
    activation: activation ?? 'linear',
    kernelInitializer: tf.initializers.glorotUniform({ seed: denseSeed(seed, layerIndex) }),
    biasInitializer: 'zeros',
    name: `dense_${layerIndex}`,
  });
}

/**
 * Flatten → [Dense → (BatchNorm) → ReLU] × 2 → Dense(10, softmax).
 * The BN net normalizes each Dense output before its ReLU, as the blog does.
 */
export function buildNet(batchNorm: boolean, seed: number): tf.Sequential {
  const model = tf.sequential({ name: batchNorm ? 'with_bn' : 'no_bn' });
  model.add(tf.layers.flatten({ inputShape: [IMAGE_SIDE, IMAGE_SIDE], name: 'flatten' }));
  HIDDEN_UNITS.forEach((units, i) => {
    model.add(dense(units, seed, i));
    if (batchNorm) {
      model.add(tf.layers.batchNormalization({ momentum: BN_MOMENTUM, epsilon: BN_EPSILON, name: `batch_norm_${i}` }));
    }
    model.add(tf.layers.activation({ activation: 'relu', name: `relu_${i}` }));
  });
  model.add(dense(NUM_CLASSES, seed, HIDDEN_UNITS.length, 'softmax'));
  return model;
}

export function buildTwins(seed: number): Record<NetId, tf.Sequential> {
  return { bn: buildNet(true, seed), plain: buildNet(false, seed) };
}

export function countParams(model: tf.LayersModel): ParamCounts {
  const count = (weights: tf.LayerVariable[]): number => weights.reduce((n, w) => n + w.shape.reduce<number>((a, b) => a * (b ?? 1), 1), 0);
  return { total: count(model.weights), trainable: count(model.trainableWeights) };
}
