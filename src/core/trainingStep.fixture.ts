// Helpers and fixed inputs shared by the tests of trainingStep.ts.
import { expect } from 'vitest';
import * as tf from '@tensorflow/tfjs';
import '@tensorflow/tfjs-backend-wasm';
import type { Batch } from './residentData';
import { type TrainConfig } from '../shared/config';

export const BATCH = 16;

/** A batch of random "images" with labels, from a seed (MNIST is not needed to compare two ways of differentiating). */
export function randomBatch(seed: number, size = BATCH): Batch {
  return tf.tidy(() => ({
    x: tf.randomUniform([size, 28, 28], 0, 1, 'float32', seed) as tf.Tensor3D,
    y: tf.cast(tf.floor(tf.randomUniform([size], 0, 10, 'float32', seed + 1)), 'int32') as tf.Tensor1D,
  }));
}

export function disposeAll(batch: Batch): void {
  batch.x.dispose();
  batch.y.dispose();
}

/** γ and β start at 1 and 0, where a mistake in their gradient or use could hide: move them first (any norm layer). */
export function perturbAffine(model: tf.LayersModel, seed: number): void {
  for (const layer of model.layers) {
    if (!layer.weights.some((w) => /(gamma|beta)$/.test(w.originalName))) continue;
    const values = tf.tidy(() =>
      layer.getWeights().map((w, i) => {
        const name = layer.weights[i]?.originalName ?? '';
        if (name.endsWith('gamma')) return tf.add(w, tf.randomUniform(w.shape, -0.5, 0.5, 'float32', seed + i));
        if (name.endsWith('beta')) return tf.randomUniform(w.shape, -0.5, 0.5, 'float32', seed + 10 + i);
        return w.clone();
      }),
    );
    layer.setWeights(values);
    values.forEach((v) => v.dispose());
  }
}

export function weightsOf(model: tf.LayersModel): Map<string, Float32Array> {
  return new Map(model.weights.map((w) => [w.originalName, w.read().dataSync() as Float32Array]));
}

export function expectClose(
  actual: ArrayLike<number>,
  expected: ArrayLike<number>,
  what: string,
  abs = 1e-5,
  rel = 1e-4,
): void {
  expect(actual.length, what).toBe(expected.length);
  for (let i = 0; i < expected.length; i++) {
    const a = actual[i] ?? Number.NaN;
    const e = expected[i] ?? Number.NaN;
    if (!(Math.abs(a - e) <= abs + rel * Math.abs(e))) throw new Error(`${what}[${i}]: ${a} vs ${e}`);
  }
}

/** Runs f in a tensor scope that frees what f made; for reading plain values out (tf.tidy only returns tensors). */
export function scoped<T>(f: () => T): T {
  tf.engine().startScope();
  try {
    return f();
  } finally {
    tf.engine().endScope();
  }
}

export const SHAPES: Array<[string, Partial<TrainConfig>]> = [
  ['the blog recipe', {}],
  ['BN after the activation', { bnPlace: 'after' }],
  [
    'sigmoid, no Dense bias before BN, γ and β off',
    { activation: 'sigmoid', denseBias: false, bnScale: false, bnCenter: false, layers: [20, 12] },
  ],
  [
    'tanh, three layers, BN on the second only, γ only',
    { activation: 'tanh', layers: [24, 16, 8], bnLayers: [2], bnCenter: false },
  ],
  [
    'relu, one layer, β only, BN momentum 0.9 ε 1e-5',
    { layers: [30], bnScale: false, bnMomentum: 0.9, bnEpsilon: 1e-5 },
  ],
];

/** GroupNorm's groups for a shape's widths: 8 as by default when it divides them, else the most that leaves ≥ 2 units a group. */
export function groupsFor(layers: readonly number[]): number {
  return [8, 4, 3, 2, 1].find((g) => layers.every((w) => w % g === 0 && w / g >= 2)) ?? 1;
}
