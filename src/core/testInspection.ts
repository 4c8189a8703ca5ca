// Each net's verdict on every test image, in inference mode, plus a seeded sample of test images for the gallery.
// Imports TF.js only (no DOM, no React).
import * as tf from '@tensorflow/tfjs';
import { IMAGE_SIDE, IMAGE_SIZE, NUM_CLASSES } from '../data/idx';
import type { Split } from '../data/mnist';
import { mulberry32, permutation } from '../data/shuffle';
import { NET_IDS } from '../shared/metrics';
import type { SomeNets, TestInspection } from '../shared/protocol';

/** Large enough to keep the backend busy, small enough that one batch's activations stay a few MB. */
export const INSPECT_BATCH = 1000;

/**
 * Arg-max predictions of each net for the whole split, and `sampleSize` distinct images chosen by `sampleSeed`
 * (the same seed picks the same images, so the gallery can be watched from epoch to epoch).
 */
export async function inspectTest(
  models: SomeNets<tf.LayersModel>,
  test: Split,
  sampleSize: number,
  sampleSeed: number,
  batchSize = INSPECT_BATCH,
): Promise<TestInspection> {
  if (!Number.isInteger(batchSize) || batchSize < 1)
    throw new RangeError(`The batch size must be a whole number ≥ 1, not ${batchSize}.`);
  if (!Number.isInteger(sampleSize) || sampleSize < 0)
    throw new RangeError(`The sample size must be a whole number ≥ 0, not ${sampleSize}.`);
  if (test.images.length !== test.count * IMAGE_SIZE || test.labels.length !== test.count) {
    throw new RangeError(
      `The test split says ${test.count} images but holds ${test.images.length / IMAGE_SIZE} images and ${test.labels.length} labels.`,
    );
  }
  const predicted: SomeNets<Uint8Array> = {};
  for (const id of NET_IDS) if (models[id]) predicted[id] = new Uint8Array(test.count);

  for (let start = 0; start < test.count; start += batchSize) {
    const size = Math.min(batchSize, test.count - start);
    const digits = tf.tidy(() => {
      const x = tf.tensor3d(test.images.subarray(start * IMAGE_SIZE, (start + size) * IMAGE_SIZE), [
        size,
        IMAGE_SIDE,
        IMAGE_SIDE,
      ]);
      const out: SomeNets<tf.Tensor> = {};
      for (const id of NET_IDS) {
        const model = models[id];
        if (!model) continue;
        const probs = model.apply(x, { training: false }) as tf.Tensor;
        if (probs.shape.length !== 2 || probs.shape[1] !== NUM_CLASSES) {
          throw new Error(
            `The ${id} net gave outputs of shape [${probs.shape.join(', ')}], not [${size}, ${NUM_CLASSES}].`,
          );
        }
        out[id] = tf.argMax(probs, -1);
      }
      return out;
    });
    try {
      for (const id of NET_IDS) {
        const t = digits[id];
        const target = predicted[id];
        if (t && target) target.set(await t.data(), start);
      }
    } finally {
      for (const id of NET_IDS) digits[id]?.dispose();
    }
  }

  return {
    // A copy: the result may be transferred to the page, which would detach the worker's own labels.
    labels: test.labels.slice(),
    predicted,
    sample: sampleImages(test, sampleSize, sampleSeed),
  };
}

/** Distinct images in ascending index order (easier to find again), their pixels back in 0–255. */
export function sampleImages(test: Split, sampleSize: number, sampleSeed: number): TestInspection['sample'] {
  const size = Math.min(sampleSize, test.count);
  const indices = permutation(test.count, mulberry32(sampleSeed)).slice(0, size).sort();
  const pixels = new Uint8Array(size * IMAGE_SIZE);
  indices.forEach((index, k) => {
    const from = index * IMAGE_SIZE;
    for (let p = 0; p < IMAGE_SIZE; p++) pixels[k * IMAGE_SIZE + p] = Math.round((test.images[from + p] ?? 0) * 255);
  });
  return { indices, pixels };
}
