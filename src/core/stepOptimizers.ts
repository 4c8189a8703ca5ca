// The four optimizers of the settings, applied to gradients the hand-written step computed: the same update rules as
// TF.js's own (so a net trains to the same numbers either way), with the per-step scalars folded in JavaScript and
// the constants uploaded once instead of on every call. Imports TF.js only.
import * as tf from '@tensorflow/tfjs';
import type { OptimizerName } from '../shared/config';
import { ADAM_BETA1, ADAM_BETA2, KERAS_EPSILON, RMSPROP_RHO, SGD_MOMENTUM } from './optimizers';

export interface StepOptimizer {
  /** Moves each variable by its gradient (call inside tf.tidy). */
  apply(variables: readonly tf.Variable[], grads: readonly tf.Tensor[]): void;
  dispose(): void;
}

/** A scalar kept across steps (a JS number given to an op would be uploaded on every call). */
function constant(value: number): tf.Scalar {
  return tf.keep(tf.scalar(value));
}

/** Per-variable state, created on first use like TF.js's optimizers (zeros of the variable's shape). */
class Slots {
  private readonly slots = new Map<tf.Variable, tf.Variable[]>();

  constructor(private readonly perVariable: number) {}

  of(v: tf.Variable): tf.Variable[] {
    let s = this.slots.get(v);
    if (!s) {
      s = Array.from({ length: this.perVariable }, () => tf.tidy(() => tf.variable(tf.zerosLike(v), false)));
      this.slots.set(v, s);
    }
    return s;
  }

  dispose(): void {
    for (const s of this.slots.values()) for (const v of s) v.dispose();
    this.slots.clear();
  }
}

function forEachPair(variables: readonly tf.Variable[], grads: readonly tf.Tensor[], f: (v: tf.Variable, g: tf.Tensor) => void): void {
  if (variables.length !== grads.length) throw new Error(`${variables.length} variables but ${grads.length} gradients`);
  variables.forEach((v, i) => {
    const g = grads[i];
    if (g) f(v, g);
  });
}

/** w −= lr·g. */
class Sgd implements StepOptimizer {
  private readonly lr: tf.Scalar;
  constructor(lr: number) {
    this.lr = constant(lr);
  }
  apply(variables: readonly tf.Variable[], grads: readonly tf.Tensor[]): void {
    forEachPair(variables, grads, (v, g) => v.assign(tf.sub(v, tf.mul(g, this.lr))));
  }
  dispose(): void {
    this.lr.dispose();
  }
}

/** TF.js's heavy ball: a = μa + g; w −= lr·a. */
class Momentum implements StepOptimizer {
  private readonly slots = new Slots(1);
  private readonly lr: tf.Scalar;
  private readonly mu = constant(SGD_MOMENTUM);
  constructor(lr: number) {
    this.lr = constant(lr);
  }
  apply(variables: readonly tf.Variable[], grads: readonly tf.Tensor[]): void {
    forEachPair(variables, grads, (v, g) => {
      const [acc] = this.slots.of(v);
      if (!acc) return;
      const next = tf.add(tf.mul(acc, this.mu), g);
      acc.assign(next);
      v.assign(tf.sub(v, tf.mul(next, this.lr)));
    });
  }
  dispose(): void {
    this.slots.dispose();
    this.lr.dispose();
    this.mu.dispose();
  }
}

/** TF.js's RMSProp without momentum or centring: s = ρs + (1−ρ)g²; w −= lr·g/√(s+ε). */
class RmsProp implements StepOptimizer {
  private readonly slots = new Slots(1);
  private readonly lr: tf.Scalar;
  private readonly rho = constant(RMSPROP_RHO);
  private readonly oneMinusRho = constant(1 - RMSPROP_RHO);
  private readonly epsilon = constant(KERAS_EPSILON);
  constructor(lr: number) {
    this.lr = constant(lr);
  }
  apply(variables: readonly tf.Variable[], grads: readonly tf.Tensor[]): void {
    forEachPair(variables, grads, (v, g) => {
      const [meanSquare] = this.slots.of(v);
      if (!meanSquare) return;
      const next = tf.add(tf.mul(meanSquare, this.rho), tf.mul(tf.square(g), this.oneMinusRho));
      meanSquare.assign(next);
      v.assign(tf.sub(v, tf.div(tf.mul(g, this.lr), tf.sqrt(tf.add(next, this.epsilon)))));
    });
  }
  dispose(): void {
    this.slots.dispose();
    for (const s of [this.lr, this.rho, this.oneMinusRho, this.epsilon]) s.dispose();
  }
}

/**
 * TF.js's Adam: m = β1·m + (1−β1)·g; v = β2·v + (1−β2)·g²; w −= lr·m̂/(√v̂ + ε) with m̂ = m/(1−β1ᵗ), v̂ = v/(1−β2ᵗ).
 * The bias corrections fold into two per-step scalars: lr·m̂/(√v̂ + ε) = a·m/(√v + ε′) with a = lr·√(1−β2ᵗ)/(1−β1ᵗ)
 * and ε′ = ε·√(1−β2ᵗ).
 */
class Adam implements StepOptimizer {
  private readonly slots = new Slots(2);
  private readonly beta1 = constant(ADAM_BETA1);
  private readonly oneMinusBeta1 = constant(1 - ADAM_BETA1);
  private readonly beta2 = constant(ADAM_BETA2);
  private readonly oneMinusBeta2 = constant(1 - ADAM_BETA2);
  private accBeta1 = 1;
  private accBeta2 = 1;
  constructor(private readonly lr: number) {}
  apply(variables: readonly tf.Variable[], grads: readonly tf.Tensor[]): void {
    this.accBeta1 *= ADAM_BETA1;
    this.accBeta2 *= ADAM_BETA2;
    const root = Math.sqrt(1 - this.accBeta2);
    const stepSize = tf.scalar((this.lr * root) / (1 - this.accBeta1));
    const epsilon = tf.scalar(KERAS_EPSILON * root);
    forEachPair(variables, grads, (w, g) => {
      const [m, v] = this.slots.of(w);
      if (!m || !v) return;
      const nextM = tf.add(tf.mul(m, this.beta1), tf.mul(g, this.oneMinusBeta1));
      const nextV = tf.add(tf.mul(v, this.beta2), tf.mul(tf.square(g), this.oneMinusBeta2));
      m.assign(nextM);
      v.assign(nextV);
      w.assign(tf.sub(w, tf.div(tf.mul(nextM, stepSize), tf.add(tf.sqrt(nextV), epsilon))));
    });
  }
  dispose(): void {
    this.slots.dispose();
    for (const s of [this.beta1, this.oneMinusBeta1, this.beta2, this.oneMinusBeta2]) s.dispose();
  }
}

/** A fresh optimizer for the hand-written step, with the same rule and defaults as makeOptimizer's. */
export function makeStepOptimizer(name: OptimizerName, learningRate: number): StepOptimizer {
  switch (name) {
    case 'adam':
      return new Adam(learningRate);
    case 'sgd':
      return new Sgd(learningRate);
    case 'momentum':
      return new Momentum(learningRate);
    case 'rmsprop':
      return new RmsProp(learningRate);
  }
}
