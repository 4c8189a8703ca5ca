// The four optimizers of the settings, applied to gradients the hand-written step computed: the same update rules as
// TF.js's own (so a net trains to the same numbers either way), with fewer kernel calls: per-step scalars folded in
// JavaScript, constants uploaded once, and the small variables (biases, γ, β) updated together as one flat vector —
// at batch 32 on WASM a kernel call costs more than the arithmetic on a 128-vector. Imports TF.js only.
import * as tf from '@tensorflow/tfjs';
import type { OptimizerName } from '../shared/config';
import { ADAM_BETA1, ADAM_BETA2, KERAS_EPSILON, RMSPROP_RHO, SGD_MOMENTUM } from './optimizers';

export interface StepOptimizer {
  /** Moves each variable by its gradient (call inside tf.tidy). */
  apply(variables: readonly tf.Variable[], grads: readonly tf.Tensor[]): void;
  dispose(): void;
}

/** Variables up to this many elements are updated together as one vector. */
export const SMALL_VARIABLE = 4096;

/** A scalar kept across steps (a JS number given to an op would be uploaded on every call). */
function constant(value: number): tf.Scalar {
  return tf.keep(tf.scalar(value));
}

/** An update rule: the amount to subtract from a parameter vector, given its gradient and its state slots. */
interface Rule {
  readonly slots: number;
  /** Called once per step before any delta (inside the step's tidy). */
  beginStep(): void;
  delta(g: tf.Tensor, state: tf.Variable[]): tf.Tensor;
  dispose(): void;
}

const zerosVariable = (shape: number[]): tf.Variable => tf.tidy(() => tf.variable(tf.zeros(shape), false));

/** Applies a rule per large variable, and once to the concatenation of the small ones. */
class GroupedOptimizer implements StepOptimizer {
  private readonly state = new Map<tf.Variable, tf.Variable[]>();
  /** The state of the small variables' concatenation; fixed once built (a net's variables do not change). */
  private group: { members: tf.Variable[]; state: tf.Variable[] } | null = null;

  constructor(private readonly rule: Rule) {}

  apply(variables: readonly tf.Variable[], grads: readonly tf.Tensor[]): void {
    if (variables.length !== grads.length)
      throw new Error(`${variables.length} variables but ${grads.length} gradients`);
    this.rule.beginStep();
    const small: Array<{ v: tf.Variable; g: tf.Tensor }> = [];
    variables.forEach((v, i) => {
      const g = grads[i];
      if (!g) return;
      if (v.size <= SMALL_VARIABLE) small.push({ v, g });
      else v.assign(tf.sub(v, this.rule.delta(g, this.stateOf(v))));
    });
    if (small.length === 0) return;
    const members = small.map((s) => s.v);
    const group = this.groupFor(members);
    const delta = this.rule.delta(tf.concat(small.map((s) => tf.reshape(s.g, [-1]))), group.state);
    const pieces = tf.split(
      delta,
      members.map((v) => v.size),
    );
    members.forEach((v, i) => {
      const piece = pieces[i];
      if (piece) v.assign(tf.sub(v, tf.reshape(piece, v.shape)));
    });
  }

  private stateOf(v: tf.Variable): tf.Variable[] {
    let s = this.state.get(v);
    if (!s) {
      s = Array.from({ length: this.rule.slots }, () => zerosVariable(v.shape));
      this.state.set(v, s);
    }
    return s;
  }

  private groupFor(members: tf.Variable[]): { members: tf.Variable[]; state: tf.Variable[] } {
    const same =
      this.group &&
      this.group.members.length === members.length &&
      this.group.members.every((v, i) => v === members[i]);
    if (this.group && !same) throw new Error('The small variables changed between steps.');
    if (!this.group) {
      const size = members.reduce((n, v) => n + v.size, 0);
      this.group = { members, state: Array.from({ length: this.rule.slots }, () => zerosVariable([size])) };
    }
    return this.group;
  }

  dispose(): void {
    for (const s of this.state.values()) for (const v of s) v.dispose();
    this.state.clear();
    for (const v of this.group?.state ?? []) v.dispose();
    this.group = null;
    this.rule.dispose();
  }
}

/** w −= lr·g. */
class Sgd implements Rule {
  readonly slots = 0;
  private readonly lr: tf.Scalar;
  constructor(lr: number) {
    this.lr = constant(lr);
  }
  beginStep(): void {}
  delta(g: tf.Tensor): tf.Tensor {
    return tf.mul(g, this.lr);
  }
  dispose(): void {
    this.lr.dispose();
  }
}

/** TF.js's heavy ball: a = μa + g; w −= lr·a. */
class Momentum implements Rule {
  readonly slots = 1;
  private readonly lr: tf.Scalar;
  private readonly mu = constant(SGD_MOMENTUM);
  constructor(lr: number) {
    this.lr = constant(lr);
  }
  beginStep(): void {}
  delta(g: tf.Tensor, [acc]: tf.Variable[]): tf.Tensor {
    if (!acc) throw new Error('momentum state missing');
    const next = tf.add(tf.mul(acc, this.mu), g);
    acc.assign(next);
    return tf.mul(next, this.lr);
  }
  dispose(): void {
    this.lr.dispose();
    this.mu.dispose();
  }
}

/** TF.js's RMSProp without momentum or centring: s = ρs + (1−ρ)g²; w −= lr·g/√(s+ε). */
class RmsProp implements Rule {
  readonly slots = 1;
  private readonly lr: tf.Scalar;
  private readonly rho = constant(RMSPROP_RHO);
  private readonly oneMinusRho = constant(1 - RMSPROP_RHO);
  private readonly epsilon = constant(KERAS_EPSILON);
  constructor(lr: number) {
    this.lr = constant(lr);
  }
  beginStep(): void {}
  delta(g: tf.Tensor, [meanSquare]: tf.Variable[]): tf.Tensor {
    if (!meanSquare) throw new Error('RMSProp state missing');
    const next = tf.add(tf.mul(meanSquare, this.rho), tf.mul(tf.square(g), this.oneMinusRho));
    meanSquare.assign(next);
    return tf.div(tf.mul(g, this.lr), tf.sqrt(tf.add(next, this.epsilon)));
  }
  dispose(): void {
    for (const s of [this.lr, this.rho, this.oneMinusRho, this.epsilon]) s.dispose();
  }
}

/**
 * TF.js's Adam: m = β1·m + (1−β1)·g; v = β2·v + (1−β2)·g²; w −= lr·m̂/(√v̂ + ε) with m̂ = m/(1−β1ᵗ), v̂ = v/(1−β2ᵗ).
 * The bias corrections fold into two per-step scalars: lr·m̂/(√v̂ + ε) = a·m/(√v + ε′) with a = lr·√(1−β2ᵗ)/(1−β1ᵗ)
 * and ε′ = ε·√(1−β2ᵗ).
 */
class Adam implements Rule {
  readonly slots = 2;
  private readonly beta1 = constant(ADAM_BETA1);
  private readonly oneMinusBeta1 = constant(1 - ADAM_BETA1);
  private readonly beta2 = constant(ADAM_BETA2);
  private readonly oneMinusBeta2 = constant(1 - ADAM_BETA2);
  private accBeta1 = 1;
  private accBeta2 = 1;
  private stepSize: tf.Scalar | null = null;
  private epsilon: tf.Scalar | null = null;
  constructor(private readonly lr: number) {}
  beginStep(): void {
    this.accBeta1 *= ADAM_BETA1;
    this.accBeta2 *= ADAM_BETA2;
    const root = Math.sqrt(1 - this.accBeta2);
    // Made inside the step's tidy, which frees them.
    this.stepSize = tf.scalar((this.lr * root) / (1 - this.accBeta1));
    this.epsilon = tf.scalar(KERAS_EPSILON * root);
  }
  delta(g: tf.Tensor, [m, v]: tf.Variable[]): tf.Tensor {
    if (!m || !v || !this.stepSize || !this.epsilon) throw new Error('Adam state missing');
    const nextM = tf.add(tf.mul(m, this.beta1), tf.mul(g, this.oneMinusBeta1));
    const nextV = tf.add(tf.mul(v, this.beta2), tf.mul(tf.square(g), this.oneMinusBeta2));
    m.assign(nextM);
    v.assign(nextV);
    return tf.div(tf.mul(nextM, this.stepSize), tf.add(tf.sqrt(nextV), this.epsilon));
  }
  dispose(): void {
    for (const s of [this.beta1, this.oneMinusBeta1, this.beta2, this.oneMinusBeta2]) s.dispose();
  }
}

function rule(name: OptimizerName, learningRate: number): Rule {
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

/** A fresh optimizer for the hand-written step, with the same rule and defaults as makeOptimizer's. */
export function makeStepOptimizer(name: OptimizerName, learningRate: number): StepOptimizer {
  return new GroupedOptimizer(rule(name, learningRate));
}
