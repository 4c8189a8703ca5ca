import * as tf from '@tensorflow/tfjs';
import '@tensorflow/tfjs-backend-wasm';
import { afterAll, describe, expect, it } from 'vitest';
import { patchWasmMatMul } from './wasmMatMulFix';

afterAll(async () => {
  await tf.setBackend('cpu');
});

/** Every transpose combination, batched and fused (with bias and activation), from fixed seeds. */
function products(): number[][] {
  return tf.tidy(() => {
    const a = tf.randomUniform([3, 5, 4], -1, 1, 'float32', 1);
    const b = tf.randomUniform([3, 5, 6], -1, 1, 'float32', 2);
    const a2 = tf.reshape(a, [15, 4]);
    const bias = tf.randomUniform([6], -1, 1, 'float32', 3);
    return [
      tf.matMul(a, b, true, false),
      tf.matMul(tf.transpose(a, [0, 2, 1]), tf.transpose(b, [0, 2, 1]), false, true),
      tf.matMul(tf.transpose(a, [0, 2, 1]), b, false, false),
      tf.fused.matMul({
        a: a2,
        b: tf.reshape(b, [6, 15]),
        transposeA: true,
        transposeB: true,
        bias,
        activation: 'relu',
      }),
      tf.fused.matMul({ a: a2, b: tf.reshape(b, [15, 6]), transposeA: true, bias }),
      tf.fused.matMul({ a: tf.transpose(a2), b: tf.reshape(b, [6, 15]), transposeB: true, bias }),
    ].map((t) => Array.from(t.dataSync()));
  });
}

describe('the WASM matmul patch', () => {
  it('matches the CPU backend for every transpose combination, fused or not, and leaks nothing', async () => {
    await tf.setBackend('cpu');
    const expected = products();
    await tf.setBackend('wasm');
    await tf.ready();
    patchWasmMatMul();
    patchWasmMatMul(); // idempotent
    const tensors = tf.memory().numTensors;
    const actual = products();
    expect(tf.memory().numTensors).toBe(tensors);
    // Unpatched, tfjs-backend-wasm 4.22 gets the fifth (transposeA with a bias) wrong from its second row on.
    actual.forEach((p, i) =>
      p.forEach((v, j) => expect(v, `product ${i}, element ${j}`).toBeCloseTo(expected[i]?.[j] ?? NaN, 5)),
    );
  });
});
