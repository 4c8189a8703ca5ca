// BatchNorm written out: the forward pass in training and inference mode, the backward pass by hand (a tf.customGrad,
// not autodiff), and the running statistics updated exactly as tf.layers.batchNormalization does (TF.js 4.22). A
// tf.layers Layer registered for serialization, so nets built with it save and load like the others. Imports TF.js only.
import * as tf from '@tensorflow/tfjs';

export const SCRATCH_BN_CLASS = 'ScratchBatchNorm';

export interface ScratchBatchNormArgs {
  momentum?: number;
  epsilon?: number;
  /** Learnable γ (else the scale is the constant 1). */
  scale?: boolean;
  /** Learnable β (else the shift is the constant 0). */
  center?: boolean;
  name?: string;
}

type Kwargs = Record<string, unknown>;

/**
 * The forward pass, the BN paper's y = γ·x̂ + β with x̂ = (x − μ)/√(σ² + ε), evaluated as ((x − μ)·γ)/√(σ² + ε) + β:
 * the order of TF.js's FusedBatchNorm kernel (tfjs-backend-wasm FusedBatchNorm.cc; the CPU kernel's is the same), the
 * closest a chain of float32 operations gets to it. Not bitwise: the CPU kernel evaluates the expression in float64
 * and rounds once, and the WASM build rounds the division and the addition of β at once (measured), so an output can
 * be one rounding apart (scratchMatchesLibrary.test.ts). Training mode uses μ, σ² of the batch, inference the running ones.
 */
function normalizeAffine(
  x: tf.Tensor2D,
  mean: tf.Tensor1D,
  variance: tf.Tensor1D,
  gamma: tf.Tensor1D,
  beta: tf.Tensor1D,
  epsilon: number,
): tf.Tensor2D {
  return tf.add(tf.div(tf.mul(tf.sub(x, mean), gamma), tf.sqrt(tf.add(variance, epsilon))), beta);
}

/**
 * Training mode: μ_B and σ²_B (biased: divided by m) over the batch axis of a [m, d] input, then y = γ·x̂ + β.
 * The gradient is written by hand: the BN paper's backward equations (Ioffe & Szegedy 2015, section 3), with
 * r = (σ² + ε)^−½ and ∂ℓ/∂x̂ = ∂ℓ/∂y·γ:
 *   ∂ℓ/∂σ² = Σᵢ ∂ℓ/∂x̂ᵢ·(xᵢ − μ)·(−½)·r³
 *   ∂ℓ/∂μ  = Σᵢ ∂ℓ/∂x̂ᵢ·(−r) + ∂ℓ/∂σ²·Σᵢ −2(xᵢ − μ)/m
 *   ∂ℓ/∂xᵢ = ∂ℓ/∂x̂ᵢ·r + ∂ℓ/∂σ²·2(xᵢ − μ)/m + ∂ℓ/∂μ/m
 *   ∂ℓ/∂γ  = Σᵢ ∂ℓ/∂yᵢ·x̂ᵢ,   ∂ℓ/∂β = Σᵢ ∂ℓ/∂yᵢ
 * (not the shorter closed form that folds them into one line). Why this form, and each product grouped as it is: it is
 * the computation TF.js's autodiff performs for the built-in layer — FusedBatchNorm's gradient (tfjs-core
 * FusedBatchNorm_grad.js) gives ∂ℓ/∂x̂·r as (∂ℓ/∂y·r)·γ, the direct term of ∂ℓ/∂μ, ∂ℓ/∂σ² with r³ = (r·r)·r and
 * x̂ = (x − μ)·r, and ∂ℓ/∂γ, ∂ℓ/∂β; the rest is the chain through tf.moments (Mean, Square, Sub): the term
 * 2(xᵢ − μ)·∂ℓ/∂σ²/m, computed as (∂ℓ/∂σ²/m)·((xᵢ − μ)·2), enters ∂ℓ/∂x as it is and ∂ℓ/∂μ as minus its sum; the
 * three terms of ∂ℓ/∂x and the two of ∂ℓ/∂μ are added in the order the tape accumulates them (the paper's order).
 * Same operations, same order, same float32 roundings: the gradients equal the library's to the bit for the same
 * input and upstream gradient (scratchMatchesLibrary.test.ts): in a net trained by the same loop the two layers part
 * only by the forward pass's last-bit differences, not by a second, differently rounded backward pass.
 * Only inputs are saved for the backward pass (μ, σ² are recomputed there, deterministically): a custom op may not
 * keep tensors it made itself.
 */
export function batchNormTrainOp(
  epsilon: number,
): (x: tf.Tensor2D, gamma: tf.Tensor1D, beta: tf.Tensor1D) => tf.Tensor2D {
  const op = tf.customGrad((...args: Array<tf.Tensor | tf.GradSaveFunc>) => {
    const [x, gamma, beta, save] = args as [tf.Tensor2D, tf.Tensor1D, tf.Tensor1D, tf.GradSaveFunc];
    save([x, gamma]);
    return {
      value: tf.tidy(() => {
        const { mean, variance } = batchMoments(x);
        return normalizeAffine(x, mean, variance, gamma, beta, epsilon);
      }),
      gradFunc: (dy: tf.Tensor, saved: tf.Tensor[]) => {
        const [sX, sGamma] = saved as [tf.Tensor2D, tf.Tensor1D];
        const m = sX.shape[0];
        const { mean, variance } = batchMoments(sX);
        const centered = tf.sub(sX, mean); // xᵢ − μ
        const r = tf.rsqrt(tf.add(variance, epsilon)); // (σ² + ε)^−½
        const dXHat = tf.mul(dy, sGamma); // ∂ℓ/∂x̂ = ∂ℓ/∂y·γ
        const dVariance = tf.sum(tf.mul(tf.mul(tf.mul(tf.mul(tf.mul(r, r), r), -0.5), centered), dXHat), 0);
        const varianceTerm = tf.mul(tf.div(dVariance, m), tf.mul(centered, 2)); // ∂ℓ/∂σ²·2(xᵢ − μ)/m
        const dMean = tf.add(tf.sum(tf.mul(tf.neg(r), dXHat), 0), tf.neg(tf.sum(varianceTerm, 0)));
        const dx = tf.add(tf.add(tf.mul(tf.mul(dy, r), sGamma), varianceTerm), tf.div(dMean, m));
        const dGamma = tf.sum(tf.mul(dy, tf.mul(centered, r)), 0); // Σ ∂ℓ/∂y·x̂
        const dBeta = tf.sum(dy, 0);
        return [dx, dGamma, dBeta];
      },
    };
  });
  return (x, gamma, beta) => op(x, gamma, beta);
}

/** Batch mean and biased variance per unit (over axis 0), as tf.moments gives them. */
export function batchMoments(x: tf.Tensor2D): { mean: tf.Tensor1D; variance: tf.Tensor1D } {
  return tf.tidy(() => {
    const { mean, variance } = tf.moments(x, 0);
    return { mean: mean as tf.Tensor1D, variance: variance as tf.Tensor1D };
  });
}

/** Inference mode: the running (or any given) statistics instead of the batch's. */
export function batchNormInference(
  x: tf.Tensor2D,
  mean: tf.Tensor1D,
  variance: tf.Tensor1D,
  gamma: tf.Tensor1D,
  beta: tf.Tensor1D,
  epsilon: number,
): tf.Tensor2D {
  return tf.tidy(() => normalizeAffine(x, mean, variance, gamma, beta, epsilon));
}

/** The running average as TF.js writes it: v ← v − (v − batchValue)·(1 − momentum). */
export function movingAverage(current: tf.Tensor1D, batchValue: tf.Tensor1D, momentum: number): tf.Tensor1D {
  return tf.tidy(() => tf.sub(current, tf.mul(tf.sub(current, batchValue), 1 - momentum)));
}

export class ScratchBatchNorm extends tf.layers.Layer {
  static className = SCRATCH_BN_CLASS;
  readonly momentum: number;
  readonly epsilon: number;
  readonly scale: boolean;
  readonly center: boolean;
  // Built in build(): the same weights, in the same order and with the same names, as tf.layers.batchNormalization.
  private gamma: tf.LayerVariable | null = null;
  private beta: tf.LayerVariable | null = null;
  private movingMean: tf.LayerVariable | null = null;
  private movingVariance: tf.LayerVariable | null = null;

  constructor(args: ScratchBatchNormArgs = {}) {
    super({ name: args.name });
    this.momentum = args.momentum ?? 0.99;
    this.epsilon = args.epsilon ?? 1e-3;
    this.scale = args.scale ?? true;
    this.center = args.center ?? true;
  }

  override build(inputShape: tf.Shape | tf.Shape[]): void {
    const shape = (Array.isArray(inputShape[0]) ? inputShape[0] : inputShape) as tf.Shape;
    const dim = shape[shape.length - 1];
    if (typeof dim !== 'number' || shape.length !== 2)
      throw new Error(`${SCRATCH_BN_CLASS} takes [batch, units] inputs; got ${JSON.stringify(shape)}.`);
    if (this.scale) this.gamma = this.addWeight('gamma', [dim], 'float32', tf.initializers.ones(), undefined, true);
    if (this.center) this.beta = this.addWeight('beta', [dim], 'float32', tf.initializers.zeros(), undefined, true);
    this.movingMean = this.addWeight('moving_mean', [dim], 'float32', tf.initializers.zeros(), undefined, false);
    this.movingVariance = this.addWeight('moving_variance', [dim], 'float32', tf.initializers.ones(), undefined, false);
    this.built = true;
  }

  override computeOutputShape(inputShape: tf.Shape | tf.Shape[]): tf.Shape | tf.Shape[] {
    return inputShape;
  }

  override call(inputs: tf.Tensor | tf.Tensor[], kwargs: Kwargs): tf.Tensor {
    return tf.tidy(() => {
      const x = (Array.isArray(inputs) ? inputs[0] : inputs) as tf.Tensor2D;
      const { movingMean, movingVariance } = this.statistics();
      const units = x.shape[1];
      // Switched off, γ and β are constants: the gradient written for them then goes nowhere.
      const gamma = (this.gamma?.read() ?? tf.ones([units])) as tf.Tensor1D;
      const beta = (this.beta?.read() ?? tf.zeros([units])) as tf.Tensor1D;
      if (kwargs['training'] !== true) {
        return batchNormInference(
          x,
          movingMean.read() as tf.Tensor1D,
          movingVariance.read() as tf.Tensor1D,
          gamma,
          beta,
          this.epsilon,
        );
      }
      // The statistics again, outside the op, for the running averages: they do not reach the loss.
      const { mean, variance } = batchMoments(x);
      const y = batchNormTrainOp(this.epsilon)(x, gamma, beta);
      // Keras/TF.js keep the biased batch variance in the running average (the paper's Algorithm 2 corrects it).
      movingMean.write(movingAverage(movingMean.read() as tf.Tensor1D, mean, this.momentum));
      movingVariance.write(movingAverage(movingVariance.read() as tf.Tensor1D, variance, this.momentum));
      return y;
    });
  }

  private statistics(): { movingMean: tf.LayerVariable; movingVariance: tf.LayerVariable } {
    if (this.movingMean === null || this.movingVariance === null)
      throw new Error(`${SCRATCH_BN_CLASS} '${this.name}' was called before it was built.`);
    return { movingMean: this.movingMean, movingVariance: this.movingVariance };
  }

  override getConfig(): tf.serialization.ConfigDict {
    return {
      ...super.getConfig(),
      momentum: this.momentum,
      epsilon: this.epsilon,
      scale: this.scale,
      center: this.center,
    };
  }
}

tf.serialization.registerClass(ScratchBatchNorm);
