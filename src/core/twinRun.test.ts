import * as tf from '@tensorflow/tfjs';
import { beforeAll, describe, expect, it } from 'vitest';
import { buildNet } from './models';
import { meanCrossEntropy } from './losses';
import { kerasAdam, NetTrainer } from './netTrainer';
import { disposeBatch, ResidentSplit } from './residentData';
import { runTwins } from './twinRun';
import { loadMnist, type Mnist } from '../data/mnist';
import { DEFAULT_CONFIG, type TrainConfig } from '../shared/config';
import type { EpochMetrics } from '../shared/metrics';
import type { PerNet } from '../shared/protocol';
import { nodeSource } from '../test-support/nodeMnist';
import { useCpuBackend } from '../test-support/tfCpu';

let mnist: Mnist;
beforeAll(async () => {
  await useCpuBackend();
  const full = await loadMnist(nodeSource);
  // Validating on 500 test images keeps these CPU runs quick; the app validates on all 10,000.
  const n = 500;
  mnist = { train: full.train, test: { count: n, images: full.test.images.subarray(0, n * 784), labels: full.test.labels.subarray(0, n) } };
});

const quick = (over: Partial<TrainConfig> = {}): TrainConfig => ({ ...DEFAULT_CONFIG, epochs: 1, trainSize: 640, batchSize: 64, ...over });

async function curves(config: TrainConfig): Promise<Array<PerNet<EpochMetrics>>> {
  const out: Array<PerNet<EpochMetrics>> = [];
  await runTwins(mnist, config, { onEpoch: (_, m) => out.push(m) });
  return out;
}

describe('NetTrainer', () => {
  it('reports the epoch loss and accuracy as the batch-size-weighted mean of the batches (hand computation)', async () => {
    const split = new ResidentSplit(mnist.train, 200);
    const net = new NetTrainer(buildNet(false, 5), kerasAdam(0.001));
    const sizes = [32, 32, 10];
    let lossTimesN = 0;
    let correct = 0;
    let start = 0;
    for (const n of sizes) {
      const batch = split.range(start, n);
      // The plain net has no BN, so inference and training mode agree: this is the loss the step will see.
      const [loss, hits] = tf.tidy(() => {
        const probs = net.model.predict(batch.x) as tf.Tensor2D;
        const predicted = probs.argMax(1).dataSync();
        const labels = batch.y.dataSync();
        return [meanCrossEntropy(batch.y, probs).dataSync()[0] ?? NaN, predicted.filter((p, i) => p === labels[i]).length];
      });
      lossTimesN += loss * n;
      correct += hits;
      net.step(batch);
      disposeBatch(batch);
      start += n;
    }
    const running = await net.running();
    expect(running.loss).toBeCloseTo(lossTimesN / 74, 5);
    expect(running.accuracy).toBeCloseTo(correct / 74, 10);
    net.resetEpoch();
    expect(Number.isNaN((await net.running()).loss)).toBe(true);
    net.dispose();
    split.dispose();
  });

  it('lowers the loss in a few steps', async () => {
    const split = new ResidentSplit(mnist.train, 640);
    const test = new ResidentSplit(mnist.test, 500);
    for (const bn of [true, false]) {
      const net = new NetTrainer(buildNet(bn, 9), kerasAdam(0.001));
      const before = await net.evaluate(test);
      for (let i = 0; i < 10; i++) {
        const batch = split.range(i * 64, 64);
        net.step(batch);
        disposeBatch(batch);
      }
      const after = await net.evaluate(test);
      expect(after.loss).toBeLessThan(before.loss - 0.3);
      expect(after.accuracy).toBeGreaterThan(before.accuracy + 0.2);
      net.dispose();
    }
    split.dispose();
    test.dispose();
  });
});

describe('runTwins', () => {
  it('gives the same curves for the same seed, and different ones for another seed', async () => {
    const a = await curves(quick({ seed: 3 }));
    const b = await curves(quick({ seed: 3 }));
    const strip = (runs: Array<PerNet<EpochMetrics>>) => runs.map((m) => [m.bn.loss, m.bn.valAccuracy, m.plain.loss, m.plain.valLoss]);
    expect(strip(b)).toEqual(strip(a));
    expect(strip(await curves(quick({ seed: 4 })))).not.toEqual(strip(a));
  });

  it('reports each epoch for both nets with sensible values and streams progress', async () => {
    const progress: number[] = [];
    const epochs: Array<PerNet<EpochMetrics>> = [];
    let started: number | null = null;
    const outcome = await runTwins(mnist, quick({ epochs: 2, trainSize: 1000, batchSize: 100 }), {
      onStart: ({ stepsPerEpoch, params }) => {
        started = stepsPerEpoch;
        expect(params.bn.total).toBe(110_154);
      },
      onProgress: (r) => progress.push(r.step),
      onEpoch: (_, m) => epochs.push(m),
      progressIntervalMs: 0,
    });
    expect(outcome).toBe('completed');
    expect(started).toBe(10);
    expect(progress).toEqual([1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10]);
    expect(epochs).toHaveLength(2);
    for (const m of epochs) {
      for (const net of [m.bn, m.plain]) {
        expect(net.loss).toBeGreaterThan(0);
        expect(net.accuracy).toBeGreaterThan(0.3);
        expect(net.valAccuracy).toBeGreaterThan(0.3);
        expect(net.seconds).toBeGreaterThan(0);
      }
    }
    expect(epochs[1]?.plain.loss).toBeLessThan(epochs[0]?.plain.loss ?? 0);
  });

  it('leaves no tensor behind, and tensor count is flat across epochs', async () => {
    const before = tf.memory().numTensors;
    const perEpoch: number[] = [];
    await runTwins(mnist, quick({ epochs: 3, trainSize: 256 }), { onEpoch: () => perEpoch.push(tf.memory().numTensors) });
    expect(new Set(perEpoch).size).toBe(1);
    expect(tf.memory().numTensors).toBe(before);
  });

  it('stops within one batch when asked', async () => {
    let yields = 0;
    let stop = false;
    const before = tf.memory().numTensors;
    const steps: number[] = [];
    const outcome = await runTwins(mnist, quick({ trainSize: 6400 }), {
      shouldStop: () => stop,
      yieldControl: async () => {
        yields += 1;
        if (yields === 3) stop = true;
      },
      onProgress: (r) => steps.push(r.step),
      progressIntervalMs: 0,
    });
    expect(outcome).toBe('stopped');
    expect(steps).toEqual([1, 2, 3]);
    expect(tf.memory().numTensors).toBe(before);
  });

  it('frees the backend when a run fails midway', async () => {
    const before = tf.memory().numTensors;
    await expect(
      runTwins(mnist, quick(), {
        onProgress: () => {
          throw new Error('listener failed');
        },
      }),
    ).rejects.toThrow('listener failed');
    expect(tf.memory().numTensors).toBe(before);
  });

  it('reports exactly where a stopped run stopped, even between progress reports', async () => {
    let yields = 0;
    const steps: number[] = [];
    const outcome = await runTwins(mnist, quick({ trainSize: 6400 }), {
      shouldStop: () => yields >= 5,
      yieldControl: async () => {
        yields += 1;
      },
      onProgress: (r) => steps.push(r.step),
      progressIntervalMs: 60_000,
    });
    expect(outcome).toBe('stopped');
    expect(steps).toEqual([5]);
  });
});
