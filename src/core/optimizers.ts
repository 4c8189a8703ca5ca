// The optimizers a run can choose, each with Keras's defaults so numbers compare with the Keras blog and its readers'
// own runs. Imports TF.js only.
import * as tf from '@tensorflow/tfjs';
import type { OptimizerName } from '../shared/config';

/** Keras's ε for Adam and RMSProp; TF.js would otherwise take the backend's (1e-7 on WebGL/WASM/CPU, 1e-4 on 16-bit WebGL). */
export const KERAS_EPSILON = 1e-7;
export const ADAM_BETA1 = 0.9;
export const ADAM_BETA2 = 0.999;
/** The momentum the "SGD + momentum" choice uses: the common textbook value (Keras's own default is 0, i.e. plain SGD). */
export const SGD_MOMENTUM = 0.9;
export const RMSPROP_RHO = 0.9;

/** Keras's Adam defaults (β1 0.9, β2 0.999, ε 1e-7). */
export function kerasAdam(learningRate: number): tf.AdamOptimizer {
  return tf.train.adam(learningRate, ADAM_BETA1, ADAM_BETA2, KERAS_EPSILON);
}

/**
 * TF.js 4.22's MomentumOptimizer.dispose() frees its momentum scalar and accumulators but not the learning-rate
 * scalar it inherits from SGDOptimizer: one tensor leaked per run. This frees it too.
 */
class MomentumOptimizerFreeingAll extends tf.MomentumOptimizer {
  override dispose(): void {
    super.dispose();
    this.c.dispose();
  }
}

/** A fresh optimizer for one net (optimizers hold per-variable state, so the two nets never share one). */
export function makeOptimizer(name: OptimizerName, learningRate: number): tf.Optimizer {
  switch (name) {
    case 'adam':
      return kerasAdam(learningRate);
    case 'sgd':
      return tf.train.sgd(learningRate);
    case 'momentum':
      // Heavy-ball momentum without Nesterov. TF.js accumulates raw gradients (v = μv + g; w −= lr·v) where Keras
      // accumulates steps (v = μv − lr·g; w += v): the same updates while the learning rate is constant.
      return new MomentumOptimizerFreeingAll(learningRate, SGD_MOMENTUM, false);
    case 'rmsprop':
      // Keras: ρ 0.9, momentum 0, ε 1e-7, not centered. (TF.js adds ε under the square root, Keras outside it:
      // the two differ only while the mean square is below ~ε, i.e. for near-zero gradients.)
      return tf.train.rmsprop(learningRate, RMSPROP_RHO, 0, KERAS_EPSILON, false);
  }
}
