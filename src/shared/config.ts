// The run's settings: one typed table and its defaults (the blog's recipe). Dependency-free: imported by the UI, and
// validated again in the worker. The field table (ranges, URL keys, hints) is in configFields.ts.

export type BackendName = 'webgl' | 'wasm' | 'cpu' | 'webgpu';
/** In the settings' order; WebGPU last, as it is the one most devices lack. */
export const BACKEND_NAMES: readonly BackendName[] = ['webgl', 'wasm', 'cpu', 'webgpu'];
export type BackendChoice = BackendName | 'auto';

export type OptimizerName = 'adam' | 'sgd' | 'momentum' | 'rmsprop';
export type Activation = 'relu' | 'sigmoid' | 'tanh';
/** glorot: Keras's default (Glorot uniform); he: He normal; gauss: N(0, 0.01²) as in the BN paper's experiment. */
export type InitName = 'glorot' | 'he' | 'gauss';
/** Where BN sits in a hidden layer: on the Dense output before the nonlinearity (the paper, the blog), or after it. */
export type BnPlacement = 'before' | 'after';
/** Which BatchNorm layer the BN net uses: TF.js's tf.layers.batchNormalization, or the one written out in core/bn. */
export type BnImpl = 'layers' | 'scratch';
export type NetsChoice = 'both' | 'bn' | 'plain';
/**
 * The normalization of one net of the comparison: none (the plain net), BatchNorm (over the batch, per unit),
 * LayerNorm (per example, over the layer's units), GroupNorm (per example, over groups of units) or RMSNorm (per
 * example, over the units, without centring).
 */
export type NormKind = 'none' | 'batch' | 'layer' | 'group' | 'rms';
export const NORM_KINDS: readonly NormKind[] = ['none', 'batch', 'layer', 'group', 'rms'];
export type XAxis = 'epochs' | 'steps';

export const TRAIN_SET_MAX = 60_000;
export const TEST_SET_SIZE = 10_000;
export const MAX_HIDDEN_LAYERS = 5;

export interface TrainConfig {
  // Training
  optimizer: OptimizerName;
  lr: number;
  batchSize: number;
  epochs: number;
  /** Train on the first N training examples (quick runs); validation always uses the whole test set. */
  trainSize: number;
  /** Seeds the shared initial weights and the batch order. */
  seed: number;
  // Network (both nets)
  /** Widths of the hidden Dense layers, input side first. */
  layers: number[];
  activation: Activation;
  init: InitName;
  /** Bias on the Dense layers whose output goes straight into BN (the paper drops it: BN's β replaces it). */
  denseBias: boolean;
  // BatchNorm (the BN net only)
  /** 1-based hidden layers that get BN, or all of them. */
  bnLayers: 'all' | number[];
  bnPlace: BnPlacement;
  bnMomentum: number;
  bnEpsilon: number;
  /** Learnable γ (scale) and β (shift). */
  bnScale: boolean;
  bnCenter: boolean;
  bnImpl: BnImpl;
  // Normalizations (one net per entry; placement, layers, ε and γ/β as for BN)
  norms: NormKind[];
  /** GroupNorm's number of groups: it must divide every hidden width. */
  groups: number;
  // Experiment
  nets: NetsChoice;
  /** Runs of the whole experiment with seeds seed, seed+1, …; more than one draws means with a band. */
  seeds: number;
  xAxis: XAxis;
  backend: BackendChoice;
}

/** The blog's recipe, with Keras's defaults where the blog is silent. */
export const DEFAULT_CONFIG: Readonly<TrainConfig> = Object.freeze({
  optimizer: 'adam',
  lr: 0.001,
  batchSize: 32,
  epochs: 10,
  trainSize: TRAIN_SET_MAX,
  seed: 42,
  layers: [128, 64],
  activation: 'relu',
  init: 'glorot',
  denseBias: true,
  bnLayers: 'all',
  bnPlace: 'before',
  bnMomentum: 0.99,
  bnEpsilon: 1e-3,
  bnScale: true,
  bnCenter: true,
  bnImpl: 'layers',
  norms: ['none', 'batch'] as NormKind[],
  groups: 8,
  nets: 'both',
  seeds: 1,
  xAxis: 'epochs',
  backend: 'auto',
});

export function defaultConfig(): TrainConfig {
  return { ...DEFAULT_CONFIG, layers: [...DEFAULT_CONFIG.layers], norms: [...DEFAULT_CONFIG.norms] };
}

export function stepsPerEpoch(config: Pick<TrainConfig, 'trainSize' | 'batchSize'>): number {
  // Keras keeps the last, smaller batch: 60,000 / 32 = 1,875 steps.
  return Math.ceil(config.trainSize / config.batchSize);
}

/** Whether hidden layer `index` (0-based) of a normalized net (BN, LN, GN, RMS) gets its normalization. */
export function hasBn(config: Pick<TrainConfig, 'bnLayers'>, index: number): boolean {
  return config.bnLayers === 'all' || config.bnLayers.includes(index + 1);
}

/** The seed of the experiment's run number `seedIndex` (0-based): config.seed + seedIndex. */
export function seedOf(config: Pick<TrainConfig, 'seed'>, seedIndex: number): number {
  return (config.seed + seedIndex) % 2 ** 31;
}
