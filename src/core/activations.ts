// The hidden layers' nonlinearities and their derivatives for the hand-written steps (one net's, and every seed's
// at once): shape-agnostic, so the same code serves [batch, units] and [seeds, batch, units]. Imports TF.js only.
import * as tf from '@tensorflow/tfjs';
import type { Activation } from '../shared/config';

export function activate<T extends tf.Tensor>(activation: Activation, x: T): T {
  switch (activation) {
    case 'relu':
      return tf.relu(x);
    case 'sigmoid':
      return tf.sigmoid(x);
    case 'tanh':
      return tf.tanh(x);
  }
}

/** dL/d(input) of an activation, from its output alone. */
export function activationGrad<T extends tf.Tensor>(activation: Activation, output: T, dy: T): T {
  switch (activation) {
    case 'relu':
      return tf.mul(dy, tf.step(output));
    case 'sigmoid':
      return tf.mul(dy, tf.mul(output, tf.sub(1, output)));
    case 'tanh':
      return tf.mul(dy, tf.sub(1, tf.square(output)));
  }
}
