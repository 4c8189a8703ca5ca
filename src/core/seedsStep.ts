// One training step for K seeds of a net at once, on a SeedStack: the same maths as mlpStep.ts (BN in training mode
// with each seed's own batch statistics, Keras's clipped cross-entropy, hand-written gradients), every tensor with a
// leading seed axis — x is [K, b, 784]; only the matmuls run seed by seed (seedsDense, below). The optimizer
// (stepOptimizers.ts) then works element by element on the stacked variables, which is each seed's own Adam.
// Imports TF.js only; call inside tf.tidy.
import * as tf from '@tensorflow/tfjs';
import { NUM_CLASSES } from '../data/idx';
import { PROB_EPSILON } from './losses';
import type { ActivationStage } from './mlpPlan';
import type { SeedStack, StackedBatchNorm, StackedDense } from './seedStack';
import { activate, activationGrad } from './activations';
import { batchNormInputGrad, movingAverage, normalize, scaleShift } from './bn/normalize';

export interface SeedsStepTensors {
  /** Gradients of each seed's mean loss, aligned with stack.trainable. */
  grads: tf.Tensor[];
  /** [K]: each seed's sum of per-example losses (NaN once that seed has diverged). */
  lossSum: tf.Tensor1D;
  /** [K]: how many examples each seed got right. */
  correct: tf.Tensor1D;
  /** The new running statistics of each BN stage (assign them after the step). */
  statistics: Array<{ variable: tf.Variable; value: tf.Tensor }>;
}

type Saved =
  | { kind: 'dense'; stage: StackedDense; inputs: tf.Tensor2D[] }
  | { kind: 'bn'; stage: StackedBatchNorm; xhat: tf.Tensor3D; invStd: tf.Tensor3D }
  | { kind: 'activation'; stage: ActivationStage; output: tf.Tensor3D };

/** Splits [K, m, n] into the K seeds' [m, n] (a reshape after the split is free). */
function perSeed(x: tf.Tensor3D): tf.Tensor2D[] {
  const [seeds, m, n] = x.shape;
  return tf.split(x, seeds, 0).map((xk) => tf.reshape(xk, [m, n]) as tf.Tensor2D);
}

/**
 * Each seed's input through its own kernel, stacked back: [K, b, in] × K·[in, out] → [K, b, out]. Not one batched
 * matmul on stacked kernels: tfjs-backend-wasm 4.22's BatchMatMul is ~20× slower for K > 1 than K 2-D products, and
 * taking stacked kernels apart every step copies them (WASM's slice copies its whole source); measured in Node on
 * the blog net's shapes.
 */
function seedsDense(inputs: tf.Tensor2D[], kernels: readonly tf.Variable[]): tf.Tensor3D {
  return tf.stack(
    inputs.map((xk, k) => {
      const w = kernels[k];
      if (!w) throw new Error(`No kernel for seed ${k}`);
      return tf.matMul(xk, w as tf.Tensor2D);
    }),
  ) as tf.Tensor3D;
}

/** Statistics over each seed's batch (axis 1), kept [K, 1, units] so they broadcast back. */
function forwardBatchNorm(
  stage: StackedBatchNorm,
  x: tf.Tensor3D,
  statistics: SeedsStepTensors['statistics'],
): { y: tf.Tensor3D; saved: Saved } {
  const { mean, variance } = tf.moments(x, 1, true);
  // The one-seed step's own maths (bn/normalize.ts), so one seed rounds as the one-seed step does.
  const { xHat: xhat, invStd } = normalize<tf.Tensor3D, tf.Tensor3D>(
    x,
    mean as tf.Tensor3D,
    variance as tf.Tensor3D,
    stage.epsilon,
  );
  const y = scaleShift(xhat, stage.gamma, stage.beta);
  statistics.push(
    { variable: stage.movingMean, value: movingAverage(stage.movingMean, mean, stage.momentum) },
    { variable: stage.movingVariance, value: movingAverage(stage.movingVariance, variance, stage.momentum) },
  );
  return { y, saved: { kind: 'bn', stage, xhat, invStd } };
}

function batchNormGrad(
  saved: Extract<Saved, { kind: 'bn' }>,
  dy: tf.Tensor3D,
  grads: Map<tf.Variable, tf.Tensor>,
): tf.Tensor3D {
  const { stage, xhat, invStd } = saved;
  if (stage.gamma) grads.set(stage.gamma, tf.sum(tf.mul(dy, xhat), 1, true));
  if (stage.beta) grads.set(stage.beta, tf.sum(dy, 1, true));
  return batchNormInputGrad(dy, xhat, invStd, stage.gamma, 1, true);
}

/** Forward in training mode and backward by hand, for every seed: `x` [K, b, 784], `labels` [K, b] int32. */
export function seedsForwardBackward(stack: SeedStack, x: tf.Tensor3D, labels: tf.Tensor2D): SeedsStepTensors {
  const saved: Saved[] = [];
  const statistics: SeedsStepTensors['statistics'] = [];
  let h = x;
  const stages = stack.stages;
  for (let i = 0; i < stages.length; i++) {
    const stage = stages[i];
    if (!stage) continue;
    switch (stage.kind) {
      case 'dense': {
        const inputs = perSeed(h);
        saved.push({ kind: 'dense', stage, inputs });
        const next = stages[i + 1];
        const fuseRelu = next?.kind === 'activation' && next.activation === 'relu';
        // Bias and ReLU on all seeds at once (the fused kernel of tfjs-backend-wasm 4.22 takes only a rank-1 bias).
        let z = seedsDense(inputs, stage.kernels);
        if (stage.bias) z = tf.add(z, stage.bias) as tf.Tensor3D;
        if (fuseRelu) z = tf.relu(z);
        h = stage.softmax ? tf.softmax(z) : z;
        if (fuseRelu && next) {
          saved.push({ kind: 'activation', stage: next, output: h });
          i += 1;
        }
        break;
      }
      case 'bn': {
        const out = forwardBatchNorm(stage, h, statistics);
        saved.push(out.saved);
        h = out.y;
        break;
      }
      case 'activation':
        h = activate(stage.activation, h);
        saved.push({ kind: 'activation', stage, output: h });
        break;
    }
  }
  const probs = h;
  const [seeds, batch] = [x.shape[0], x.shape[1]];
  const onehot = tf.cast(tf.oneHot(labels, NUM_CLASSES), 'float32');
  const picked = tf.sum(tf.mul(onehot, probs), 2);
  const clipped = tf.clipByValue(picked, PROB_EPSILON, 1 - PROB_EPSILON);
  const lossSum = tf.add(tf.neg(tf.sum(tf.log(clipped), 1)), tf.sum(tf.mul(picked, 0), 1)) as tf.Tensor1D;
  const correct = tf.sum(tf.cast(tf.equal(tf.argMax(probs, 2), labels), 'float32'), 1) as tf.Tensor1D;
  const inRange = tf.cast(
    tf.logicalAnd(tf.greaterEqual(picked, PROB_EPSILON), tf.lessEqual(picked, 1 - PROB_EPSILON)),
    'float32',
  );
  let dy = tf.mul(tf.sub(probs, onehot), tf.reshape(tf.div(inRange, batch), [seeds, batch, 1])) as tf.Tensor3D;

  const grads = new Map<tf.Variable, tf.Tensor>();
  for (let i = saved.length - 1; i >= 0; i--) {
    const s = saved[i];
    if (!s) continue;
    switch (s.kind) {
      case 'dense': {
        const dys = perSeed(dy);
        s.stage.kernels.forEach((w, k) => {
          const xk = s.inputs[k];
          const dyk = dys[k];
          if (!xk || !dyk) throw new Error(`No activations for seed ${k}`);
          grads.set(w, tf.matMul(xk, dyk, true, false));
        });
        if (s.stage.bias) grads.set(s.stage.bias, tf.sum(dy, 1, true));
        // The first layer's input is the data: no gradient needed there.
        if (i > 0)
          dy = tf.stack(
            dys.map((dyk, k) => {
              const w = s.stage.kernels[k];
              if (!w) throw new Error(`No kernel for seed ${k}`);
              return tf.matMul(dyk, w as tf.Tensor2D, false, true);
            }),
          ) as tf.Tensor3D;
        break;
      }
      case 'bn':
        dy = batchNormGrad(s, dy, grads);
        break;
      case 'activation':
        dy = activationGrad(s.stage.activation, s.output, dy);
        break;
    }
  }
  return {
    grads: stack.trainable.map((v) => {
      const g = grads.get(v);
      if (!g) throw new Error(`No gradient was computed for ${v.name}`);
      return g;
    }),
    lossSum,
    correct,
    statistics,
  };
}
