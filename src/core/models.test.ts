import * as tf from '@tensorflow/tfjs';
import { beforeAll, describe, expect, it } from 'vitest';
import { buildNet, buildTwins, countParams, GAUSS_INIT_STDDEV, layerName, type NetSpec } from './models';
import { type InitName } from '../shared/config';
import { useCpuBackend } from '../test-support/tfCpu';
import {
  INPUTS,
  specOf,
  both,
  kernelOf,
  stats,
  expected,
  LAYER_LISTS,
  ACTIVATIONS,
  PLACES,
  GAMMA_BETA,
  INITS,
  bnLayerChoices,
} from './models.fixture';

beforeAll(useCpuBackend);

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
