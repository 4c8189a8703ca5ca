// The paper's Algorithm 2: population statistics from equal batches, and applied to a real (small) net.
import * as tf from '@tensorflow/tfjs';
import { beforeAll, describe, expect, it } from 'vitest';
import type { Split } from '../../data/mnist';
import { defaultConfig } from '../../shared/config';
import { loadMnistForTests } from '../../test-support/nodeMnist';
import { useCpuBackend } from '../../test-support/tfCpu';
import { buildNet } from '../models';
import { accuracyWith, populationStatistics, recalibrate } from './recalibrate';
import { probeForward } from './probeForward';

let train: Split;
let test: Split;
beforeAll(async () => {
  await useCpuBackend();
  const data = await loadMnistForTests(300);
  train = data.train;
  test = data.test;
});

describe('populationStatistics', () => {
  it('is the mean of the batch means and m/(m−1) times the mean of the biased batch variances', () => {
    // Two units, three batches of m = 4.
    const batches = [
      [
        [1, 10],
        [2, 20],
        [3, 30],
        [6, 40],
      ],
      [
        [0, 5],
        [0, 5],
        [4, 5],
        [4, 5],
      ],
      [
        [-1, 0],
        [1, 0],
        [-1, 2],
        [1, 2],
      ],
    ];
    const m = 4;
    const moments = batches.map((rows) => {
      const mean = [0, 1].map((u) => rows.reduce((s, r) => s + (r[u] ?? 0), 0) / m);
      const variance = [0, 1].map((u) => rows.reduce((s, r) => s + ((r[u] ?? 0) - (mean[u] ?? 0)) ** 2, 0) / m);
      return { mean, variance };
    });
    const p = populationStatistics(
      moments.map((b) => b.mean),
      moments.map((b) => b.variance),
      m,
    );
    // Equal batches: E[μ_B] is the mean of all 12 values; m/(m−1)·E[σ²_B] is the mean of the unbiased within-batch variances.
    const all = (u: number): number[] => batches.flat().map((r) => r[u] ?? 0);
    const unbiased = (rows: number[][], u: number): number => {
      const xs = rows.map((r) => r[u] ?? 0);
      const mu = xs.reduce((a, b) => a + b, 0) / xs.length;
      return xs.reduce((s, x) => s + (x - mu) ** 2, 0) / (xs.length - 1);
    };
    for (const u of [0, 1]) {
      expect(p.mean[u]).toBeCloseTo(all(u).reduce((a, b) => a + b, 0) / 12, 12);
      expect(p.variance[u]).toBeCloseTo(batches.reduce((s, rows) => s + unbiased(rows, u), 0) / 3, 12);
    }
  });

  it('refuses batches of one (no unbiased variance) and no batches', () => {
    expect(() => populationStatistics([[1]], [[0]], 1)).toThrow(/at least 2/);
    expect(() => populationStatistics([], [], 8)).toThrow();
  });
});

describe('recalibrate', () => {
  it('sets each BN layer to the population statistics of the training batches, leaving the net unchanged', () => {
    const config = { ...defaultConfig(), layers: [12, 6] };
    const model = buildNet('bn', config, 4);
    const weights = model.getWeights().map((w) => Array.from(w.dataSync()));
    const before = tf.memory().numTensors;
    const result = recalibrate(model, train, 400, 40, test);
    expect(tf.memory().numTensors).toBe(before);
    expect(model.getWeights().map((w) => Array.from(w.dataSync()))).toEqual(weights);
    expect(result.batches).toBe(10);
    expect(result.m).toBe(40);
    expect(result.shifts.map((s) => s.layer)).toEqual([0, 1]);
    // An untrained net still has running statistics 0 and 1: the population ones differ from them.
    for (const s of result.shifts) expect(s.mean + s.variance).toBeGreaterThan(0);
    expect(result.before).toBeGreaterThanOrEqual(0);
    expect(result.after).toBeLessThanOrEqual(1);

    // The first BN layer's input does not depend on batch statistics, so its population mean is the plain mean of its
    // inputs over those 400 images; the running mean is still 0, so the shift reported is its largest |value|.
    const firstMean = tf.tidy(() => {
      const x = tf.tensor3d(train.images.subarray(0, 400 * 784), [400, 28, 28]);
      let mean: number[] = [];
      probeForward(model, x, { kind: 'batch' }, (v) => {
        if (v.kind === 'bn' && v.hidden === 0) mean = Array.from(v.mean.dataSync());
      });
      return mean;
    });
    expect(firstMean).toHaveLength(12);
    expect(result.shifts[0]?.mean).toBeCloseTo(Math.max(...firstMean.map(Math.abs)), 4);
    model.dispose();
  });

  it('measures accuracy in training mode with batches of the given size, dropping a partial last batch', () => {
    const model = buildNet('bn', { ...defaultConfig(), layers: [8] }, 1);
    expect(accuracyWith(model, test, 250, 32, { kind: 'batch' }).images).toBe(224);
    expect(accuracyWith(model, test, 250, 1000, { kind: 'running' }).images).toBe(250);
    model.dispose();
  });
});
