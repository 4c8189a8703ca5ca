// The data, uploaded to the backend once per run, and batches gathered there by index: no per-batch uploads.
// (On WASM, `slice` copies the whole 60k×784 source per call — ~80 ms a step — while `gather` does not.)
// Imports TF.js only.
import * as tf from '@tensorflow/tfjs';
import { IMAGE_SIDE, IMAGE_SIZE } from '../data/idx';
import type { Split } from '../data/mnist';

export interface Batch {
  /** [b, 28, 28] pixels in [0,1]. */
  x: tf.Tensor3D;
  /** [b] int32 labels. */
  y: tf.Tensor1D;
}

export class ResidentSplit {
  readonly count: number;
  private readonly images: tf.Tensor2D;
  private readonly labels: tf.Tensor1D;

  /** Keeps the first `limit` examples of the split. */
  constructor(split: Split, limit = split.count) {
    this.count = Math.min(limit, split.count);
    this.images = tf.tensor2d(split.images.subarray(0, this.count * IMAGE_SIZE), [this.count, IMAGE_SIZE], 'float32');
    this.labels = tf.tensor1d(Int32Array.from(split.labels.subarray(0, this.count)), 'int32');
  }

  /** Gathers the examples at `indices` (caller disposes the batch). */
  gather(indices: Int32Array): Batch {
    return tf.tidy(() => {
      const idx = tf.tensor1d(indices, 'int32');
      const x = tf.reshape(tf.gather(this.images, idx), [indices.length, IMAGE_SIDE, IMAGE_SIDE]) as tf.Tensor3D;
      return { x, y: tf.gather(this.labels, idx) };
    });
  }

  /** Contiguous examples [start, start + size), e.g. for evaluation in large batches. */
  range(start: number, size: number): Batch {
    const indices = new Int32Array(size);
    for (let i = 0; i < size; i++) indices[i] = start + i;
    return this.gather(indices);
  }

  dispose(): void {
    this.images.dispose();
    this.labels.dispose();
  }
}

export function disposeBatch(batch: Batch): void {
  batch.x.dispose();
  batch.y.dispose();
}
