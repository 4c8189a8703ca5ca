// The maths panel's numbers on a sample batch (no run in progress): they satisfy the BN formulas, are those of the
// first training images, leave the net as it was, and say what one step would do to the running averages.
import * as tf from '@tensorflow/tfjs';
import { beforeAll, describe, expect, it } from 'vitest';
import type { Split } from '../../data/mnist';
import { defaultConfig } from '../../shared/config';
import { loadMnistForTests } from '../../test-support/nodeMnist';
import { useCpuBackend } from '../../test-support/tfCpu';
import { buildNet } from '../models';
import { MATH_ROWS, movedAverage, sampleMath } from './bnMath';
import { probeForward } from './probeForward';

let train: Split;
beforeAll(async () => {
  await useCpuBackend();
  train = (await loadMnistForTests(200)).train;
});

describe('sampleMath', () => {
  it('gives one unit’s numbers on the first m training images, consistent with the formulas, changing nothing', () => {
    const model = buildNet('bn', { ...defaultConfig(), layers: [12, 6] }, 3);
    // Move the running statistics and γ, β off their initial 0, 1 so that every number is checked for real.
    const bn = model.layers.filter((l) => l.getClassName() === 'BatchNormalization');
    for (const layer of bn)
      layer.setWeights(layer.getWeights().map((w, i) => tf.tidy(() => tf.add(w, tf.scalar(0.1 * (i + 1))))));
    const weights = model.getWeights().map((w) => Array.from(w.dataSync()));
    const before = tf.memory().numTensors;

    const math = sampleMath(model, train, 32, 1, 4);

    expect(tf.memory().numTensors).toBe(before);
    expect(model.getWeights().map((w) => Array.from(w.dataSync()))).toEqual(weights);
    if (math === null) throw new Error('no maths for a BN layer');
    expect(math).toMatchObject({ source: 'sample', layer: 1, unit: 4, m: 32, epsilon: 0.001, momentum: 0.99 });
    expect(math.rows).toHaveLength(MATH_ROWS);
    // γ and β were raised by 0.1 and 0.2 from 1 and 0; the running mean and variance by 0.3 and 0.4 from 0 and 1.
    expect(math.gamma).toBeCloseTo(1.1, 6);
    expect(math.beta).toBeCloseTo(0.2, 6);
    expect(math.runningMeanBefore).toBeCloseTo(0.3, 6);
    expect(math.runningVarBefore).toBeCloseTo(1.4, 6);
    for (const row of math.rows) {
      const xhat = (row.x - math.mean) / Math.sqrt(math.variance + math.epsilon);
      expect(row.xhat).toBeCloseTo(xhat, 5);
      expect(row.y).toBeCloseTo(math.gamma * row.xhat + math.beta, 5);
    }
    expect(math.runningMeanAfter).toBeCloseTo(0.99 * math.runningMeanBefore + 0.01 * math.mean, 10);
    expect(math.runningVarAfter).toBe(movedAverage(math.runningVarBefore, math.variance, 0.99));

    // The same unit of the same layer in a batch-mode pass over the first 32 images: the same batch.
    const reference = tf.tidy(() => {
      const x = tf.tensor3d(train.images.subarray(0, 32 * 784), [32, 28, 28]);
      let mean = NaN;
      let first = NaN;
      probeForward(model, x, { kind: 'batch' }, (v) => {
        if (v.kind === 'bn' && v.hidden === 1) {
          mean = v.mean.dataSync()[4] ?? NaN;
          first = v.input.dataSync()[4] ?? NaN;
        }
      });
      return { mean, first };
    });
    expect(math.mean).toBeCloseTo(reference.mean, 6);
    expect(math.rows[0]?.x).toBeCloseTo(reference.first, 6);
    model.dispose();
  });

  it('has nothing to show for a layer without BN, or a net without any', () => {
    const partial = buildNet('bn', { ...defaultConfig(), layers: [8, 8], bnLayers: [2] }, 1);
    expect(sampleMath(partial, train, 16, 0, 0)).toBeNull();
    expect(sampleMath(partial, train, 16, 1, 0)?.layer).toBe(1);
    const plain = buildNet('plain', { ...defaultConfig(), layers: [8] }, 1);
    expect(sampleMath(plain, train, 16, 0, 0)).toBeNull();
    partial.dispose();
    plain.dispose();
  });

  it('takes a unit past the layer’s width as its last unit, and a batch larger than the split as the whole split', () => {
    const model = buildNet('bn', { ...defaultConfig(), layers: [5] }, 2);
    const small: Split = {
      count: 20,
      images: train.images.subarray(0, 20 * 784),
      labels: train.labels.subarray(0, 20),
    };
    const math = sampleMath(model, small, 32, 0, 99);
    expect(math?.unit).toBe(4);
    expect(math?.m).toBe(20);
    model.dispose();
  });
});
