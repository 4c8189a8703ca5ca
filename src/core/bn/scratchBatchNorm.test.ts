import { beforeAll, describe, expect, it } from 'vitest';
import * as tf from '@tensorflow/tfjs';
import { useCpuBackend } from '../../test-support/tfCpu';
import { ScratchBatchNorm, SCRATCH_BN_CLASS } from './scratchBatchNorm';

beforeAll(async () => {
  await useCpuBackend();
});

const M = 24;
const D = 7;
const TOL = 1e-5;

type Flags = { scale: boolean; center: boolean };

/** The library layer and ours, built for [m, d], given the same random γ, β and running statistics. */
function twins(flags: Flags, seed: number): { lib: tf.layers.Layer; ours: ScratchBatchNorm } {
  const args = { momentum: 0.9, epsilon: 1e-3, ...flags };
  const lib = tf.layers.batchNormalization(args);
  const ours = new ScratchBatchNorm(args);
  lib.build([null, D]);
  ours.build([null, D]);
  const values = tf.tidy(() =>
    lib.weights.map((w, i) => {
      const name = w.originalName;
      // Variances must stay positive.
      return name.includes('variance')
        ? tf.randomUniform([D], 0.5, 2, 'float32', seed + i)
        : tf.randomNormal([D], 0, 1, 'float32', seed + i);
    }),
  );
  lib.setWeights(values);
  ours.setWeights(values);
  tf.dispose(values);
  return { lib, ours };
}

function weightsOf(layer: tf.layers.Layer): Record<string, number[]> {
  const out: Record<string, number[]> = {};
  for (const w of layer.weights)
    out[w.originalName.split('/').pop() ?? w.originalName] = Array.from(w.read().dataSync());
  return out;
}

function expectClose(actual: ArrayLike<number>, expected: ArrayLike<number>, what: string): void {
  expect(actual.length, what).toBe(expected.length);
  for (let i = 0; i < expected.length; i++)
    expect(Math.abs((actual[i] ?? NaN) - (expected[i] ?? NaN)), `${what}[${i}]`).toBeLessThan(TOL);
}

/** Output, input gradient and γ/β gradients of a training-mode call under a random linear loss Σ w·y. */
function trainingPass(
  layer: tf.layers.Layer,
  x: tf.Tensor2D,
  w: tf.Tensor2D,
): { y: number[]; dx: number[]; grads: Record<string, number[]> } {
  return tf.tidy(() => {
    const trainable = layer.trainableWeights.map((v) => v.read() as tf.Variable);
    let y: number[] = [];
    const lossOf = (): tf.Scalar => {
      const out = layer.apply(x, { training: true }) as tf.Tensor2D;
      y = Array.from(out.dataSync());
      return tf.sum(tf.mul(out, w));
    };
    // Without γ and β there is nothing trainable (variableGrads refuses that): just the forward pass.
    const grads = trainable.length > 0 ? tf.variableGrads(lossOf, trainable).grads : (lossOf(), {});
    // The input gradient with the statistics updates undone: a second call would move them again.
    const before = layer.getWeights().map((t) => t.clone());
    const dx = tf.grad((input: tf.Tensor) => tf.sum(tf.mul(layer.apply(input, { training: true }) as tf.Tensor, w)))(x);
    layer.setWeights(before);
    const named: Record<string, number[]> = {};
    for (const v of layer.trainableWeights) {
      const g = grads[(v.read() as tf.Variable).name];
      if (g) named[v.originalName.split('/').pop() ?? ''] = Array.from(g.dataSync());
    }
    return { y, dx: Array.from(dx.dataSync()), grads: named };
  });
}

describe('ScratchBatchNorm against tf.layers.batchNormalization', () => {
  const variants: Flags[] = [
    { scale: true, center: true },
    { scale: false, center: true },
    { scale: true, center: false },
    { scale: false, center: false },
  ];
  for (const flags of variants) {
    it(`matches in training mode: output, running statistics and gradients (γ ${flags.scale ? 'on' : 'off'}, β ${flags.center ? 'on' : 'off'})`, () => {
      const { lib, ours } = twins(flags, 11);
      const libFixed = patchMissingAffine(lib, flags);
      const x = tf.randomNormal([M, D], 3, 2, 'float32', 5) as tf.Tensor2D;
      const w = tf.randomNormal([M, D], 0, 1, 'float32', 6) as tf.Tensor2D;
      const tensors = tf.memory().numTensors;
      const expected = trainingPass(libFixed, x, w);
      const actual = trainingPass(ours, x, w);
      expect(tf.memory().numTensors).toBe(tensors);
      expectClose(actual.y, expected.y, 'y');
      expectClose(actual.dx, expected.dx, 'dL/dx');
      expect(Object.keys(actual.grads).sort()).toEqual(Object.keys(expected.grads).sort());
      for (const [name, g] of Object.entries(expected.grads)) expectClose(actual.grads[name] ?? [], g, `dL/d${name}`);
      // One training call each (the gradient pass restored its own): the running statistics moved alike.
      const libW = weightsOf(lib);
      const ourW = weightsOf(ours);
      expect(Object.keys(ourW)).toEqual(Object.keys(libW));
      for (const [name, v] of Object.entries(libW)) expectClose(ourW[name] ?? [], v, name);
      tf.dispose([x, w]);
      freeLayer(lib);
      freeLayer(ours);
    });
  }

  it('matches in inference mode (running statistics) and leaves them alone', () => {
    const { lib, ours } = twins({ scale: true, center: true }, 21);
    const x = tf.randomNormal([M, D], -1, 3, 'float32', 8) as tf.Tensor2D;
    const before = weightsOf(ours);
    const tensors = tf.memory().numTensors;
    const [a, b] = tf.tidy(() => [
      Array.from((lib.apply(x, { training: false }) as tf.Tensor).dataSync()),
      Array.from((ours.apply(x, { training: false }) as tf.Tensor).dataSync()),
    ]);
    expect(tf.memory().numTensors).toBe(tensors);
    expectClose(b ?? [], a ?? [], 'inference y');
    expect(weightsOf(ours)).toEqual(before);
    x.dispose();
    freeLayer(lib);
    freeLayer(ours);
  });

  it('matches over many steps of training the same way, with the statistics starting at 0 and 1', () => {
    const lib = tf.layers.batchNormalization({ momentum: 0.99, epsilon: 1e-3 });
    const ours = new ScratchBatchNorm({ momentum: 0.99, epsilon: 1e-3 });
    lib.build([null, D]);
    ours.build([null, D]);
    for (let step = 0; step < 30; step++) {
      tf.tidy(() => {
        const x = tf.randomNormal([M, D], step / 10, 1 + step / 20, 'float32', 100 + step);
        lib.apply(x, { training: true });
        ours.apply(x, { training: true });
      });
    }
    const libW = weightsOf(lib);
    const ourW = weightsOf(ours);
    for (const [name, v] of Object.entries(libW)) expectClose(ourW[name] ?? [], v, name);
    expect(libW.moving_mean?.[0]).not.toBe(0);
    freeLayer(lib);
    freeLayer(ours);
  });
});

describe('ScratchBatchNorm backward pass', () => {
  it('agrees with a central finite-difference gradient of the input, γ and β (float64 maths in JS)', () => {
    const { ours } = twins({ scale: true, center: true }, 31);
    const m = 6;
    const d = 3;
    const small = new ScratchBatchNorm({ epsilon: 1e-3 });
    small.build([null, d]);
    small.setWeights(
      tf.tidy(() => [tf.tensor1d([1.5, -0.7, 0.9]), tf.tensor1d([0.2, -0.1, 0.4]), tf.zeros([d]), tf.ones([d])]),
    );
    const xData = Array.from({ length: m * d }, (_, i) => Math.sin(i * 1.7) * 2 + (i % d));
    const wData = Array.from({ length: m * d }, (_, i) => Math.cos(i * 0.9));
    const x = tf.tensor2d(xData, [m, d]);
    const w = tf.tensor2d(wData, [m, d]);
    const { dx, grads } = trainingPass(small, x, w);
    const gammaValues = [1.5, -0.7, 0.9];
    const betaValues = [0.2, -0.1, 0.4];
    const h = 1e-5;
    const numeric = (
      fx: (xs: number[], g: number[], b: number[]) => number,
      vary: 'x' | 'gamma' | 'beta',
      i: number,
    ): number => {
      const bump = (sign: number): number => {
        const xs = [...xData];
        const g = [...gammaValues];
        const b = [...betaValues];
        const target = vary === 'x' ? xs : vary === 'gamma' ? g : b;
        target[i] = (target[i] ?? 0) + sign * h;
        return fx(xs, g, b);
      };
      return (bump(1) - bump(-1)) / (2 * h);
    };
    const loss = (xs: number[], g: number[], b: number[]): number => referenceLoss(xs, g, b, wData, m, d, 1e-3);
    for (let i = 0; i < m * d; i++)
      expect(Math.abs((dx[i] ?? NaN) - numeric(loss, 'x', i)), `dx[${i}]`).toBeLessThan(1e-4);
    for (let j = 0; j < d; j++) {
      expect(Math.abs((grads.gamma?.[j] ?? NaN) - numeric(loss, 'gamma', j)), `dγ[${j}]`).toBeLessThan(1e-4);
      expect(Math.abs((grads.beta?.[j] ?? NaN) - numeric(loss, 'beta', j)), `dβ[${j}]`).toBeLessThan(1e-4);
    }
    tf.dispose([x, w]);
    freeLayer(small);
    freeLayer(ours);
  });
});

describe('ScratchBatchNorm in a model', () => {
  it('serializes under its own class name and is rebuilt from the topology', async () => {
    const model = tf.sequential();
    model.add(tf.layers.dense({ units: 4, inputShape: [3], name: 'd' }));
    model.add(new ScratchBatchNorm({ momentum: 0.95, epsilon: 1e-4, scale: false, name: 'bn' }));
    const json = model.toJSON(undefined, false) as unknown as {
      config: { layers: Array<{ class_name: string; config: Record<string, unknown> }> };
    };
    const saved = json.config.layers[1];
    expect(saved?.class_name).toBe(SCRATCH_BN_CLASS);
    expect(saved?.config).toMatchObject({ momentum: 0.95, epsilon: 1e-4, scale: false, center: true });
    const rebuilt = await tf.models.modelFromJSON({
      modelTopology: JSON.parse(JSON.stringify(json)) as tf.io.ModelJSON['modelTopology'],
    });
    const layer = rebuilt.layers[1];
    expect(layer).toBeInstanceOf(ScratchBatchNorm);
    expect(layer?.weights.map((w) => w.originalName)).toEqual(['bn/beta', 'bn/moving_mean', 'bn/moving_variance']);
    model.dispose();
    rebuilt.dispose();
  });
});

/** Frees a layer's weights (Layer.dispose refuses a layer never called symbolically). */
function freeLayer(layer: tf.layers.Layer): void {
  for (const w of layer.weights) w.dispose();
}

/** Σ w·y of a batch-norm forward pass in float64, straight from the definition. */
function referenceLoss(
  xs: number[],
  gamma: number[],
  beta: number[],
  w: number[],
  m: number,
  d: number,
  eps: number,
): number {
  let total = 0;
  for (let j = 0; j < d; j++) {
    let mean = 0;
    for (let i = 0; i < m; i++) mean += xs[i * d + j] ?? 0;
    mean /= m;
    let variance = 0;
    for (let i = 0; i < m; i++) variance += ((xs[i * d + j] ?? 0) - mean) ** 2;
    variance /= m;
    for (let i = 0; i < m; i++) {
      const xHat = ((xs[i * d + j] ?? 0) - mean) / Math.sqrt(variance + eps);
      total += (w[i * d + j] ?? 0) * ((gamma[j] ?? 1) * xHat + (beta[j] ?? 0));
    }
  }
  return total;
}

/**
 * TF.js 4.22's layer crashes in training mode without γ or β (tensorflow/tfjs#2868); the app patches it to read them as
 * the constants 1 and 0 (see models.ts), and so does this reference.
 */
function patchMissingAffine(layer: tf.layers.Layer, flags: Flags): tf.layers.Layer {
  const slots = layer as unknown as { gamma?: { read(): tf.Tensor }; beta?: { read(): tf.Tensor } };
  if (!flags.scale) slots.gamma = { read: () => tf.ones([D]) };
  if (!flags.center) slots.beta = { read: () => tf.zeros([D]) };
  return layer;
}
