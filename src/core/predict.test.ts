import * as tf from '@tensorflow/tfjs';
import { beforeAll, describe, expect, it } from 'vitest';
import { buildNet } from './models';
import { predictDigit } from './predict';
import { DEFAULT_CONFIG } from '../shared/config';
import { useCpuBackend } from '../test-support/tfCpu';

beforeAll(useCpuBackend);

describe('predictDigit', () => {
  it('gives each net ten probabilities in inference mode, equal to model.predict, and leaves no tensor behind', async () => {
    const models = { bn: buildNet('bn', DEFAULT_CONFIG, 1), plain: buildNet('plain', DEFAULT_CONFIG, 1) };
    const pixels = new Float32Array(784).map((_, i) => ((i * 37) % 255) / 255);
    const before = tf.memory().numTensors;
    const out = await predictDigit(models, pixels);
    expect(tf.memory().numTensors).toBe(before);
    for (const id of ['bn', 'plain'] as const) {
      const probs = out[id] ?? [];
      expect(probs).toHaveLength(10);
      expect(probs.reduce((a, b) => a + b, 0)).toBeCloseTo(1, 5);
      const expected = tf.tidy(() =>
        Array.from((models[id].predict(tf.tensor3d(pixels, [1, 28, 28])) as tf.Tensor).dataSync()),
      );
      probs.forEach((p, i) => expect(p).toBeCloseTo(expected[i] ?? NaN, 6));
    }
    expect(Object.keys(await predictDigit({ plain: models.plain }, pixels))).toEqual(['plain']);
    await expect(predictDigit(models, new Float32Array(10))).rejects.toThrow(/784/);
    models.bn.dispose();
    models.plain.dispose();
  });
});
