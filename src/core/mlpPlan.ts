// Reads one of our Sequential nets (Flatten → [Dense → BN? → Activation → BN?]… → Dense softmax) into a list of
// stages holding the layers' own variables, so a training step can be written out by hand on the same weights the
// model predicts, saves and inspects with. Any other shape of model gives null and trains the generic way.
// Imports TF.js only.
import type * as tf from '@tensorflow/tfjs';
import type { Activation } from '../shared/config';
import { bnWeights, weightsByName, type BnWeights } from './bn/bnWeights';

export interface DenseStage {
  kind: 'dense';
  kernel: tf.Variable;
  bias: tf.Variable | null;
  /** Only the output layer: softmax, whose gradient is folded into the loss's. */
  softmax: boolean;
}

export interface BatchNormStage extends BnWeights {
  kind: 'bn';
}

export interface ActivationStage {
  kind: 'activation';
  activation: Activation;
}

export type Stage = DenseStage | BatchNormStage | ActivationStage;

export interface MlpPlan {
  stages: Stage[];
  /** Every trainable variable, in stage order: the order of the gradients a step returns. */
  trainable: tf.Variable[];
}

const ACTIVATIONS: readonly string[] = ['relu', 'sigmoid', 'tanh'] satisfies Activation[];

/** The variable behind a layer weight: LayerVariable.read() hands out the tf.Variable itself, not a copy. */
function variableOf(w: tf.LayerVariable | undefined): tf.Variable | null {
  return w ? (w.read() as tf.Variable) : null;
}

function denseStage(layer: tf.layers.Layer, config: tf.serialization.ConfigDict, last: boolean): DenseStage | null {
  const weights = weightsByName(layer);
  const kernel = variableOf(weights.get('kernel'));
  if (!kernel || kernel.shape.length !== 2) return null;
  const activation = config['activation'];
  if (last ? activation !== 'softmax' : activation !== 'linear') return null;
  if (config['kernelConstraint'] || config['biasConstraint'] || config['kernelRegularizer'] || config['biasRegularizer']) return null;
  return { kind: 'dense', kernel, bias: variableOf(weights.get('bias')), softmax: last };
}

function batchNormStage(layer: tf.layers.Layer, config: tf.serialization.ConfigDict): BatchNormStage | null {
  const axis = config['axis'];
  if (axis !== -1 && !(Array.isArray(axis) && axis.length === 1 && axis[0] === -1)) return null;
  const weights = bnWeights(layer);
  return weights ? { kind: 'bn', ...weights } : null;
}

/** The plan of a model the hand-written step can train, or null (then the model trains through autodiff). */
export function planMlp(model: tf.LayersModel): MlpPlan | null {
  const layers = model.layers;
  const first = layers[0];
  if (!first || first.getClassName() !== 'Flatten') return null;
  const stages: Stage[] = [];
  for (let i = 1; i < layers.length; i++) {
    const layer = layers[i];
    if (!layer || !layer.trainable) return null;
    const config = layer.getConfig();
    let stage: Stage | null = null;
    switch (layer.getClassName()) {
      case 'Dense':
        stage = denseStage(layer, config, i === layers.length - 1);
        break;
      case 'BatchNormalization':
        stage = batchNormStage(layer, config);
        break;
      case 'Activation': {
        const activation = config['activation'];
        stage = typeof activation === 'string' && ACTIVATIONS.includes(activation) ? { kind: 'activation', activation: activation as Activation } : null;
        break;
      }
      default:
        stage = null;
    }
    if (!stage) return null;
    stages.push(stage);
  }
  const last = stages[stages.length - 1];
  if (!last || last.kind !== 'dense' || !last.softmax) return null;
  const trainable: tf.Variable[] = [];
  for (const s of stages) {
    if (s.kind === 'dense') trainable.push(...[s.kernel, s.bias].filter((v): v is tf.Variable => v !== null));
    if (s.kind === 'bn') {
      if (s.gamma) trainable.push(s.gamma);
      if (s.beta) trainable.push(s.beta);
    }
  }
  return { stages, trainable };
}
