import * as tf from '@tensorflow/tfjs';
import '@tensorflow/tfjs-backend-wasm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildNet } from './models';
import { meanCrossEntropy } from './losses';
import { planMlp } from './mlpPlan';
import { forwardBackward } from './mlpStep';
import { makeOptimizer } from './optimizers';
import { makeStepOptimizer } from './stepOptimizers';
import { makeTrainingStep, type StepKind } from './trainingStep';
import { patchWasmMatMul } from './wasmMatMulFix';
import { defaultConfig, type OptimizerName, type TrainConfig } from '../shared/config';
import type { NetId } from '../shared/metrics';
import { useCpuBackend } from '../test-support/tfCpu';
import {
  BATCH,
  randomBatch,
  disposeAll,
  perturbAffine,
  weightsOf,
  expectClose,
  scoped,
  SHAPES,
} from './trainingStep.fixture';

beforeAll(useCpuBackend);
afterAll(async () => {
  await tf.setBackend('cpu');
});

describe('the hand-written gradients', () => {
  it.each(SHAPES)('equal autodiff through the model in training mode: %s', (_, changes) => {
    const spec = { ...defaultConfig(), ...changes };
    for (const net of ['bn', 'plain'] as NetId[]) {
      const model = buildNet(net, spec, 3);
      perturbAffine(model, 5);
      const plan = planMlp(model);
      if (!plan) throw new Error(`${net}: no plan`);
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
      plan.trainable.forEach((v, i) =>
        expectClose(actual[i] ?? [], expected[i] ?? [], `${net} d/d${v.name}`, 1e-6, 1e-4),
      );
      expect(lossSums[0]).toBeCloseTo(lossSums[1], 4);
      disposeAll(batch);
      model.dispose();
    }
  });
});

/** Trains two copies of a net (same seed) for a few steps, one by each kind of step, and returns both copies. */
function trainBothWays(
  net: NetId,
  spec: TrainConfig,
  steps: number,
): Record<StepKind, tf.LayersModel> & { sums: Record<StepKind, number[]> } {
  const models = { 'hand-written': buildNet(net, spec, 7), autodiff: buildNet(net, spec, 7) };
  const sums: Record<StepKind, number[]> = { 'hand-written': [], autodiff: [] };
  for (const kind of ['hand-written', 'autodiff'] as const) {
    const step = makeTrainingStep(models[kind], spec.optimizer, spec.lr, kind);
    expect(step.kind).toBe(kind);
    for (let i = 0; i < steps; i++) {
      const batch = randomBatch(100 + i);
      const [loss, correct] = scoped(() => {
        const outcome = step.run(batch);
        return [outcome.lossSum.dataSync()[0] ?? Number.NaN, outcome.correct.dataSync()[0] ?? Number.NaN] as const;
      });
      sums[kind].push(loss, correct);
      disposeAll(batch);
    }
    step.dispose();
  }
  return { ...models, sums };
}

describe('the step optimizers', () => {
  it.each(['adam', 'sgd', 'momentum', 'rmsprop'] as const)(
    "move variables as TF.js's %s does, given the same gradients",
    (name) => {
      // Two above SMALL_VARIABLE (updated one by one), three below (updated as one vector).
      const shapes = [[70, 80], [7, 5], [5], [3], [100, 50]];
      const ours = shapes.map((shape, i) => tf.variable(tf.randomNormal(shape, 0, 1, 'float32', i)));
      const theirs = ours.map((v) => tf.variable(v.clone()));
      const stepOptimizer = makeStepOptimizer(name, 0.01);
      const reference = makeOptimizer(name, 0.01);
      for (let step = 0; step < 5; step++) {
        tf.tidy(() => {
          // Gradients of every size, from ~1e-6 (where ε matters) to ~100.
          const grads = shapes.map((shape, i) =>
            tf.mul(tf.randomNormal(shape, 0, 1, 'float32', 100 * step + i), 10 ** (i * 2 - 6)),
          );
          stepOptimizer.apply(ours, grads);
          reference.applyGradients(theirs.map((v, i) => ({ name: v.name, tensor: grads[i] ?? tf.zerosLike(v) })));
        });
      }
      ours.forEach((v, i) =>
        expectClose(v.dataSync(), theirs[i]?.dataSync() ?? [], `${name} variable ${i}`, 1e-6, 1e-5),
      );
      const before = tf.memory().numTensors;
      tf.tidy(() =>
        stepOptimizer.apply(
          ours,
          ours.map((v) => tf.onesLike(v)),
        ),
      );
      expect(tf.memory().numTensors).toBe(before);
      stepOptimizer.dispose();
      reference.dispose();
      [...ours, ...theirs].forEach((v) => v.dispose());
    },
  );
});

describe('a step by hand-written gradients', () => {
  // Multi-step trajectories are compared where they are well conditioned. Under Adam or RMSProp a BN net's true
  // gradient is ~0 for some weights (a Dense bias before BN; a ReLU unit alive in one example of the batch), both
  // ways then compute float noise, and these optimizers scale any gradient to a step of about lr, noise included.
  const cases: Array<[OptimizerName, number, NetId[]]> = [
    ['sgd', 0.1, ['bn', 'plain']],
    ['momentum', 0.05, ['bn', 'plain']],
    ['adam', 0.001, ['plain']],
    ['rmsprop', 0.001, ['plain']],
  ];
  it.each(cases)('moves every weight and BN statistic as TF.js does (%s, lr %s, nets %j)', (optimizer, lr, nets) => {
    for (const [shape, changes] of SHAPES.slice(0, 3)) {
      const spec: TrainConfig = { ...defaultConfig(), ...changes, optimizer, lr };
      for (const net of nets) {
        const trained = trainBothWays(net, spec, 4);
        expectClose(
          trained.sums['hand-written'],
          trained.sums.autodiff,
          `${optimizer} ${net} ${shape}: loss sums and correct counts`,
          1e-4,
          1e-4,
        );
        const expected = weightsOf(trained.autodiff);
        for (const [name, values] of weightsOf(trained['hand-written'])) {
          expectClose(values, expected.get(name) ?? [], `${optimizer} ${net} ${shape}: ${name}`);
        }
        trained['hand-written'].dispose();
        trained.autodiff.dispose();
      }
    }
  });

  it('leaves no tensor behind after its optimizer state exists', () => {
    const model = buildNet('bn', defaultConfig(), 1);
    const step = makeTrainingStep(model, 'adam', 0.001);
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
  });

  it('gives the same numbers on WASM as on the CPU backend', async () => {
    const spec = defaultConfig();
    const run = (): Float32Array => {
      const model = buildNet('bn', spec, 4);
      // SGD: a plain function of the gradients, so the two backends' float rounding stays small (see above).
      const step = makeTrainingStep(model, 'sgd', 0.1);
      expect(step.kind).toBe('hand-written');
      for (let i = 0; i < 3; i++) {
        const batch = randomBatch(40 + i);
        tf.tidy(() => {
          step.run(batch);
        });
        disposeAll(batch);
      }
      step.dispose();
      const out = model.getLayer('dense_0').getWeights()[0]?.dataSync() as Float32Array;
      model.dispose();
      return out;
    };
    const onCpu = run();
    await tf.setBackend('wasm');
    patchWasmMatMul();
    try {
      expectClose(run(), onCpu, 'dense_0 kernel on wasm');
    } finally {
      await tf.setBackend('cpu');
    }
  });
});
