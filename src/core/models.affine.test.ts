// γ and β switched off: no such weights (as in Keras), yet training mode reads them as their constants 1 and 0.
import * as tf from '@tensorflow/tfjs';
import { beforeAll, describe, expect, it } from 'vitest';
import { meanCrossEntropy } from './losses';
import { buildNet } from './models';
import { useCpuBackend } from '../test-support/tfCpu';
import { specOf, kernelOf } from './models.fixture';

beforeAll(useCpuBackend);

describe('γ and β switched off', () => {
  it.each([
    { bnScale: false, bnCenter: false, weights: ['moving_mean', 'moving_variance'] },
    { bnScale: false, bnCenter: true, weights: ['beta', 'moving_mean', 'moving_variance'] },
    { bnScale: true, bnCenter: false, weights: ['gamma', 'moving_mean', 'moving_variance'] },
  ])(
    'γ $bnScale, β $bnCenter: the layer has no such weight, trains, and acts as γ = 1, β = 0',
    ({ bnScale, bnCenter, weights }) => {
      const model = buildNet('bn', specOf({ layers: [8], bnScale, bnCenter }), 2);
      const layer = model.getLayer('batch_norm_0');
      expect(layer.weights.map((w) => w.originalName.split('/')[1])).toEqual(weights);
      const optimizer = tf.train.sgd(0.5);
      const x = tf.randomUniform([16, 28, 28], 0, 1, 'float32', 3);
      const y = tf.tensor1d(
        Array.from({ length: 16 }, (_, i) => i % 10),
        'int32',
      );
      const kernelBefore = Array.from(kernelOf(model, 'dense_0'));
      const baseline = tf.memory().numTensors;
      for (let i = 0; i < 3; i++) {
        optimizer.minimize(() => meanCrossEntropy(y, model.apply(x, { training: true }) as tf.Tensor2D));
      }
      expect(Array.from(kernelOf(model, 'dense_0'))).not.toEqual(kernelBefore);
      // The BN output of a training batch has per-unit mean β and std γ·σ/sqrt(σ² + ε): 0 and ~1 where switched off.
      const bnOut = tf.tidy(() => {
        const dense = model.getLayer('dense_0').apply(tf.layers.flatten().apply(x)) as tf.Tensor;
        return tf.moments(layer.apply(dense, { training: true }) as tf.Tensor, 0);
      });
      const [mean, variance] = [bnOut.mean.dataSync(), bnOut.variance.dataSync()];
      if (!bnCenter) mean.forEach((m) => expect(m).toBeCloseTo(0, 4));
      if (!bnScale) variance.forEach((v) => expect(v).toBeGreaterThan(0.9));
      if (!bnScale) variance.forEach((v) => expect(v).toBeLessThanOrEqual(1));
      tf.dispose([bnOut.mean, bnOut.variance]);
      // SGD keeps no per-variable state: nothing the steps made outlives them.
      expect(tf.memory().numTensors).toBe(baseline);
      [x, y, optimizer, model].forEach((t) => t.dispose());
    },
  );
});
