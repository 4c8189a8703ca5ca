// Helpers and fixed inputs shared by the tests of modelBundle.ts.
import { expect } from 'vitest';
// Both nets to a file and back on the CPU backend: identical predictions after the round trip, and every kind of bad
// file refused with its code and a message a user can act on, leaving no tensor behind.
import * as tf from '@tensorflow/tfjs';
import { defaultConfig, type TrainConfig } from '../shared/config';
import type { SavedModelsInfo, SomeNets } from '../shared/protocol';
import { NET_IDS, type NetId } from '../shared/metrics';
import { buildNet } from './models';
import { exportBundle, importBundle } from './modelBundle';

export const SMALL: TrainConfig = { ...defaultConfig(), layers: [16, 8], epochs: 1 };

export function infoFor(
  config: TrainConfig,
  valAccuracy: SomeNets<number> = { bn: 0.91, plain: 0.88 },
): SavedModelsInfo {
  return { name: 'test nets', config, savedAt: '2026-11-27T05:40:00.000Z', valAccuracy };
}

/** Nets whose every weight (BN statistics included) is moved away from its initial value, as training would. */
export function trainedLike(config: TrainConfig, nets: NetId[], seed = 7): SomeNets<tf.Sequential> {
  const models: SomeNets<tf.Sequential> = {};
  for (const net of nets) {
    const model = buildNet(net, config, 3);
    tf.tidy(() =>
      model.setWeights(
        model.weights.map((w, i) =>
          tf.randomUniform(
            w.shape.map((d) => d ?? 1),
            0.05,
            0.9,
            'float32',
            seed + i,
          ),
        ),
      ),
    );
    models[net] = model;
  }
  return models;
}

export function disposeAll(models: SomeNets<tf.LayersModel>): void {
  for (const id of NET_IDS) models[id]?.dispose();
}

export const INPUTS = (): tf.Tensor => tf.randomUniform([4, 28, 28], 0, 1, 'float32', 11);

export function predictions(model: tf.LayersModel): Float32Array {
  return tf.tidy(() => (model.predict(INPUTS()) as tf.Tensor).dataSync() as Float32Array);
}

export async function roundTrip(config: TrainConfig, nets: NetId[]): Promise<void> {
  const before = tf.memory().numTensors;
  const original = trainedLike(config, nets);
  const accuracy: SomeNets<number> = {};
  nets.forEach((net, i) => (accuracy[net] = 0.9 - i / 100));
  const info = infoFor(config, accuracy);
  const bytes = await exportBundle(original, info);
  const loaded = await importBundle(bytes);
  expect(loaded.info).toEqual(info);
  expect(Object.keys(loaded.models).sort()).toEqual([...nets].sort());
  for (const net of nets) {
    const a = original[net];
    const b = loaded.models[net];
    if (!a || !b) throw new Error(`missing ${net}`);
    expect(Array.from(predictions(b))).toEqual(Array.from(predictions(a)));
  }
  disposeAll(original);
  disposeAll(loaded.models);
  expect(tf.memory().numTensors).toBe(before);
}
