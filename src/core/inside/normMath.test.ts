// The recorder with LayerNorm, GroupNorm and RMSNorm nets (CPU backend, real MNIST): each records its normalization's
// numbers at the chosen layer and unit, and they obey its formula over the example's own units.
import * as tf from '@tensorflow/tfjs';
import { beforeAll, describe, expect, it } from 'vitest';
import type { Mnist } from '../../data/mnist';
import { defaultConfig, type TrainConfig } from '../../shared/config';
import type { InsideRecord } from '../../shared/inside';
import { loadMnistForTests } from '../../test-support/nodeMnist';
import { useCpuBackend } from '../../test-support/tfCpu';
import { runExperiment } from '../experiment';
import { InsideRecorder } from './insideRecorder';

let data: Mnist;
beforeAll(async () => {
  await useCpuBackend();
  data = await loadMnistForTests(300);
});

const CONFIG: TrainConfig = {
  ...defaultConfig(),
  layers: [16, 8],
  trainSize: 200,
  batchSize: 50,
  epochs: 1,
  norms: ['none', 'batch', 'layer', 'group', 'rms'],
  groups: 4,
};

describe('the maths of the per-example normalizations', () => {
  it('records x, the example’s own statistics, x̂ and y for LN, GN and RMS nets, and leaks nothing', async () => {
    const records: InsideRecord[] = [];
    const before = tf.memory().numTensors;
    const recorder = new InsideRecorder({
      config: CONFIG,
      test: data.test,
      view: () => ({ open: true, layer: 0, unit: 6 }),
      onRecord: (r) => records.push(r),
      recordBudget: { minIntervalMs: 0, share: 1 },
      modesBudget: { minIntervalMs: 0, share: 1 },
    });
    await runExperiment(data, CONFIG, { stepObserver: recorder });
    recorder.dispose();
    expect(tf.memory().numTensors).toBe(before);
    const last = records[records.length - 1];
    expect(last?.math?.unit).toBe(6);
    const maths = last?.normMath ?? {};
    expect(Object.keys(maths).sort()).toEqual(['gn', 'ln', 'rms']);
    expect(maths.gn).toMatchObject({ group: 1, groups: 4, groupSize: 4, centered: true, m: 50 });
    expect(maths.ln).toMatchObject({ group: 0, groups: 1, groupSize: 16, centered: true });
    expect(maths.rms).toMatchObject({ groups: 1, centered: false, beta: 0 });
    for (const math of Object.values(maths)) {
      expect(math.rows).toHaveLength(5);
      for (const row of math.rows) {
        // x̂ = (x − μ)/√(σ² + ε) with the example's own μ, σ² (RMSNorm: μ = 0, σ² the mean square), y = γ·x̂ + β.
        expect(row.xhat).toBeCloseTo((row.x - row.mean) / Math.sqrt(row.variance + math.epsilon), 4);
        expect(row.y).toBeCloseTo(math.gamma * row.xhat + math.beta, 4);
        if (!math.centered) expect(row.mean).toBe(0);
      }
      // Statistics per example, not per batch: the examples' means differ.
      expect(new Set(math.rows.map((r) => r.variance.toFixed(6))).size).toBeGreaterThan(1);
    }
  });
});
