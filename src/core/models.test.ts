import * as tf from '@tensorflow/tfjs';
import { beforeAll, describe, expect, it } from 'vitest';
import { meanCrossEntropy } from './losses';
import { buildNet, buildTwins, countParams, GAUSS_INIT_STDDEV, layerName, type NetSpec } from './models';
import { defaultConfig, type Activation, type BnPlacement, type InitName, type TrainConfig } from '../shared/config';
import type { NetId } from '../shared/metrics';
import { useCpuBackend } from '../test-support/tfCpu';

beforeAll(useCpuBackend);

const INPUTS = 28 * 28;

function specOf(changes: Partial<NetSpec> = {}): NetSpec {
  const c: TrainConfig = { ...defaultConfig(), ...changes };
  return {
    layers: c.layers,
    activation: c.activation,
    init: c.init,
    denseBias: c.denseBias,
    bnLayers: c.bnLayers,
    bnPlace: c.bnPlace,
    bnMomentum: c.bnMomentum,
    bnEpsilon: c.bnEpsilon,
    bnScale: c.bnScale,
    bnCenter: c.bnCenter,
    bnImpl: c.bnImpl,
  };
}

function both(spec: NetSpec, seed: number): Record<NetId, tf.Sequential> {
  const { bn, plain } = buildTwins(spec, seed);
  if (!bn || !plain) throw new Error('buildTwins left out a net');
  return { bn, plain };
}

function kernelOf(model: tf.LayersModel, layer: string): Float32Array {
  const w = model.getLayer(layer).getWeights()[0];
  if (!w) throw new Error(`${layer} has no kernel`);
  return w.dataSync() as Float32Array;
}

function stats(values: Float32Array): { mean: number; std: number; maxAbs: number } {
  let sum = 0;
  let sq = 0;
  let maxAbs = 0;
  for (const v of values) {
    sum += v;
    sq += v * v;
    maxAbs = Math.max(maxAbs, Math.abs(v));
  }
  const mean = sum / values.length;
  return { mean, std: Math.sqrt(sq / values.length - mean * mean), maxAbs };
}

/** What the net should be, worked out from the spec independently of models.ts. */
function expected(net: NetId, spec: NetSpec): { classes: string[]; total: number; trainable: number } {
  const classes = ['Flatten'];
  let total = 0;
  let trainable = 0;
  let fanIn = INPUTS;
  spec.layers.forEach((width, i) => {
    const bn = net === 'bn' && (spec.bnLayers === 'all' || spec.bnLayers.includes(i + 1));
    const bnFirst = bn && spec.bnPlace === 'before';
    const dense = fanIn * width + (bnFirst && !spec.denseBias ? 0 : width);
    total += dense;
    trainable += dense;
    if (bn) {
      // Moving mean and variance, plus γ and β only when switched on (then they learn), as in Keras.
      const affine = (Number(spec.bnScale) + Number(spec.bnCenter)) * width;
      total += 2 * width + affine;
      trainable += affine;
    }
    if (!bn) classes.push('Dense', 'Activation');
    else if (bnFirst) classes.push('Dense', 'BatchNormalization', 'Activation');
    else classes.push('Dense', 'Activation', 'BatchNormalization');
    fanIn = width;
  });
  classes.push('Dense');
  total += fanIn * 10 + 10;
  trainable += fanIn * 10 + 10;
  return { classes, total, trainable };
}

const LAYER_LISTS: number[][] = [[128, 64], [100], [100, 100, 100], [8, 16, 32, 64, 128]];
const ACTIVATIONS: Activation[] = ['relu', 'sigmoid', 'tanh'];
const PLACES: BnPlacement[] = ['before', 'after'];
const GAMMA_BETA: Array<[boolean, boolean]> = [
  [true, true],
  [true, false],
  [false, true],
  [false, false],
];
const INITS: InitName[] = ['glorot', 'he', 'gauss'];

/** 'all', and for deeper nets also a proper subset: every other layer, counting back from the last ([2], [1,3], [1,3,5]). */
function bnLayerChoices(depth: number): Array<NetSpec['bnLayers']> {
  if (depth === 1) return ['all'];
  return ['all', Array.from({ length: depth }, (_, i) => i + 1).filter((n) => (depth - n) % 2 === 0)];
}

describe('buildNet for every combination of the network settings', () => {
  const groups = LAYER_LISTS.flatMap((layers) =>
    bnLayerChoices(layers.length).map((bnLayers) => ({ layers, bnLayers })),
  );
  it.each(groups)(
    'layers $layers, BN on $bnLayers: layer order, output shape, parameter counts, no leak',
    ({ layers, bnLayers }) => {
      const input = tf.randomUniform([3, 28, 28], 0, 1, 'float32', 1);
      const baseline = tf.memory().numTensors;
      for (const activation of ACTIVATIONS) {
        for (const bnPlace of PLACES) {
          for (const [bnScale, bnCenter] of GAMMA_BETA) {
            for (const denseBias of [true, false]) {
              const spec = specOf({ layers, bnLayers, activation, bnPlace, bnScale, bnCenter, denseBias });
              const nets = both(spec, 11);
              for (const id of ['bn', 'plain'] as const) {
                const model = nets[id];
                const want = expected(id, spec);
                const label = `${id} ${JSON.stringify({ activation, bnPlace, bnScale, bnCenter, denseBias })}`;
                expect(
                  model.layers.map((l) => l.getClassName()),
                  label,
                ).toEqual(want.classes);
                expect(countParams(model), label).toEqual({ total: want.total, trainable: want.trainable });
                // Training mode is the path TF.js's BN breaks without γ or β; inference mode uses the running stats.
                for (const training of [true, false]) {
                  const shape = tf.tidy(() => (model.apply(input, { training }) as tf.Tensor).shape);
                  expect(shape, label).toEqual([3, 10]);
                }
              }
              nets.bn.dispose();
              nets.plain.dispose();
              expect(tf.memory().numTensors).toBe(baseline);
            }
          }
        }
      }
      input.dispose();
    },
  );

  it('names layers so features can find them', () => {
    const spec = specOf({ layers: [32, 16], activation: 'tanh', bnPlace: 'after', bnLayers: [2] });
    const model = buildNet('bn', spec, 1);
    expect(model.layers.map((l) => l.name)).toEqual([
      'flatten',
      'dense_0',
      'tanh_0',
      'dense_1',
      'tanh_1',
      'batch_norm_1',
      'dense_2',
    ]);
    expect(layerName.batchNorm(1)).toBe('batch_norm_1');
    expect(layerName.activation(spec, 0)).toBe('tanh_0');
    const bn = model.getLayer('batch_norm_1').getConfig();
    expect([bn['momentum'], bn['epsilon']]).toEqual([spec.bnMomentum, spec.bnEpsilon]);
    expect(model.getLayer('tanh_1').getConfig()['activation']).toBe('tanh');
    expect(model.getLayer('dense_2').getConfig()['activation']).toBe('softmax');
    model.dispose();
  });

  it('keeps the bias of a Dense layer that feeds an activation, even with denseBias off', () => {
    const spec = specOf({ layers: [16, 16], bnLayers: [1], denseBias: false });
    const model = buildNet('bn', spec, 1);
    expect(model.getLayer('dense_0').getWeights().length).toBe(1);
    expect(model.getLayer('dense_1').getWeights().length).toBe(2);
    model.dispose();
    const after = buildNet('bn', specOf({ layers: [16], bnPlace: 'after', denseBias: false }), 1);
    expect(after.getLayer('dense_0').getWeights().length).toBe(2);
    after.dispose();
  });
});

describe('the blog network and its twin', () => {
  it('has the parameter counts Keras reports', () => {
    const { bn, plain } = both(specOf(), 1);
    expect(countParams(bn)).toEqual({ total: 110_154, trainable: 109_770 });
    expect(countParams(plain)).toEqual({ total: 109_386, trainable: 109_386 });
    bn.dispose();
    plain.dispose();
  });

  it('has the blog layer order: Flatten → Dense(128) → BN → ReLU → Dense(64) → BN → ReLU → Dense(10, softmax)', () => {
    const bn = buildNet('bn', specOf(), 3);
    expect(bn.layers.map((l) => l.getClassName())).toEqual([
      'Flatten',
      'Dense',
      'BatchNormalization',
      'Activation',
      'Dense',
      'BatchNormalization',
      'Activation',
      'Dense',
    ]);
    const bnLayer = bn.layers[2]?.getConfig();
    expect(bnLayer?.['momentum']).toBe(0.99);
    expect(bnLayer?.['epsilon']).toBe(0.001);
    bn.dispose();
  });

  it('builds only the nets asked for', () => {
    const only = buildTwins(specOf(), 1, ['plain']);
    expect(Object.keys(only)).toEqual(['plain']);
    expect(only.plain?.name).toBe('no_bn');
    only.plain?.dispose();
  });
});

describe('initial weights', () => {
  it.each(INITS)(
    '%s: both nets start from the same Dense kernels, even when the BN net drops its Dense biases',
    (init) => {
      const spec = specOf({ layers: [64, 32, 16], init, denseBias: false });
      const { bn, plain } = both(spec, 7);
      for (let i = 0; i <= spec.layers.length; i++) {
        expect(Array.from(kernelOf(bn, layerName.dense(i)))).toEqual(Array.from(kernelOf(plain, layerName.dense(i))));
      }
      // The seed decides them, and layers of one net are not copies of each other.
      const other = buildNet('plain', spec, 8);
      expect(Array.from(kernelOf(other, 'dense_0'))).not.toEqual(Array.from(kernelOf(plain, 'dense_0')));
      expect(Array.from(kernelOf(plain, 'dense_2').slice(0, 16))).not.toEqual(
        Array.from(kernelOf(plain, 'dense_1').slice(0, 16)),
      );
      // Biases start at zero.
      const bias = plain.getLayer('dense_0').getWeights()[1];
      expect(bias?.dataSync().every((v) => v === 0)).toBe(true);
      [bn, plain, other].forEach((m) => m.dispose());
    },
  );

  // 784 × 128 = 100,352 draws: sample statistics are within a fraction of a percent of the distribution's.
  const spec = (init: InitName): NetSpec => specOf({ init });

  it('glorot: uniform within ±sqrt(6 / (fan_in + fan_out))', () => {
    const model = buildNet('plain', spec('glorot'), 5);
    const limit = Math.sqrt(6 / (INPUTS + 128));
    const s = stats(kernelOf(model, 'dense_0'));
    expect(s.maxAbs).toBeLessThanOrEqual(limit);
    expect(s.maxAbs).toBeGreaterThan(0.99 * limit);
    expect(s.std).toBeCloseTo(limit / Math.sqrt(3), 3);
    model.dispose();
  });

  it('he: TF.js draws N(0, 2 / fan_in) truncated at 2σ (spread 0.88σ, as it omits Keras’s correction)', () => {
    const model = buildNet('plain', spec('he'), 5);
    const sigma = Math.sqrt(2 / INPUTS);
    // The standard deviation of a standard normal truncated to [−2, 2].
    const TRUNCATED_STD = 0.8796;
    const s = stats(kernelOf(model, 'dense_0'));
    expect(s.maxAbs).toBeLessThanOrEqual(2 * sigma * 1.0001);
    expect(Math.abs(s.std / (TRUNCATED_STD * sigma) - 1)).toBeLessThan(0.02);
    expect(Math.abs(s.mean)).toBeLessThan(0.01 * sigma);
    model.dispose();
  });

  it('gauss: N(0, 0.01²), the BN paper’s', () => {
    const model = buildNet('plain', spec('gauss'), 5);
    const s = stats(kernelOf(model, 'dense_0'));
    expect(Math.abs(s.std / GAUSS_INIT_STDDEV - 1)).toBeLessThan(0.1);
    expect(Math.abs(s.mean)).toBeLessThan(0.001);
    // Not truncated: a 100,000-draw sample reaches past 4σ.
    expect(s.maxAbs).toBeGreaterThan(4 * GAUSS_INIT_STDDEV);
    model.dispose();
  });
});

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
