import * as tf from '@tensorflow/tfjs';
import '@tensorflow/tfjs-backend-wasm';
import { beforeAll, describe, expect, it } from 'vitest';
import { correctCount, meanCrossEntropy, perExampleCrossEntropy } from './losses';
import { useCpuBackend } from '../test-support/tfCpu';

beforeAll(useCpuBackend);

describe('losses', () => {
  it('compute −log p[label] with Keras clipping, and count correct predictions', () => {
    const probs = [
      [0.7, 0.2, 0.1, 0, 0, 0, 0, 0, 0, 0],
      [0.1, 0.1, 0.8, 0, 0, 0, 0, 0, 0, 0],
      [1, 0, 0, 0, 0, 0, 0, 0, 0, 0],
    ];
    const labels = [0, 1, 3];
    const p = tf.tensor2d(probs);
    const y = tf.tensor1d(labels, 'int32');
    const perExample = Array.from(perExampleCrossEntropy(y, p).dataSync());
    const expected = [-Math.log(0.7), -Math.log(0.1), -Math.log(1e-7)];
    perExample.forEach((v, i) => expect(v).toBeCloseTo(expected[i] ?? NaN, 4));
    expect(meanCrossEntropy(y, p).dataSync()[0]).toBeCloseTo(expected.reduce((a, b) => a + b, 0) / 3, 4);
    expect(correctCount(y, p).dataSync()[0]).toBe(1);
    tf.disposeVariables();
  });

  it.each(['cpu', 'wasm'])(
    'give a NaN loss for NaN or infinite outputs on %s, so divergence is seen',
    async (backend) => {
      await tf.setBackend(backend);
      try {
        const p = tf.tensor2d([
          [Number.NaN, 0, 0, 0, 0, 0, 0, 0, 0, 0],
          [0, Number.POSITIVE_INFINITY, 0, 0, 0, 0, 0, 0, 0, 0],
          [0.5, 0.5, 0, 0, 0, 0, 0, 0, 0, 0],
        ]);
        const y = tf.tensor1d([0, 1, 0], 'int32');
        const loss = Array.from(perExampleCrossEntropy(y, p).dataSync());
        expect(loss.slice(0, 2).every(Number.isNaN)).toBe(true);
        expect(loss[2]).toBeCloseTo(Math.log(2), 5);
        tf.dispose([p, y]);
      } finally {
        await tf.setBackend('cpu');
      }
    },
  );
});
