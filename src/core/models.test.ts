import * as tf from '@tensorflow/tfjs';
import { beforeAll, describe, expect, it } from 'vitest';
import { buildNet, buildTwins, countParams } from './models';
import { useCpuBackend } from '../test-support/tfCpu';

beforeAll(useCpuBackend);

function denseKernels(model: tf.LayersModel): Float32Array[] {
  return model.layers
    .filter((l) => l.getClassName() === 'Dense')
    .flatMap((l) => l.getWeights().map((w) => w.dataSync() as Float32Array));
}

describe('the blog network and its twin', () => {
  it('has the parameter counts Keras reports', () => {
    const { bn, plain } = buildTwins(1);
    expect(countParams(bn)).toEqual({ total: 110_154, trainable: 109_770 });
    expect(countParams(plain)).toEqual({ total: 109_386, trainable: 109_386 });
    bn.dispose();
    plain.dispose();
  });

  it('has the blog layer order: Flatten → Dense(128) → BN → ReLU → Dense(64) → BN → ReLU → Dense(10, softmax)', () => {
    const bn = buildNet(true, 3);
    expect(bn.layers.map((l) => l.getClassName())).toEqual([
      'Flatten', 'Dense', 'BatchNormalization', 'Activation', 'Dense', 'BatchNormalization', 'Activation', 'Dense',
    ]);
    const bnLayer = bn.layers[2]?.getConfig();
    expect(bnLayer?.momentum).toBe(0.99);
    expect(bnLayer?.epsilon).toBe(0.001);
    const out = tf.tidy(() => (bn.predict(tf.zeros([5, 28, 28])) as tf.Tensor).shape);
    expect(out).toEqual([5, 10]);
    bn.dispose();
  });

  it('starts both nets from the same Dense weights, and the seed decides them', () => {
    const { bn, plain } = buildTwins(7);
    const a = denseKernels(bn);
    const b = denseKernels(plain);
    expect(a.map((k) => k.length)).toEqual([784 * 128, 128, 128 * 64, 64, 64 * 10, 10]);
    a.forEach((k, i) => expect(Array.from(k)).toEqual(Array.from(b[i] ?? [])));
    // Glorot-uniform bound for the first layer: sqrt(6 / (784 + 128)); biases are zero.
    const first = a[0] ?? new Float32Array();
    expect(Math.max(...first.map(Math.abs))).toBeLessThanOrEqual(Math.sqrt(6 / 912));
    expect(a[1]?.every((v) => v === 0)).toBe(true);
    const other = buildNet(false, 8);
    expect(Array.from(denseKernels(other)[0] ?? [])).not.toEqual(Array.from(first));
    [bn, plain, other].forEach((m) => m.dispose());
  });
});
