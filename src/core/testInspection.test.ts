import * as tf from '@tensorflow/tfjs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { IMAGE_SIZE } from '../data/idx';
import type { Split } from '../data/mnist';
import { DEFAULT_CONFIG } from '../shared/config';
import { loadMnistForTests } from '../test-support/nodeMnist';
import { useCpuBackend } from '../test-support/tfCpu';
import { buildNet } from './models';
import { inspectTest, sampleImages } from './testInspection';

const COUNT = 300;
let test: Split;
let models: Record<'bn' | 'plain', tf.LayersModel>;

beforeAll(async () => {
  await useCpuBackend();
  models = { bn: buildNet('bn', DEFAULT_CONFIG, 3), plain: buildNet('plain', DEFAULT_CONFIG, 3) };
  test = (await loadMnistForTests(COUNT)).test;
});

afterAll(() => {
  models.bn.dispose();
  models.plain.dispose();
});

/** Arg-max of model.predict over the whole split at once, in JavaScript: a second way to the same answer. */
function expectedDigits(model: tf.LayersModel): number[] {
  const probs = tf.tidy(
    () => (model.predict(tf.tensor3d(test.images, [COUNT, 28, 28])) as tf.Tensor).arraySync() as number[][],
  );
  return probs.map((row) => row.indexOf(Math.max(...row)));
}

describe('inspectTest', () => {
  it("gives each net's arg-max for every test image, across batch boundaries, and leaves no tensor behind", async () => {
    const before = tf.memory().numTensors;
    const result = await inspectTest(models, test, 20, 7, 128);
    expect(tf.memory().numTensors).toBe(before);
    expect(Array.from(result.labels)).toEqual(Array.from(test.labels));
    expect(result.labels.buffer).not.toBe(test.labels.buffer);
    for (const id of ['bn', 'plain'] as const) {
      const digits = result.predicted[id];
      expect(digits).toBeInstanceOf(Uint8Array);
      expect(Array.from(digits ?? [])).toEqual(expectedDigits(models[id]));
    }
    // Untrained nets still spread their guesses, so the comparison above is not between two constant arrays.
    expect(new Set(result.predicted.plain).size).toBeGreaterThan(1);
  });

  it('leaves out a net that is absent', async () => {
    const result = await inspectTest({ plain: models.plain }, test, 5, 1);
    expect(Object.keys(result.predicted)).toEqual(['plain']);
    expect(result.predicted.plain).toHaveLength(COUNT);
  });

  it('rejects a nonsense sample size without leaking', async () => {
    const before = tf.memory().numTensors;
    await expect(inspectTest(models, test, -1, 1)).rejects.toThrow(/sample size/);
    await expect(inspectTest(models, test, 5, 1, 0)).rejects.toThrow(/batch size/);
    expect(tf.memory().numTensors).toBe(before);
  });
});

describe('sampleImages', () => {
  it('picks distinct in-range indices, the same for the same seed, with the split’s pixels as 0–255', () => {
    const a = sampleImages(test, 50, 42);
    expect(a.indices).toHaveLength(50);
    expect(new Set(a.indices).size).toBe(50);
    for (const i of a.indices) expect(i >= 0 && i < COUNT).toBe(true);
    expect([...a.indices]).toEqual([...a.indices].sort((x, y) => x - y));
    expect(Array.from(sampleImages(test, 50, 42).indices)).toEqual(Array.from(a.indices));
    expect(Array.from(sampleImages(test, 50, 43).indices)).not.toEqual(Array.from(a.indices));

    expect(a.pixels).toHaveLength(50 * IMAGE_SIZE);
    let worst = 0;
    a.indices.forEach((index, k) => {
      for (let p = 0; p < IMAGE_SIZE; p++) {
        const original = test.images[index * IMAGE_SIZE + p] ?? NaN;
        worst = Math.max(worst, Math.abs((a.pixels[k * IMAGE_SIZE + p] ?? NaN) - original * 255));
      }
    });
    expect(worst).toBeLessThanOrEqual(0.5);
  });

  it('takes the whole split when asked for more images than it has', () => {
    expect(sampleImages(test, COUNT + 10, 1).indices).toHaveLength(COUNT);
    expect(sampleImages(test, 0, 1).pixels).toHaveLength(0);
  });
});
