// planMlp: which models the hand-written step can train, and the order of the variables it returns.
import * as tf from '@tensorflow/tfjs';
import '@tensorflow/tfjs-backend-wasm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildNet } from './models';
import { planMlp } from './mlpPlan';
import { makeTrainingStep } from './trainingStep';
import { defaultConfig } from '../shared/config';
import { useCpuBackend } from '../test-support/tfCpu';

beforeAll(useCpuBackend);
afterAll(async () => {
  await tf.setBackend('cpu');
});

describe('planMlp', () => {
  it('falls back (null) for a model it was not written for', () => {
    const input = tf.input({ shape: [28, 28] });
    const flat = tf.layers.flatten().apply(input) as tf.SymbolicTensor;
    const dropped = tf.layers.dropout({ rate: 0.5 }).apply(flat) as tf.SymbolicTensor;
    const functional = tf.model({
      inputs: input,
      outputs: tf.layers.dense({ units: 10, activation: 'softmax' }).apply(dropped) as tf.SymbolicTensor,
    });
    expect(planMlp(functional)).toBeNull();
    const step = makeTrainingStep(functional, 'adam', 0.001);
    expect(step.kind).toBe('autodiff');
    step.dispose();
    functional.dispose();

    const frozen = buildNet('plain', defaultConfig(), 1);
    frozen.getLayer('dense_0').trainable = false;
    expect(planMlp(frozen)).toBeNull();
    frozen.dispose();
  });

  it('lists the trainable variables of our nets in layer order', () => {
    const model = buildNet('bn', { ...defaultConfig(), bnScale: false }, 1);
    const plan = planMlp(model);
    expect(plan?.trainable.map((v) => v.name.replace(/_\d+$/, ''))).toEqual(
      model.trainableWeights.map((w) => (w.read() as tf.Variable).name.replace(/_\d+$/, '')),
    );
    expect(plan?.stages.map((s) => s.kind)).toEqual([
      'dense',
      'bn',
      'activation',
      'dense',
      'bn',
      'activation',
      'dense',
    ]);
    model.dispose();
  });
});
