// The numbers of the maths panel: one unit of one BN layer on one mini-batch — a few x_i, μ_B, σ²_B, x̂_i, γ, β, y_i
// and the running statistics — read from a batch-mode BN visit of probeForward. Either during a recorded training
// step, or on demand (no run in progress) on a sample batch, which changes nothing. Imports TF.js only.
import * as tf from '@tensorflow/tfjs';
import type { Split } from '../../data/mnist';
import type { BnMath } from '../../shared/inside';
import { probeForward, type BnVisit } from './probeForward';
import { splitBatch } from './recalibrate';

export const MATH_ROWS = 5;

/**
 * The numbers for one unit from a batch-mode BN visit (before any step moves anything). The running statistics after
 * are left NaN: for a step they are read back from the layer once it has stepped.
 */
export function bnMath(v: BnVisit, layer: number, unit: number, source: BnMath['source']): BnMath {
  const units = v.input.shape[1];
  const m = v.input.shape[0];
  const u = Math.min(unit, units - 1);
  const x = v.input.dataSync();
  const xHat = v.xHat.dataSync();
  const y = v.output.dataSync();
  const rows = Array.from({ length: Math.min(MATH_ROWS, m) }, (_, i) => ({
    x: x[i * units + u] ?? NaN,
    xhat: xHat[i * units + u] ?? NaN,
    y: y[i * units + u] ?? NaN,
  }));
  const at = (t: tf.Tensor | null, fallback: number): number => (t ? (t.dataSync()[u] ?? NaN) : fallback);
  return {
    source,
    layer,
    unit: u,
    m,
    rows,
    mean: at(v.mean, NaN),
    variance: at(v.variance, NaN),
    epsilon: v.parts.epsilon,
    gamma: at(v.parts.gamma, 1),
    beta: at(v.parts.beta, 0),
    momentum: v.parts.momentum,
    runningMeanBefore: at(v.parts.movingMean, NaN),
    runningVarBefore: at(v.parts.movingVariance, NaN),
    runningMeanAfter: NaN,
    runningVarAfter: NaN,
  };
}

/** One step of the running average as Keras and TF.js take it: v − (v − batch value)·(1 − momentum). */
export function movedAverage(running: number, batchValue: number, momentum: number): number {
  return running - (running - batchValue) * (1 - momentum);
}

/**
 * The maths on the first `batchSize` images of a split (no run in progress: there is no current mini-batch), at BN
 * layer `layer`, unit `unit`; null when that hidden layer has no BN. Nothing in the net changes.
 */
export function sampleMath(
  model: tf.LayersModel,
  split: Split,
  batchSize: number,
  layer: number,
  unit: number,
): BnMath | null {
  const m = Math.min(batchSize, split.count);
  if (m < 1) return null;
  // A holder: the visitor fills it inside the tidy, where the pass's tensors still live.
  const seen: { math: BnMath | null } = { math: null };
  tf.tidy(() => {
    const batch = splitBatch(split, 0, m);
    probeForward(model, batch.x, { kind: 'batch' }, (v) => {
      if (v.kind === 'bn' && v.hidden === layer) seen.math = bnMath(v, layer, unit, 'sample');
    });
  });
  const found = seen.math;
  if (found === null) return null;
  return {
    ...found,
    runningMeanAfter: movedAverage(found.runningMeanBefore, found.mean, found.momentum),
    runningVarAfter: movedAverage(found.runningVarBefore, found.variance, found.momentum),
  };
}
