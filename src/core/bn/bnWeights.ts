// A BatchNorm layer's state read by weight name — the same names for TF.js's layer and the one in
// scratchBatchNorm.ts: γ, β, the running statistics, and the momentum and ε from its config. The variables themselves
// (LayerVariable.read() hands out the tf.Variable, not a copy), so the hand-written training step updates the layer's
// own state and the inspectors read it. Imports TF.js only.
import type * as tf from '@tensorflow/tfjs';

export interface BnWeights {
  /** Null when the layer has no learnable γ (scale off: γ ≡ 1) or β (center off: β ≡ 0). */
  gamma: tf.Variable<tf.Rank.R1> | null;
  beta: tf.Variable<tf.Rank.R1> | null;
  movingMean: tf.Variable<tf.Rank.R1>;
  movingVariance: tf.Variable<tf.Rank.R1>;
  momentum: number;
  epsilon: number;
}

/** The layer's weights by the last part of their name ("gamma", "moving_mean", "kernel", …). */
export function weightsByName(layer: tf.layers.Layer): Map<string, tf.LayerVariable> {
  const out = new Map<string, tf.LayerVariable>();
  for (const w of layer.weights) out.set(w.originalName.split('/').pop() ?? w.originalName, w);
  return out;
}

/** The layer's BN state, or null when it lacks running statistics or a numeric momentum and ε (not a BN layer). */
export function bnWeights(layer: tf.layers.Layer): BnWeights | null {
  const weights = weightsByName(layer);
  const vector = (name: string): tf.Variable<tf.Rank.R1> | null => {
    const w = weights.get(name);
    return w ? (w.read() as tf.Variable<tf.Rank.R1>) : null;
  };
  const movingMean = vector('moving_mean');
  const movingVariance = vector('moving_variance');
  const { momentum, epsilon } = layer.getConfig();
  if (!movingMean || !movingVariance || typeof momentum !== 'number' || typeof epsilon !== 'number') return null;
  return { gamma: vector('gamma'), beta: vector('beta'), movingMean, movingVariance, momentum, epsilon };
}
