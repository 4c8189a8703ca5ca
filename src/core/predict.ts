// One drawn digit through the nets in inference mode (BN uses its running statistics). Imports TF.js only.
import * as tf from '@tensorflow/tfjs';
import { IMAGE_SIDE, IMAGE_SIZE, NUM_CLASSES } from '../data/idx';
import { NET_IDS } from '../shared/metrics';
import type { SomeNets } from '../shared/protocol';

/** Each net's ten probabilities for one 28×28 image (784 values in [0,1], row-major, as the training data). */
export async function predictDigit(
  models: SomeNets<tf.LayersModel>,
  pixels: Float32Array,
): Promise<SomeNets<number[]>> {
  if (pixels.length !== IMAGE_SIZE) throw new RangeError(`A digit has ${IMAGE_SIZE} pixels, not ${pixels.length}.`);
  const outputs = tf.tidy(() => {
    const x = tf.tensor3d(pixels, [1, IMAGE_SIDE, IMAGE_SIDE]);
    const out: SomeNets<tf.Tensor> = {};
    for (const id of NET_IDS) {
      const model = models[id];
      if (model) out[id] = model.apply(x, { training: false }) as tf.Tensor;
    }
    return out;
  });
  const result: SomeNets<number[]> = {};
  try {
    for (const id of NET_IDS) {
      const t = outputs[id];
      if (!t) continue;
      const values = Array.from(await t.data());
      if (values.length !== NUM_CLASSES)
        throw new Error(`The ${id} net gave ${values.length} outputs, not ${NUM_CLASSES}.`);
      result[id] = values;
    }
  } finally {
    for (const id of NET_IDS) outputs[id]?.dispose();
  }
  return result;
}
