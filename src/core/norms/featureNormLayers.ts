// LayerNorm, GroupNorm and RMSNorm as tf.layers Layers (the maths in featureNorm.ts), registered for serialization
// so nets built with them save, load, predict and are probed like the others. γ and β are per unit, as in PyTorch's
// LayerNorm/GroupNorm; RMSNorm has γ only. No running statistics: training and inference mode are the same.
// Imports TF.js only.
import * as tf from '@tensorflow/tfjs';
import { featureNormalize, type FeatureNormShape } from './featureNorm';

export type FeatureNormKind = 'layer' | 'group' | 'rms';

export interface FeatureNormArgs {
  epsilon?: number;
  /** Learnable γ (else the scale is the constant 1). */
  scale?: boolean;
  /** Learnable β (else the shift is the constant 0); RMSNorm has none. */
  center?: boolean;
  /** GroupNorm only: groups of units per example. */
  groups?: number;
  name?: string;
}

type Kwargs = Record<string, unknown>;

/** The layer's learnable γ and β as variables (null when switched off), read by the hand-written step. */
export interface FeatureNormWeights {
  gamma: tf.Variable<tf.Rank.R1> | null;
  beta: tf.Variable<tf.Rank.R1> | null;
}

abstract class FeatureNormLayer extends tf.layers.Layer {
  abstract readonly kind: FeatureNormKind;
  readonly epsilon: number;
  readonly scale: boolean;
  readonly center: boolean;
  readonly groups: number;
  private gamma: tf.LayerVariable | null = null;
  private beta: tf.LayerVariable | null = null;

  constructor(args: FeatureNormArgs, fixed: { center?: boolean; groups?: number }) {
    super({ name: args.name });
    this.epsilon = args.epsilon ?? 1e-3;
    this.scale = args.scale ?? true;
    this.center = fixed.center ?? args.center ?? true;
    this.groups = fixed.groups ?? args.groups ?? 1;
    if (!Number.isInteger(this.groups) || this.groups < 1)
      throw new Error(`${this.constructor.name}: groups must be a whole number ≥ 1, not ${this.groups}.`);
  }

  /** Per-example statistics: subtract the mean except in RMSNorm. */
  get shape(): FeatureNormShape {
    return { groups: this.groups, center: this.kind !== 'rms', epsilon: this.epsilon };
  }

  override build(inputShape: tf.Shape | tf.Shape[]): void {
    const shape = (Array.isArray(inputShape[0]) ? inputShape[0] : inputShape) as tf.Shape;
    const dim = shape[shape.length - 1];
    if (typeof dim !== 'number' || shape.length !== 2)
      throw new Error(`${this.getClassName()} takes [batch, units] inputs; got ${JSON.stringify(shape)}.`);
    if (dim % this.groups !== 0)
      throw new Error(`${this.getClassName()}: ${this.groups} groups do not divide ${dim} units.`);
    if (this.scale) this.gamma = this.addWeight('gamma', [dim], 'float32', tf.initializers.ones(), undefined, true);
    if (this.center) this.beta = this.addWeight('beta', [dim], 'float32', tf.initializers.zeros(), undefined, true);
    this.built = true;
  }

  override computeOutputShape(inputShape: tf.Shape | tf.Shape[]): tf.Shape | tf.Shape[] {
    return inputShape;
  }

  /** Same in training and inference mode: the statistics are the example's own. */
  override call(inputs: tf.Tensor | tf.Tensor[], _kwargs: Kwargs): tf.Tensor {
    return tf.tidy(() => {
      const x = (Array.isArray(inputs) ? inputs[0] : inputs) as tf.Tensor2D;
      let y: tf.Tensor = featureNormalize(x, this.shape).xHat;
      if (this.gamma) y = tf.mul(y, this.gamma.read());
      if (this.beta) y = tf.add(y, this.beta.read());
      return y;
    });
  }

  /** The variables themselves (LayerVariable.read() hands out the tf.Variable, not a copy). */
  variables(): FeatureNormWeights {
    return {
      gamma: (this.gamma?.read() as tf.Variable<tf.Rank.R1> | undefined) ?? null,
      beta: (this.beta?.read() as tf.Variable<tf.Rank.R1> | undefined) ?? null,
    };
  }

  override getConfig(): tf.serialization.ConfigDict {
    return { ...super.getConfig(), epsilon: this.epsilon, scale: this.scale, center: this.center, groups: this.groups };
  }
}

/** Per example, over all of the layer's units (Ba, Kiros & Hinton 2016). */
export class LayerNorm extends FeatureNormLayer {
  static className = 'LayerNorm';
  readonly kind = 'layer';
  constructor(args: FeatureNormArgs = {}) {
    super(args, { groups: 1 });
  }
}

/** Per example, over each of `groups` groups of units (Wu & He 2018). */
export class GroupNorm extends FeatureNormLayer {
  static className = 'GroupNorm';
  readonly kind = 'group';
  constructor(args: FeatureNormArgs = {}) {
    super(args, { groups: args.groups ?? 8 });
  }
}

/** Per example, over the units, divided by the root mean square: no centring, no β (Zhang & Sennrich 2019). */
export class RmsNorm extends FeatureNormLayer {
  static className = 'RmsNorm';
  readonly kind = 'rms';
  constructor(args: FeatureNormArgs = {}) {
    super(args, { center: false, groups: 1 });
  }
}

export type AnyFeatureNorm = LayerNorm | GroupNorm | RmsNorm;

export function isFeatureNorm(layer: tf.layers.Layer): layer is AnyFeatureNorm {
  return layer instanceof FeatureNormLayer;
}

tf.serialization.registerClass(LayerNorm);
tf.serialization.registerClass(GroupNorm);
tf.serialization.registerClass(RmsNorm);
