// One training step's forward and backward pass through an MlpPlan, with the gradients derived by hand instead of
// recorded on TF.js's autodiff tape: about a third of the kernel calls, which is most of a step's cost at batch 32
// on WASM. Same maths as the layers' training mode: BN normalises with the batch's biased variance and moves its
// running statistics by the layer's momentum; the loss is Keras's clipped sparse categorical cross-entropy.
// Imports TF.js only; call inside tf.tidy.
import * as tf from '@tensorflow/tfjs';
import { NUM_CLASSES } from '../data/idx';
import { batchNormInputGrad, movingAverage, normalize, scaleShift } from './bn/normalize';
import { PROB_EPSILON } from './losses';
import type { ActivationStage, BatchNormStage, DenseStage, FeatureNormStage, MlpPlan } from './mlpPlan';
import { featureNormalize, featureNormalizeGrad, type FeatureNormalized } from './norms/featureNorm';
import { activate, activationGrad } from './activations';

export interface StepTensors {
  /** Gradients of the mean loss, aligned with plan.trainable. */
  grads: tf.Tensor[];
  /** Sum of the per-example losses over the batch (NaN when any output is not finite). */
  lossSum: tf.Scalar;
  /** How many examples the net got right. */
  correct: tf.Scalar;
  /** The new running statistics of each BN stage (assign them after the step). */
  statistics: Array<{ variable: tf.Variable; value: tf.Tensor }>;
}

/** What the backward pass of a stage needs from its forward pass. */
type Saved =
  | { kind: 'dense'; stage: DenseStage; input: tf.Tensor2D }
  | { kind: 'bn'; stage: BatchNormStage; xhat: tf.Tensor2D; invStd: tf.Tensor1D }
  | { kind: 'norm'; stage: FeatureNormStage; normalized: FeatureNormalized }
  | { kind: 'activation'; stage: ActivationStage; output: tf.Tensor2D };

function forwardBatchNorm(
  stage: BatchNormStage,
  x: tf.Tensor2D,
  statistics: StepTensors['statistics'],
): { y: tf.Tensor2D; saved: Saved } {
  const { mean, variance } = tf.moments(x, 0);
  const { xHat: xhat, invStd } = normalize(x, mean as tf.Tensor1D, variance as tf.Tensor1D, stage.epsilon);
  const y = scaleShift(xhat, stage.gamma, stage.beta);
  statistics.push(
    { variable: stage.movingMean, value: movingAverage(stage.movingMean, mean, stage.momentum) },
    { variable: stage.movingVariance, value: movingAverage(stage.movingVariance, variance, stage.momentum) },
  );
  return { y, saved: { kind: 'bn', stage, xhat, invStd } };
}

/** BN's backward pass in training mode: γ's and β's gradients, and dL/dx (bn/normalize.ts). */
function batchNormGrad(
  saved: Extract<Saved, { kind: 'bn' }>,
  dy: tf.Tensor2D,
  grads: Map<tf.Variable, tf.Tensor>,
): tf.Tensor2D {
  const { stage, xhat, invStd } = saved;
  if (stage.gamma) grads.set(stage.gamma, tf.sum(tf.mul(dy, xhat), 0));
  if (stage.beta) grads.set(stage.beta, tf.sum(dy, 0));
  return batchNormInputGrad(dy, xhat, invStd, stage.gamma, 0, false);
}

/** LayerNorm, GroupNorm or RMSNorm: γ and β are per unit as in BN; dx goes through the per-example statistics. */
function featureNormGrad(
  saved: Extract<Saved, { kind: 'norm' }>,
  dy: tf.Tensor2D,
  grads: Map<tf.Variable, tf.Tensor>,
): tf.Tensor2D {
  const { stage, normalized } = saved;
  if (stage.gamma) grads.set(stage.gamma, tf.sum(tf.mul(dy, normalized.xHat), 0));
  if (stage.beta) grads.set(stage.beta, tf.sum(dy, 0));
  const dxhat = stage.gamma ? (tf.mul(dy, stage.gamma) as tf.Tensor2D) : dy;
  return featureNormalizeGrad(dxhat, normalized, stage.shape);
}

/**
 * Forward in training mode and backward by hand. `x` is [b, 784], `labels` [b] int32. With softmax followed by the
 * clipped log, dL/dlogits = (p − onehot(y))/b for every example whose p[y] lies inside the clip range, 0 otherwise.
 */
export function forwardBackward(plan: MlpPlan, x: tf.Tensor2D, labels: tf.Tensor1D): StepTensors {
  const saved: Saved[] = [];
  const statistics: StepTensors['statistics'] = [];
  let h = x;
  const stages = plan.stages;
  for (let i = 0; i < stages.length; i++) {
    const stage = stages[i];
    if (!stage) continue;
    switch (stage.kind) {
      case 'dense': {
        saved.push({ kind: 'dense', stage, input: h });
        // A Dense straight into ReLU runs as one fused kernel (product, bias and ReLU in one pass).
        const next = stages[i + 1];
        const fuseRelu = next?.kind === 'activation' && next.activation === 'relu';
        const z = tf.fused.matMul({
          a: h,
          b: stage.kernel,
          bias: stage.bias ?? undefined,
          activation: fuseRelu ? 'relu' : 'linear',
        }) as tf.Tensor2D;
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
      case 'norm': {
        const normalized = featureNormalize(h, stage.shape);
        saved.push({ kind: 'norm', stage, normalized });
        h = scaleShift(normalized.xHat, stage.gamma, stage.beta);
        break;
      }
      case 'activation':
        h = activate(stage.activation, h);
        saved.push({ kind: 'activation', stage, output: h });
        break;
    }
  }
  const probs = h;
  const batch = x.shape[0];
  // Cast, not oneHot's dtype argument: tfjs-backend-wasm 4.22 returns all zeros for a float32 oneHot.
  const onehot = tf.cast(tf.oneHot(labels, NUM_CLASSES), 'float32');
  const picked = tf.sum(tf.mul(onehot, probs), 1);
  const clipped = tf.clipByValue(picked, PROB_EPSILON, 1 - PROB_EPSILON);
  // + 0·p: NaN for a non-finite output even where WASM's clip maps NaN to the bound (see losses.ts).
  const lossSum = tf.add(tf.neg(tf.sum(tf.log(clipped))), tf.sum(tf.mul(picked, 0))) as tf.Scalar;
  const correct = tf.sum(tf.cast(tf.equal(tf.argMax(probs, 1), labels), 'float32')) as tf.Scalar;
  const inRange = tf.cast(
    tf.logicalAnd(tf.greaterEqual(picked, PROB_EPSILON), tf.lessEqual(picked, 1 - PROB_EPSILON)),
    'float32',
  );
  let dy = tf.mul(tf.sub(probs, onehot), tf.reshape(tf.div(inRange, batch), [batch, 1])) as tf.Tensor2D;

  const grads = new Map<tf.Variable, tf.Tensor>();
  for (let i = saved.length - 1; i >= 0; i--) {
    const s = saved[i];
    if (!s) continue;
    switch (s.kind) {
      case 'dense':
        grads.set(s.stage.kernel, tf.matMul(s.input, dy, true, false));
        if (s.stage.bias) grads.set(s.stage.bias, tf.sum(dy, 0));
        // The first layer's input is the data: no gradient needed there.
        if (i > 0) dy = tf.matMul(dy, s.stage.kernel, false, true) as tf.Tensor2D;
        break;
      case 'bn':
        dy = batchNormGrad(s, dy, grads);
        break;
      case 'norm':
        dy = featureNormGrad(s, dy, grads);
        break;
      case 'activation':
        dy = activationGrad(s.stage.activation, s.output, dy);
        break;
    }
  }
  return {
    grads: plan.trainable.map((v) => {
      const g = grads.get(v);
      if (!g) throw new Error(`No gradient was computed for ${v.name}`);
      return g;
    }),
    lossSum,
    correct,
    statistics,
  };
}
