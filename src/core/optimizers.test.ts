import * as tf from '@tensorflow/tfjs';
import { beforeAll, describe, expect, it } from 'vitest';
import { kerasAdam, makeOptimizer } from './optimizers';
import type { OptimizerName } from '../shared/config';
import { useCpuBackend } from '../test-support/tfCpu';

beforeAll(useCpuBackend);

/** Runs `steps` steps on f(w) = (w − 3)² from w = 0; returns the final w. Frees the variable, not the optimizer. */
function minimizeQuadratic(optimizer: tf.Optimizer, steps: number): number {
  // Made in a tidy so the initial scalar does not outlive the variable.
  const w = tf.tidy(() => tf.variable(tf.scalar(0)));
  try {
    for (let i = 0; i < steps; i++) {
      optimizer.minimize(() => tf.square(tf.sub<tf.Scalar>(w, 3)));
    }
    return w.dataSync()[0] ?? Number.NaN;
  } finally {
    w.dispose();
  }
}

// Learning rates that suit each rule on this problem: SGD-like rules scale the gradient 2(w−3) (momentum roughly
// multiplies lr by 1/(1 − 0.9)); Adam and RMSProp take steps of about lr whatever the gradient.
const CASES: Array<{ name: OptimizerName; lr: number; className: string; config: Record<string, unknown> }> = [
  { name: 'adam', lr: 0.1, className: 'Adam', config: { learningRate: 0.1, beta1: 0.9, beta2: 0.999, epsilon: 1e-7 } },
  { name: 'sgd', lr: 0.1, className: 'SGD', config: { learningRate: 0.1 } },
  {
    name: 'momentum',
    lr: 0.05,
    className: 'Momentum',
    config: { learningRate: 0.05, momentum: 0.9, useNesterov: false },
  },
  {
    name: 'rmsprop',
    lr: 0.1,
    className: 'RMSProp',
    config: { learningRate: 0.1, decay: 0.9, momentum: 0, epsilon: 1e-7, centered: false },
  },
];

describe('makeOptimizer', () => {
  it.each(CASES)('$name has Keras’s settings and minimizes (w − 3)²', ({ name, lr, className, config }) => {
    const before = tf.memory().numTensors;
    const optimizer = makeOptimizer(name, lr);
    expect(optimizer.getClassName()).toBe(className);
    expect(optimizer.getConfig()).toEqual(config);
    const w = minimizeQuadratic(optimizer, 100);
    expect(Math.abs(w - 3)).toBeLessThan(0.05);
    optimizer.dispose();
    expect(tf.memory().numTensors).toBe(before);
  });

  it('gives each call its own state', () => {
    const a = makeOptimizer('momentum', 0.05);
    const b = makeOptimizer('momentum', 0.05);
    expect(a).not.toBe(b);
    a.dispose();
    b.dispose();
  });

  it('kerasAdam is the Adam choice', () => {
    const adam = kerasAdam(0.001);
    expect(adam.getConfig()).toEqual(makeOptimizerConfig('adam', 0.001));
    adam.dispose();
  });
});

function makeOptimizerConfig(name: OptimizerName, lr: number): unknown {
  const optimizer = makeOptimizer(name, lr);
  try {
    return optimizer.getConfig();
  } finally {
    optimizer.dispose();
  }
}
