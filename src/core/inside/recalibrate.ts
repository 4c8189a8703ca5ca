// The BN paper's Algorithm 2: population statistics for inference, E[x] = E_B[μ_B] and Var[x] = m/(m−1)·E_B[σ²_B],
// averaged over the training set's mini-batches of size m, with every earlier layer in training mode (batch
// statistics) as in the paper. The nets are not changed: the statistics are returned and the test accuracy with them
// is measured beside the one with the running averages. Also the accuracy in either mode, for the modes chart.
// Imports TF.js only.
import * as tf from '@tensorflow/tfjs';
import { IMAGE_SIDE, IMAGE_SIZE } from '../../data/idx';
import type { Split } from '../../data/mnist';
import type { RecalibrationResult } from '../../shared/inside';
import { probeForward, type StatsMode } from './probeForward';

/** Per-unit population mean and variance from equal-size batches' means and biased variances. */
export function populationStatistics(
  batchMeans: readonly ArrayLike<number>[],
  batchVariances: readonly ArrayLike<number>[],
  m: number,
): { mean: Float64Array; variance: Float64Array } {
  const batches = batchMeans.length;
  if (batches === 0 || batchVariances.length !== batches)
    throw new Error('Population statistics need the same number (≥ 1) of batch means and variances.');
  if (m < 2)
    throw new Error(
      'Population statistics need mini-batches of at least 2 examples (the variance is scaled by m/(m−1)).',
    );
  const units = batchMeans[0]?.length ?? 0;
  const mean = new Float64Array(units);
  const variance = new Float64Array(units);
  for (let b = 0; b < batches; b++) {
    const mu = batchMeans[b] ?? [];
    const v = batchVariances[b] ?? [];
    for (let u = 0; u < units; u++) {
      mean[u] = (mean[u] ?? 0) + (mu[u] ?? 0) / batches;
      variance[u] = (variance[u] ?? 0) + (v[u] ?? 0) / batches;
    }
  }
  const unbias = m / (m - 1);
  for (let u = 0; u < units; u++) variance[u] = (variance[u] ?? 0) * unbias;
  return { mean, variance };
}

/** Examples [start, start + size) of a split as an image batch and its labels (caller disposes). */
export function splitBatch(split: Split, start: number, size: number): { x: tf.Tensor3D; y: tf.Tensor1D } {
  return tf.tidy(() => ({
    x: tf.tensor3d(split.images.subarray(start * IMAGE_SIZE, (start + size) * IMAGE_SIZE), [
      size,
      IMAGE_SIDE,
      IMAGE_SIDE,
    ]),
    y: tf.tensor1d(Int32Array.from(split.labels.subarray(start, start + size)), 'int32'),
  }));
}

/**
 * Accuracy on the first `count` examples of a split, in batches of `batchSize`, with BN normalizing as `mode` says.
 * In batch mode the batch size matters (it is training mode on the test set); a last partial batch is left out there
 * so that every batch has the training batch size.
 */
export function accuracyWith(
  model: tf.LayersModel,
  split: Split,
  count: number,
  batchSize: number,
  mode: StatsMode,
): { accuracy: number; images: number } {
  const n = Math.min(count, split.count);
  const usable = mode.kind === 'batch' ? n - (n % batchSize) : n;
  let correct = 0;
  for (let start = 0; start < usable; start += batchSize) {
    const size = Math.min(batchSize, usable - start);
    const batch = splitBatch(split, start, size);
    try {
      correct += tf.tidy(() => {
        const probs = probeForward(model, batch.x, mode);
        return tf.sum(tf.cast(tf.equal(tf.argMax(probs, 1), batch.y), 'int32')).dataSync()[0] ?? 0;
      });
    } finally {
      tf.dispose([batch.x, batch.y]);
    }
  }
  return { accuracy: usable > 0 ? correct / usable : Number.NaN, images: usable };
}

/** Algorithm 2 over the first `trainCount` training examples in batches of m, then the test accuracy before and after. */
export function recalibrate(
  model: tf.LayersModel,
  train: Split,
  trainCount: number,
  m: number,
  test: Split,
): RecalibrationResult {
  const start = performance.now();
  const batches = Math.floor(Math.min(trainCount, train.count) / m);
  if (batches === 0) throw new Error(`The training set has fewer than one mini-batch of ${m}.`);
  const means = new Map<string, Float32Array[]>();
  const variances = new Map<string, Float32Array[]>();
  const hiddenOf = new Map<string, number>();
  for (let b = 0; b < batches; b++) {
    const batch = splitBatch(train, b * m, m);
    try {
      tf.tidy(() => {
        probeForward(model, batch.x, { kind: 'batch' }, (v) => {
          if (v.kind !== 'bn') return;
          hiddenOf.set(v.layerName, v.hidden);
          pushTo(means, v.layerName, v.mean.dataSync() as Float32Array);
          pushTo(variances, v.layerName, v.variance.dataSync() as Float32Array);
        });
      });
    } finally {
      tf.dispose([batch.x, batch.y]);
    }
  }
  const stats = new Map<string, { mean: tf.Tensor1D; variance: tf.Tensor1D }>();
  const shifts: RecalibrationResult['shifts'] = [];
  try {
    for (const [name, layerMeans] of means) {
      const population = populationStatistics(layerMeans, variances.get(name) ?? [], m);
      const mean = tf.tensor1d(Float32Array.from(population.mean));
      const variance = tf.tensor1d(Float32Array.from(population.variance));
      stats.set(name, { mean, variance });
      const layer = model.getLayer(name);
      const running = layer.weights.map((w) => ({ name: w.originalName, values: w.read().dataSync() }));
      const runningMean = running.find((w) => w.name.endsWith('/moving_mean'))?.values ?? [];
      const runningVar = running.find((w) => w.name.endsWith('/moving_variance'))?.values ?? [];
      shifts.push({
        layer: hiddenOf.get(name) ?? -1,
        mean: maxAbsDiff(population.mean, runningMean),
        variance: maxAbsDiff(population.variance, runningVar),
      });
    }
    const before = accuracyWith(model, test, test.count, 1000, { kind: 'running' }).accuracy;
    const after = accuracyWith(model, test, test.count, 1000, { kind: 'given', stats }).accuracy;
    return { before, after, batches, m, shifts, ms: performance.now() - start };
  } finally {
    for (const s of stats.values()) tf.dispose([s.mean, s.variance]);
  }
}

function pushTo<T>(map: Map<string, T[]>, key: string, value: T): void {
  const list = map.get(key);
  if (list) list.push(value);
  else map.set(key, [value]);
}

function maxAbsDiff(a: ArrayLike<number>, b: ArrayLike<number>): number {
  let max = 0;
  for (let i = 0; i < a.length; i++) max = Math.max(max, Math.abs((a[i] ?? 0) - (b[i] ?? 0)));
  return max;
}
