// LayerNorm, GroupNorm and RMSNorm in the hand-written training step: their gradients equal TF.js's autodiff through
// the layers, a few steps move every weight as the autodiff step does, and nothing leaks.
import * as tf from '@tensorflow/tfjs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildNet } from '../models';
import { meanCrossEntropy } from '../losses';
import { planMlp } from '../mlpPlan';
import { forwardBackward } from '../mlpStep';
import { makeTrainingStep, type StepKind } from '../trainingStep';
import { defaultConfig, type OptimizerName, type TrainConfig } from '../../shared/config';
import type { NetId } from '../../shared/metrics';
import { useCpuBackend } from '../../test-support/tfCpu';
import {
  BATCH,
  disposeAll,
  expectClose,
  groupsFor,
  perturbAffine,
  randomBatch,
  scoped,
  SHAPES,
  weightsOf,
} from '../trainingStep.fixture';
import { featureNormalize, featureNormalizeGrad } from './featureNorm';

beforeAll(useCpuBackend);
afterAll(async () => {
  await tf.setBackend('cpu');
});

const NETS: NetId[] = ['ln', 'gn', 'rms'];

function specFor(changes: Partial<TrainConfig>): TrainConfig {
  const spec = { ...defaultConfig(), ...changes };
  return { ...spec, groups: groupsFor(spec.layers) };
}

describe('the per-example normalizations written out', () => {
  it.each([
    ['LayerNorm', { groups: 1, center: true }],
    ['GroupNorm (4 groups)', { groups: 4, center: true }],
    ['RMSNorm', { groups: 1, center: false }],
  ] as const)('%s: the hand-written dx equals autodiff of the forward pass', (_, shape) => {
    const full = { ...shape, epsilon: 1e-3 };
    const before = tf.memory().numTensors;
    const [ours, reference] = scoped(() => {
      const x = tf.randomNormal([6, 12], 0.5, 2, 'float32', 3) as tf.Tensor2D;
      const dy = tf.randomNormal([6, 12], 0, 1, 'float32', 4) as tf.Tensor2D;
      const byTape = tf.grad((input: tf.Tensor) =>
        tf.sum(tf.mul(featureNormalize(input as tf.Tensor2D, full).xHat, dy)),
      );
      return [featureNormalizeGrad(dy, featureNormalize(x, full), full).dataSync(), byTape(x).dataSync()];
    });
    expect(tf.memory().numTensors).toBe(before);
    expectClose(ours, reference, 'dx', 1e-6, 1e-4);
  });

  it('normalizes each example on its own: the statistics are over units, not over the batch', () => {
    const [xHat, one] = scoped(() => {
      const x = tf.randomNormal([5, 16], 3, 4, 'float32', 9) as tf.Tensor2D;
      const shape = { groups: 4, center: true, epsilon: 1e-5 };
      // An example normalized alone gives the same numbers as in a batch of five: no batch statistics.
      const alone = featureNormalize(tf.slice(x, [2, 0], [1, 16]), shape).xHat;
      return [featureNormalize(x, shape).xHat.arraySync(), alone.arraySync()];
    });
    expectClose(xHat[2] ?? [], one[0] ?? [], 'example 2 alone vs in the batch');
    for (const row of xHat) {
      for (let g = 0; g < 4; g++) {
        const group = row.slice(g * 4, g * 4 + 4);
        const mean = group.reduce((a, b) => a + b, 0) / 4;
        const variance = group.reduce((a, b) => a + (b - mean) ** 2, 0) / 4;
        expect(mean).toBeCloseTo(0, 5);
        expect(variance).toBeCloseTo(1, 3);
      }
    }
  });
});

describe('the hand-written gradients of LN, GN and RMS nets', () => {
  it.each(SHAPES)('equal autodiff through the model in training mode: %s', (_, changes) => {
    const spec = specFor(changes);
    for (const net of NETS) {
      const model = buildNet(net, spec, 3);
      perturbAffine(model, 5);
      const plan = planMlp(model);
      if (!plan) throw new Error(`${net}: no plan`);
      expect(plan.stages.some((s) => s.kind === 'norm')).toBe(true);
      const batch = randomBatch(11);
      const before = tf.memory().numTensors;
      const [expected, actual, lossSums] = scoped(() => {
        const reference = tf.variableGrads(
          () => meanCrossEntropy(batch.y, model.apply(batch.x, { training: true }) as tf.Tensor2D),
          plan.trainable,
        );
        const ours = forwardBackward(plan, tf.reshape(batch.x, [BATCH, 28 * 28]) as tf.Tensor2D, batch.y);
        return [
          plan.trainable.map((v) => reference.grads[v.name]?.dataSync() ?? new Float32Array()),
          ours.grads.map((g) => g.dataSync()),
          [ours.lossSum.dataSync()[0] ?? Number.NaN, (reference.value.dataSync()[0] ?? Number.NaN) * BATCH],
        ] as const;
      });
      expect(tf.memory().numTensors).toBe(before);
      expect(plan.trainable.length).toBe(model.trainableWeights.length);
      plan.trainable.forEach((v, i) =>
        expectClose(actual[i] ?? [], expected[i] ?? [], `${net} d/d${v.name}`, 1e-6, 1e-4),
      );
      expect(lossSums[0]).toBeCloseTo(lossSums[1], 4);
      disposeAll(batch);
      model.dispose();
    }
  });
});

/** Trains two copies of a net (same seed) a few steps, one by each kind of step. */
function trainBothWays(net: NetId, spec: TrainConfig, steps: number): Record<StepKind, tf.LayersModel> {
  const models = { 'hand-written': buildNet(net, spec, 7), autodiff: buildNet(net, spec, 7) };
  for (const kind of ['hand-written', 'autodiff'] as const) {
    const step = makeTrainingStep(models[kind], spec.optimizer, spec.lr, kind);
    expect(step.kind).toBe(kind);
    for (let i = 0; i < steps; i++) {
      const batch = randomBatch(100 + i);
      tf.tidy(() => {
        step.run(batch);
      });
      disposeAll(batch);
    }
    step.dispose();
  }
  return models;
}

describe('a step of an LN, GN or RMS net by hand-written gradients', () => {
  it.each([
    ['sgd', 0.1],
    ['momentum', 0.05],
  ] as Array<[OptimizerName, number]>)('moves every weight as TF.js does (%s, lr %s)', (optimizer, lr) => {
    for (const [shape, changes] of SHAPES.slice(0, 3)) {
      const spec = { ...specFor(changes), optimizer, lr };
      for (const net of NETS) {
        const trained = trainBothWays(net, spec, 4);
        const expected = weightsOf(trained.autodiff);
        for (const [name, values] of weightsOf(trained['hand-written'])) {
          expectClose(values, expected.get(name) ?? [], `${optimizer} ${net} ${shape}: ${name}`);
        }
        trained['hand-written'].dispose();
        trained.autodiff.dispose();
      }
    }
  });

  it('leaves no tensor behind once its optimizer state exists', () => {
    for (const net of NETS) {
      const model = buildNet(net, defaultConfig(), 1);
      const step = makeTrainingStep(model, 'adam', 0.001);
      expect(step.kind).toBe('hand-written');
      const batch = randomBatch(3);
      const run = (): void => {
        tf.tidy(() => {
          step.run(batch);
        });
      };
      run();
      const before = tf.memory().numTensors;
      for (let i = 0; i < 3; i++) run();
      expect(tf.memory().numTensors).toBe(before);
      step.dispose();
      model.dispose();
      disposeAll(batch);
    }
  });
});
