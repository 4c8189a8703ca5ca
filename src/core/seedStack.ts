// The weights of K seeds of one net, laid out so one training step trains every seed at once: the small ones (Dense
// biases, BN's γ, β and running statistics) stacked along a leading seed axis, so every elementwise op and reduction
// is one kernel call for all seeds; the Dense kernels left as each model's own variable, one matmul per seed (see
// seedsStep.ts for why). Built from the K models' own plans (mlpPlan.ts); the models get the stacked values back
// when asked (writeBack), so they predict, save and are inspected as ordinary LayersModels. Imports TF.js only.
import * as tf from '@tensorflow/tfjs';
import type { ActivationStage, MlpPlan } from './mlpPlan';

/** Dense: each seed's own kernel [in, out]; bias [K, 1, out] (broadcasts over the batch). */
export interface StackedDense {
  kind: 'dense';
  kernels: tf.Variable[];
  bias: tf.Variable | null;
  softmax: boolean;
}

/** BatchNorm: every vector [K, 1, units]; momentum and ε are the same for every seed (one config). */
export interface StackedBatchNorm {
  kind: 'bn';
  gamma: tf.Variable | null;
  beta: tf.Variable | null;
  movingMean: tf.Variable;
  movingVariance: tf.Variable;
  momentum: number;
  epsilon: number;
}

export type StackedStage = StackedDense | StackedBatchNorm | ActivationStage;

export interface SeedStack {
  seeds: number;
  stages: StackedStage[];
  /** Every trainable stacked variable, in stage order (the order of the gradients). */
  trainable: tf.Variable[];
  /** Each stacked variable and the K model variables it stands for, seed by seed. */
  links: Array<{ stacked: tf.Variable; perSeed: tf.Variable[] }>;
}

/**
 * Stacks the plans of K models built from one config (same stages, same shapes), or null when they differ or hold a
 * per-example normalization (LayerNorm, GroupNorm, RMSNorm: its step has no seed axis yet); then the seeds train one
 * after another.
 */
export function stackPlans(plans: readonly MlpPlan[]): SeedStack | null {
  const first = plans[0];
  if (!first || plans.length < 2) return null;
  if (first.stages.some((s) => s.kind === 'norm')) return null;
  const same = plans.every(
    (p) =>
      p.stages.length === first.stages.length &&
      p.stages.every((s, i) => s.kind === first.stages[i]?.kind) &&
      p.trainable.length === first.trainable.length &&
      p.trainable.every((v, i) => v.shape.join() === first.trainable[i]?.shape.join()),
  );
  if (!same) return null;
  const links: SeedStack['links'] = [];
  const stack = (perSeed: tf.Variable[], trainable: boolean): tf.Variable => {
    const stacked = tf.tidy(() => {
      const rows = perSeed.map((v) => (v.rank === 1 ? tf.reshape(v, [1, v.size]) : v));
      return tf.variable(tf.stack(rows), trainable);
    });
    links.push({ stacked, perSeed });
    return stacked;
  };
  const all = <T>(pick: (p: MlpPlan) => T): T[] => plans.map(pick);
  const stages: StackedStage[] = first.stages.map((stage, i): StackedStage => {
    switch (stage.kind) {
      case 'activation':
        return stage;
      case 'dense': {
        const dense = all((p) => p.stages[i]).filter((s) => s?.kind === 'dense');
        const biases = dense.map((s) => s.bias).filter((b): b is tf.Variable => b !== null);
        return {
          kind: 'dense',
          kernels: dense.map((s) => s.kernel),
          bias: biases.length === plans.length ? stack(biases, true) : null,
          softmax: stage.softmax,
        };
      }
      case 'bn': {
        const bn = all((p) => p.stages[i]).filter((s) => s?.kind === 'bn');
        const optional = (pick: (s: (typeof bn)[number]) => tf.Variable | null): tf.Variable | null => {
          const vs = bn.map(pick).filter((v): v is tf.Variable => v !== null);
          return vs.length === plans.length ? stack(vs, true) : null;
        };
        return {
          kind: 'bn',
          gamma: optional((s) => s.gamma),
          beta: optional((s) => s.beta),
          movingMean: stack(
            bn.map((s) => s.movingMean),
            false,
          ),
          movingVariance: stack(
            bn.map((s) => s.movingVariance),
            false,
          ),
          momentum: stage.momentum,
          epsilon: stage.epsilon,
        };
      }
      case 'norm':
        throw new Error('A per-example normalization cannot be stacked (stackPlans returns null for it first).');
    }
  });
  const trainable: tf.Variable[] = [];
  for (const s of stages) {
    if (s.kind === 'dense') trainable.push(...s.kernels, ...[s.bias].filter((v): v is tf.Variable => v !== null));
    if (s.kind === 'bn') trainable.push(...[s.gamma, s.beta].filter((v): v is tf.Variable => v !== null));
  }
  return { seeds: plans.length, stages, trainable, links };
}

/** Copies the stacked values into the models' own variables: all seeds, or only `seed`. */
export function writeBack(stack: SeedStack, seed?: number): void {
  tf.tidy(() => {
    for (const { stacked, perSeed } of stack.links) {
      const rows = tf.unstack(stacked);
      perSeed.forEach((v, k) => {
        const row = rows[k];
        // A copy, not a reshape: tfjs-backend-wasm 4.22 keeps a tensor's first shape with its data, and its fused
        // matmul then sees a rank-3 bias in the model's rank-1 variable.
        if (row && (seed === undefined || seed === k)) v.assign(tf.clone(tf.reshape(row, v.shape)));
      });
    }
  });
}

export function disposeStack(stack: SeedStack): void {
  for (const { stacked } of stack.links) stacked.dispose();
  stack.links.length = 0;
}
