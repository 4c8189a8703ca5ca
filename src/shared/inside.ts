// What the "Inside the BN layer" inspectors exchange with the worker: the view the page asks for, and the records the
// worker takes on a probe batch while training; and where sigmoid and tanh saturate. Dependency-free (plain numbers
// cross the worker boundary).
import type { Activation } from './config';
import type { SomeNets } from './protocol';

/** The percentiles of Figure 1 in the BN paper: 15th, 50th and 85th. */
export const FIGURE1_PERCENTILES = [15, 50, 85] as const;

/** What the page shows: the worker records only while open, for the chosen hidden layer and unit. */
export interface InsideView {
  open: boolean;
  /** 0-based hidden layer. */
  layer: number;
  /** A unit of that layer, or null for the "typical" one the worker picks. */
  unit: number | null;
}

export const CLOSED_VIEW: InsideView = { open: false, layer: 0, unit: null };

/** A histogram of values over [min, max] in equal bins. */
export interface Histogram {
  min: number;
  max: number;
  counts: number[];
}

/** One Dense layer's gradient and update sizes at a recorded step (its kernel). */
export interface LayerFlow {
  /** ‖∂loss/∂W‖ (Frobenius) on the step's mini-batch. */
  gradNorm: number;
  /** ‖ΔW‖ / ‖W‖ over the step. */
  updateRatio: number;
}

/** One net at a recorded step. */
export interface NetRecord {
  /** Width of the chosen hidden layer. */
  units: number;
  /** 15th, 50th, 85th percentile over the probe batch of the chosen unit's input to the nonlinearity. */
  percentiles: [number, number, number];
  /** The whole chosen layer's inputs to the nonlinearity on the probe batch (all units). */
  histogram: Histogram;
  /** Per Dense layer, input side first (the last is the output layer). */
  flow: LayerFlow[];
  /** Per hidden layer: share of probe inputs in the saturated zone (sigmoid and tanh only, else null). */
  saturated: Array<number | null>;
}

/**
 * The BN maths at the chosen layer and unit of the BN net's BN layer: on the mini-batch of a recorded training step
 * ('step'), or, with no run in progress, on a sample batch — the first m training images — that moves nothing
 * ('sample'; the running statistics "after" are then what one step on it would make them).
 */
export interface BnMath {
  source: 'step' | 'sample';
  layer: number;
  unit: number;
  /** Mini-batch size m. */
  m: number;
  /** The first few examples of the batch: x_i (the BN input), x̂_i and y_i = γ·x̂_i + β. */
  rows: Array<{ x: number; xhat: number; y: number }>;
  mean: number;
  /** Biased batch variance (divided by m), as BN uses it. */
  variance: number;
  epsilon: number;
  gamma: number;
  beta: number;
  momentum: number;
  /** The running statistics before the step and after it (read back from the layer; for a sample, computed). */
  runningMeanBefore: number;
  runningVarBefore: number;
  runningMeanAfter: number;
  runningVarAfter: number;
}

/**
 * A per-example normalization's numbers (LayerNorm, GroupNorm, RMSNorm) at the chosen layer and unit on a recorded
 * step's mini-batch: for the first few examples, the unit's input x_ij, the example's own statistics over its group of
 * units (mean 0 for RMSNorm, which does not centre; `variance` is then the mean square), x̂_ij and y_ij.
 */
export interface NormMath {
  layer: number;
  unit: number;
  /** The unit's group (0 for LayerNorm and RMSNorm) and the number of groups. */
  group: number;
  groups: number;
  /** Units each example's statistics are taken over. */
  groupSize: number;
  centered: boolean;
  m: number;
  rows: Array<{ x: number; mean: number; variance: number; xhat: number; y: number }>;
  epsilon: number;
  gamma: number;
  beta: number;
}

/** Test accuracy of the BN net with batch statistics (training mode) and with its running ones (inference mode). */
export interface ModeAccuracy {
  train: number;
  inference: number;
  /** Test images evaluated, in batches of the training batch size for training mode. */
  images: number;
}

export interface InsideRecord {
  seedIndex: number;
  /** Steps done in this seed's run before the recorded step (0 at the very first). */
  step: number;
  layer: number;
  /** The unit the percentiles are of (the typical one when the view asks for none). */
  unit: number;
  /** The unit the worker calls typical on this layer. */
  typicalUnit: number;
  nets: SomeNets<NetRecord>;
  math: BnMath | null;
  /** The LayerNorm, GroupNorm and RMSNorm nets' numbers at the same layer and unit (absent when none trains). */
  normMath?: SomeNets<NormMath>;
  modeAccuracy: ModeAccuracy | null;
}

/** Each net's histogram of one hidden layer's inputs to the nonlinearity on the probe batch, at one recorded step. */
export interface LayerHistograms {
  layer: number;
  step: number;
  nets: SomeNets<Histogram>;
}

/** The whole recorded history of the chosen layer and unit, sent when the view changes. */
export interface InsideSeries {
  seedIndex: number;
  layer: number;
  unit: number;
  typicalUnit: number;
  steps: number[];
  /** Per net: the three percentile series, aligned with steps. */
  percentiles: SomeNets<[number[], number[], number[]]>;
  /**
   * The chosen layer's histograms at the latest record, so a layer picked after the run (when no record will come)
   * still shows its histogram; null before the first record.
   */
  histograms: LayerHistograms | null;
}

/** The paper's Algorithm 2 applied to the current nets: population statistics over the training set. */
export interface RecalibrationResult {
  /** Test accuracy in inference mode with the running averages, then with the population statistics. */
  before: number;
  after: number;
  /** Mini-batches averaged and their size m (the variance is scaled by m/(m−1)). */
  batches: number;
  m: number;
  /** Largest |population − running| over units, per BN layer (mean and variance). */
  shifts: Array<{ layer: number; mean: number; variance: number }>;
  ms: number;
}

/**
 * Where the nonlinearity saturates: |z| beyond which sigmoid(z) is outside [0.05, 0.95] (its slope under a fifth of its
 * peak), and tanh(z) outside [−0.95, 0.95]. ReLU has no such zone.
 */
export function saturationThreshold(activation: Activation): number | null {
  switch (activation) {
    case 'sigmoid':
      return Math.log(0.95 / 0.05);
    case 'tanh':
      return Math.atanh(0.95);
    case 'relu':
      return null;
  }
}
