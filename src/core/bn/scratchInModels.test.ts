// The from-scratch BN inside the app's nets: built by the setting, trained through the same optimizer step as the
// built-in layer to the same weights, and saved to / loaded from the app's model file.
import * as tf from '@tensorflow/tfjs';
import { beforeAll, describe, expect, it } from 'vitest';
import { defaultConfig, type TrainConfig } from '../../shared/config';
import { useCpuBackend } from '../../test-support/tfCpu';
import { meanCrossEntropy } from '../losses';
import { exportBundle, importBundle } from '../modelBundle';
import { buildNet, layerName } from '../models';
import { ScratchBatchNorm } from './scratchBatchNorm';

beforeAll(useCpuBackend);

const SMALL: TrainConfig = { ...defaultConfig(), layers: [16, 8], epochs: 1 };

function trainSteps(model: tf.LayersModel, steps: number): void {
  const optimizer = tf.train.adam(0.01);
  for (let s = 0; s < steps; s++) {
    tf.tidy(() => {
      const x = tf.randomUniform([20, 28, 28], 0, 1, 'float32', 40 + s);
      const y = tf.randomUniform([20], 0, 10, 'int32', 80 + s) as tf.Tensor1D;
      optimizer.minimize(() => meanCrossEntropy(y, model.apply(x, { training: true }) as tf.Tensor2D));
    });
  }
  optimizer.dispose();
}

describe('the BN net with bnImpl = scratch', () => {
  it('uses ScratchBatchNorm with the built-in layer’s weight names and shapes', () => {
    const ours = buildNet('bn', { ...SMALL, bnImpl: 'scratch' }, 1);
    const lib = buildNet('bn', SMALL, 1);
    expect(ours.getLayer(layerName.batchNorm(0))).toBeInstanceOf(ScratchBatchNorm);
    expect(ours.weights.map((w) => [w.originalName, w.shape])).toEqual(
      lib.weights.map((w) => [w.originalName, w.shape]),
    );
    ours.dispose();
    lib.dispose();
  });

  for (const flags of [
    { bnScale: true, bnCenter: true },
    { bnScale: false, bnCenter: false },
  ]) {
    it(`trains to the same weights as the built-in layer over 8 Adam steps (γ/β ${flags.bnScale ? 'on' : 'off'})`, () => {
      const before = tf.memory().numTensors;
      // No bias before BN: its true gradient is 0, so Adam turns the float noise of either layer into full-size steps
      // (harmless: BN subtracts it again) that would differ between the two.
      const spec = { ...SMALL, ...flags, denseBias: false };
      const ours = buildNet('bn', { ...spec, bnImpl: 'scratch' }, 5);
      const lib = buildNet('bn', spec, 5);
      trainSteps(ours, 8);
      trainSteps(lib, 8);
      const a = lib.getWeights().map((t) => Array.from(t.dataSync()));
      const b = ours.getWeights().map((t) => Array.from(t.dataSync()));
      a.forEach((w, i) =>
        w.forEach((v, j) => expect(Math.abs((b[i]?.[j] ?? NaN) - v), `weight ${i}[${j}]`).toBeLessThan(1e-4)),
      );
      ours.dispose();
      lib.dispose();
      expect(tf.memory().numTensors).toBe(before);
    });
  }

  it('round-trips through the model file, and a file saved before the setting existed still loads', async () => {
    const config: TrainConfig = { ...SMALL, bnImpl: 'scratch', nets: 'bn' };
    const model = buildNet('bn', config, 3);
    trainSteps(model, 2);
    const info = { name: 'scratch', config, savedAt: '2026-11-27T07:00:00.000Z', valAccuracy: {} };
    const loaded = await importBundle(await exportBundle({ bn: model }, info));
    expect(loaded.models.bn?.getLayer(layerName.batchNorm(1))).toBeInstanceOf(ScratchBatchNorm);
    const predict = (m: tf.LayersModel): number[] =>
      tf.tidy(() => Array.from((m.predict(tf.ones([2, 28, 28])) as tf.Tensor).dataSync()));
    const reloaded = loaded.models.bn;
    if (!reloaded) throw new Error('no BN net loaded');
    expect(predict(reloaded)).toEqual(predict(model));

    const legacyConfig: Partial<TrainConfig> = { ...SMALL, nets: 'bn' };
    delete legacyConfig.bnImpl;
    const legacy = buildNet('bn', SMALL, 3);
    const old = await importBundle(
      await exportBundle({ bn: legacy }, { ...info, config: legacyConfig as TrainConfig }),
    );
    expect(old.info.config.bnImpl).toBe('layers');
    expect(old.models.bn?.getLayer(layerName.batchNorm(0))).not.toBeInstanceOf(ScratchBatchNorm);
    for (const m of [model, reloaded, legacy, old.models.bn]) m?.dispose();
  });
});
