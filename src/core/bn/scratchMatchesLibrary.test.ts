// The from-scratch BN against TF.js's layer to the bit: its hand-written backward performs the operations TF.js's
// autodiff performs for the built-in layer, in the same order, so for the same input and upstream gradient the
// gradients are equal, not only close, on the CPU and WASM backends; the outputs are a rounding apart at most.
import * as tf from '@tensorflow/tfjs';
import '@tensorflow/tfjs-backend-wasm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { useCpuBackend } from '../../test-support/tfCpu';
import { patchWasmMatMul } from '../wasmMatMulFix';
import { ScratchBatchNorm } from './scratchBatchNorm';

beforeAll(useCpuBackend);
afterAll(async () => {
  await onBackend('cpu');
});

const D = 9;

/**
 * Switches backend. On WASM, TF.js's per-kernel leak check (IS_TEST) misfires under a gradient tape: a custom op's
 * saved inputs are cloned there, and WASM's Identity copies the data, so each saved tensor counts as a leaked data id
 * until the backward pass frees it. The tests check for leaks themselves (tensors and backend data ids, before/after).
 */
async function onBackend(name: 'cpu' | 'wasm'): Promise<void> {
  tf.env().set('IS_TEST', name === 'cpu');
  await tf.setBackend(name);
  await tf.ready();
  if (name === 'wasm') patchWasmMatMul();
}

/** What a leak would raise: live tensors and the backend's data buffers. */
function allocations(): [number, number] {
  return [tf.memory().numTensors, tf.engine().backend.numDataIds()];
}

interface Pass {
  y: Float32Array;
  dx: Float32Array;
  dGamma: Float32Array;
  dBeta: Float32Array;
}

/** One training-mode call of a fresh layer with random γ, β under the linear loss Σ w·y: its output and gradients. */
function pass(layer: tf.layers.Layer, m: number, seed: number): Pass {
  layer.build([null, D]);
  tf.tidy(() =>
    layer.setWeights(
      layer.weights.map((w, i) =>
        w.originalName.includes('variance') ? tf.ones([D]) : tf.randomNormal([D], 0.5, 1, 'float32', seed + i),
      ),
    ),
  );
  return tf.tidy(() => {
    const x = tf.variable(tf.randomNormal([m, D], 3, 2, 'float32', seed + 10));
    const w = tf.randomNormal([m, D], 0, 1, 'float32', seed + 11);
    const [gamma, beta] = layer.trainableWeights.map((v) => v.read() as tf.Variable);
    if (!gamma || !beta) throw new Error('the layer has no γ and β');
    let y: Float32Array = new Float32Array(0);
    const { grads } = tf.variableGrads(() => {
      const out = layer.apply(x, { training: true }) as tf.Tensor;
      y = out.dataSync() as Float32Array;
      return tf.sum(tf.mul(out, w));
    }, [x, gamma, beta]);
    const read = (v: tf.Variable): Float32Array => {
      const g = grads[v.name];
      if (!g) throw new Error(`no gradient for ${v.name}`);
      return g.dataSync() as Float32Array;
    };
    const out = { y, dx: read(x), dGamma: read(gamma), dBeta: read(beta) };
    x.dispose();
    return out;
  });
}

function freeLayer(layer: tf.layers.Layer): void {
  for (const w of layer.weights) w.dispose();
}

/** The spacing of float32 numbers at the largest magnitude in the array: one rounding at that scale. */
function floatSpacingAtMax(values: Float32Array): number {
  const largest = values.reduce((w, v) => Math.max(w, Math.abs(v)), 0);
  return 2 ** (Math.floor(Math.log2(largest)) - 23);
}

function maxAbsDiff(a: Float32Array, b: Float32Array): number {
  expect(a.length).toBe(b.length);
  return a.reduce((w, v, i) => Math.max(w, Math.abs(v - (b[i] ?? Number.NaN))), 0);
}

describe('ScratchBatchNorm against tf.layers.batchNormalization, bit for bit', () => {
  for (const backend of ['cpu', 'wasm'] as const) {
    for (const m of [32, 24]) {
      it(`gives the same gradients for x, γ and β, and outputs a rounding apart at most (${backend}, batch ${m})`, async () => {
        await onBackend(backend);
        const before = allocations();
        const lib = tf.layers.batchNormalization({ momentum: 0.99, epsilon: 1e-3 });
        const ours = new ScratchBatchNorm({ momentum: 0.99, epsilon: 1e-3 });
        const expected = pass(lib, m, 7 + m);
        const actual = pass(ours, m, 7 + m);
        freeLayer(lib);
        freeLayer(ours);
        expect(allocations()).toEqual(before);
        expect(actual.dx).toEqual(expected.dx);
        expect(actual.dGamma).toEqual(expected.dGamma);
        expect(actual.dBeta).toEqual(expected.dBeta);
        // Not bitwise: the library's kernel rounds less often than a chain of float32 operations can (on the CPU once,
        // in float64; on WASM the division and the addition of β at once, measured), so an output can be a rounding
        // apart: at most one float step at the scale of the largest output.
        expect(maxAbsDiff(actual.y, expected.y)).toBeLessThanOrEqual(floatSpacingAtMax(expected.y));
      });
    }
  }
});
