// SeedsTrainer's batched step against one net's step, seed by seed, for every net shape the hand-written step knows
// and on both the CPU and the WASM backend (the app's usual one: batched matmuls with a broadcast bias).
import * as tf from '@tensorflow/tfjs';
import '@tensorflow/tfjs-backend-wasm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildNet } from './models';
import { NetTrainer } from './netTrainer';
import type { Batch } from './residentData';
import { SeedsTrainer } from './seedsTrainer';
import { makeTrainingStep } from './trainingStep';
import { disposeAll, expectClose, perturbAffine, randomBatch, SHAPES, weightsOf } from './trainingStep.fixture';
import { patchWasmMatMul } from './wasmMatMulFix';
import { DEFAULT_CONFIG } from '../shared/config';
import type { NetId } from '../shared/metrics';
import { useCpuBackend } from '../test-support/tfCpu';

beforeAll(useCpuBackend);
afterAll(async () => {
  await tf.setBackend('cpu');
});

const SEEDS = [3, 4, 5];
const STEPS = 3;

/** Seed k's batches for each step, and the same batches laid side by side as the seeds' batch. */
function batches(step: number): { each: Batch[]; all: Batch } {
  const each = SEEDS.map((seed) => randomBatch(100 * step + seed));
  const all = tf.tidy(() => ({
    x: tf.concat(each.map((b) => b.x)) as tf.Tensor3D,
    y: tf.concat(each.map((b) => b.y)) as tf.Tensor1D,
  }));
  return { each, all };
}

/** Trains the seeds both ways; returns every weight of every seed's model, batched and one by one. */
function trainBothWays(net: NetId, over: Partial<typeof DEFAULT_CONFIG>, optimizer: 'adam' | 'sgd') {
  const spec = { ...DEFAULT_CONFIG, ...over };
  const build = () =>
    SEEDS.map((seed) => {
      const model = buildNet(net, spec, seed);
      perturbAffine(model, seed);
      return model;
    });
  const together = build();
  const alone = build();
  const seeds = SeedsTrainer.create(together, optimizer, 0.01);
  if (!seeds) throw new Error('the net did not stack');
  const singles = alone.map((m) => new NetTrainer(m, makeTrainingStep(m, optimizer, 0.01)));
  for (let s = 0; s < STEPS; s++) {
    const { each, all } = batches(s);
    seeds.step(all);
    singles.forEach((t, k) => {
      const b = each[k];
      if (b) t.step(b);
    });
    each.forEach(disposeAll);
    disposeAll(all);
  }
  const models = seeds.releaseModels();
  const out = { together: models.map(weightsOf), alone: alone.map(weightsOf) };
  for (const m of models) m.dispose();
  for (const t of singles) t.dispose();
  return out;
}

describe('SeedsTrainer', () => {
  it.each(SHAPES)('trains each seed as its one-seed step does: %s', (_, over) => {
    for (const net of ['bn', 'plain'] as const) {
      const before = tf.memory().numTensors;
      const { together, alone } = trainBothWays(net, over, 'adam');
      together.forEach((weights, k) => {
        for (const [name, value] of weights) {
          expectClose(value, alone[k]?.get(name) ?? new Float32Array(), `${net} seed ${k} ${name}`, 1e-5, 1e-4);
        }
      });
      expect(tf.memory().numTensors).toBe(before);
    }
  });

  it('does the same on WASM (batched matmuls, broadcast bias, the transposed-operand patch)', async () => {
    await tf.setBackend('wasm');
    patchWasmMatMul();
    try {
      const { together, alone } = trainBothWays('bn', {}, 'sgd');
      together.forEach((weights, k) => {
        for (const [name, value] of weights)
          expectClose(value, alone[k]?.get(name) ?? new Float32Array(), `wasm seed ${k} ${name}`, 1e-5, 1e-4);
      });
    } finally {
      await tf.setBackend('cpu');
    }
  });

  it("hands back models that predict on WASM (each variable's data has its own shape)", async () => {
    await tf.setBackend('wasm');
    patchWasmMatMul();
    try {
      const models = SEEDS.map((seed) => buildNet('bn', DEFAULT_CONFIG, seed));
      const trainer = SeedsTrainer.create(models, 'adam', 0.001);
      if (!trainer) throw new Error('the net did not stack');
      const { each, all } = batches(0);
      trainer.step(all);
      each.forEach(disposeAll);
      disposeAll(all);
      for (const model of trainer.releaseModels()) {
        const probs = tf.tidy(() => tf.sum(model.predict(tf.zeros([4, 28, 28])) as tf.Tensor2D, 1));
        expectClose(probs.dataSync(), [1, 1, 1, 1], 'probabilities sum to 1');
        probs.dispose();
        model.dispose();
      }
    } finally {
      await tf.setBackend('cpu');
    }
  });

  it('reads per-seed running means and divergence', async () => {
    const models = SEEDS.map((seed) => buildNet('plain', DEFAULT_CONFIG, seed));
    // Seed 1's output layer poisoned before stacking: only its loss is NaN, from the first step.
    const out = models[1]?.getLayer('dense_2');
    const poisoned = tf.tidy(() => out?.getWeights().map((w) => tf.fill(w.shape, Number.NaN)) ?? []);
    out?.setWeights(poisoned);
    poisoned.forEach((w) => w.dispose());
    const trainer = SeedsTrainer.create(models, 'adam', 0.001);
    if (!trainer) throw new Error('the net did not stack');
    for (let s = 0; s < 2; s++) {
      const { each, all } = batches(s);
      trainer.step(all);
      each.forEach(disposeAll);
      disposeAll(all);
    }
    expect(await trainer.health()).toEqual([null, 1, null]);
    const running = await trainer.running();
    expect(running[0]?.loss).toBeGreaterThan(0);
    expect(running[1]?.loss).toBeNaN();
    expect(running[2]?.accuracy).toBeGreaterThanOrEqual(0);
    trainer.dispose();
  });
});
