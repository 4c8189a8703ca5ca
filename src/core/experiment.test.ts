import * as tf from '@tensorflow/tfjs';
import { beforeAll, describe, expect, it } from 'vitest';
import { runExperiment } from './experiment';
import type { Mnist } from '../data/mnist';
import { DEFAULT_CONFIG, type TrainConfig } from '../shared/config';
import type { EpochMetrics } from '../shared/metrics';
import type { Divergence, SomeNets } from '../shared/protocol';
import { loadMnistForTests } from '../test-support/nodeMnist';
import { useCpuBackend } from '../test-support/tfCpu';

let mnist: Mnist;
beforeAll(async () => {
  await useCpuBackend();
  // Validating on 500 test images keeps these CPU runs quick; the app validates on all 10,000.
  mnist = await loadMnistForTests(500);
});

const quick = (over: Partial<TrainConfig> = {}): TrainConfig => ({
  ...DEFAULT_CONFIG,
  epochs: 1,
  trainSize: 640,
  batchSize: 64,
  ...over,
});

async function curves(config: TrainConfig): Promise<Array<SomeNets<EpochMetrics>>> {
  const out: Array<SomeNets<EpochMetrics>> = [];
  await runExperiment(mnist, config, { onEpoch: (_, __, m) => out.push(m) });
  return out;
}

function must<T>(value: T | undefined): T {
  if (value === undefined) throw new Error('missing value');
  return value;
}

describe('runExperiment', () => {
  it('gives the same curves for the same seed, and different ones for another seed', async () => {
    const a = await curves(quick({ seed: 3 }));
    const b = await curves(quick({ seed: 3 }));
    const strip = (runs: Array<SomeNets<EpochMetrics>>) =>
      runs.map((m) => [m.bn?.loss, m.bn?.valAccuracy, m.plain?.loss, m.plain?.valLoss]);
    expect(strip(b)).toEqual(strip(a));
    expect(strip(await curves(quick({ seed: 4 })))).not.toEqual(strip(a));
  });

  it('reports each epoch for both nets with sensible values and streams progress', async () => {
    const progress: number[] = [];
    const epochs: Array<SomeNets<EpochMetrics>> = [];
    let started: number | null = null;
    const outcome = await runExperiment(mnist, quick({ epochs: 2, trainSize: 1000, batchSize: 100 }), {
      onStart: ({ stepsPerEpoch, params }) => {
        started = stepsPerEpoch;
        expect(params.bn?.total).toBe(110_154);
      },
      onProgress: (r) => progress.push(r.step),
      onEpoch: (_, __, m) => epochs.push(m),
      progressIntervalMs: 0,
    });
    expect(outcome).toBe('completed');
    expect(started).toBe(10);
    expect(progress).toEqual([1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10]);
    expect(epochs).toHaveLength(2);
    for (const m of epochs) {
      for (const net of [must(m.bn), must(m.plain)]) {
        expect(net.loss).toBeGreaterThan(0);
        expect(net.accuracy).toBeGreaterThan(0.3);
        expect(net.valAccuracy).toBeGreaterThan(0.3);
        expect(net.seconds).toBeGreaterThan(0);
      }
    }
    expect(epochs[1]?.plain?.loss).toBeLessThan(epochs[0]?.plain?.loss ?? 0);
  });

  it('leaves no tensor behind, and tensor count is flat across epochs', async () => {
    const before = tf.memory().numTensors;
    const perEpoch: number[] = [];
    await runExperiment(mnist, quick({ epochs: 3, trainSize: 256 }), {
      onEpoch: () => perEpoch.push(tf.memory().numTensors),
    });
    expect(new Set(perEpoch).size).toBe(1);
    expect(tf.memory().numTensors).toBe(before);
  });

  it('stops within one batch when asked', async () => {
    let yields = 0;
    let stop = false;
    const before = tf.memory().numTensors;
    const steps: number[] = [];
    const outcome = await runExperiment(mnist, quick({ trainSize: 6400 }), {
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
      runExperiment(mnist, quick(), {
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
    const outcome = await runExperiment(mnist, quick({ trainSize: 6400 }), {
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

  it('trains only the net asked for', async () => {
    const epochs: Array<SomeNets<EpochMetrics>> = [];
    const running: string[][] = [];
    await runExperiment(mnist, quick({ nets: 'plain', trainSize: 256 }), {
      onStart: ({ params }) => expect(Object.keys(params)).toEqual(['plain']),
      onProgress: (r) => running.push(Object.keys(r.running)),
      onEpoch: (_, __, m) => epochs.push(m),
    });
    expect(epochs.map((m) => Object.keys(m))).toEqual([['plain']]);
    expect(running.every((keys) => keys.join() === 'plain')).toBe(true);
  });

  it("runs the experiment with seed, seed + 1, … and each seed's run is the one-seed run of that seed", async () => {
    const bySeed: Array<SomeNets<EpochMetrics>> = [];
    const seeds: number[] = [];
    await runExperiment(mnist, quick({ seeds: 2, seed: 10, trainSize: 256 }), {
      onEpoch: (seedIndex, _, m) => {
        seeds.push(seedIndex);
        bySeed.push(m);
      },
    });
    expect(seeds).toEqual([0, 1]);
    const second = await curves(quick({ seed: 11, trainSize: 256 }));
    expect(bySeed[1]?.bn?.valLoss).toBe(second[0]?.bn?.valLoss);
    expect(bySeed[0]?.bn?.valLoss).not.toBe(bySeed[1]?.bn?.valLoss);
  });

  it('reports a net whose loss turns NaN, stops it, and lets the other train on', async () => {
    const diverged: Divergence[] = [];
    const epochs: Array<SomeNets<EpochMetrics>> = [];
    const running: string[][] = [];
    const before = tf.memory().numTensors;
    const outcome = await runExperiment(mnist, quick({ epochs: 2, trainSize: 640, batchSize: 64 }), {
      // Poison the plain net before its first step: its very first loss is NaN.
      onNetsBuilt: (_, models) => {
        const layer = must(models.plain).getLayer('dense_1');
        const weights = tf.tidy(() => layer.getWeights().map((w) => tf.fill(w.shape, Number.NaN)));
        layer.setWeights(weights);
        weights.forEach((w) => w.dispose());
      },
      onDiverged: (d) => diverged.push(d),
      onProgress: (r) => running.push(Object.keys(r.running)),
      onEpoch: (_, __, m) => epochs.push(m),
      progressIntervalMs: 0,
    });
    expect(outcome).toBe('completed');
    expect(diverged).toEqual([{ net: 'plain', seedIndex: 0, epoch: 1, step: 1 }]);
    expect(running[0]).toEqual(['bn']);
    expect(epochs.map((m) => Object.keys(m))).toEqual([['bn'], ['bn']]);
    expect(must(epochs[1]?.bn).valAccuracy).toBeGreaterThan(0.5);
    expect(tf.memory().numTensors).toBe(before);
  });

  it('names the epoch and step of a divergence found later in the run', async () => {
    const diverged: Divergence[] = [];
    let steps = 0;
    let poison: (() => void) | null = null;
    await runExperiment(mnist, quick({ epochs: 2, trainSize: 640, batchSize: 64, nets: 'bn' }), {
      onNetsBuilt: (_, models) => {
        const layer = must(models.bn).getLayer('dense_0');
        poison = () => {
          const weights = tf.tidy(() => layer.getWeights().map((w) => tf.fill(w.shape, Number.POSITIVE_INFINITY)));
          layer.setWeights(weights);
          weights.forEach((w) => w.dispose());
        };
      },
      // 10 steps and one validation yield an epoch: the 13th yield follows epoch 2's second step, so its third is bad.
      yieldControl: async () => {
        steps += 1;
        if (steps === 13) poison?.();
      },
      onDiverged: (d) => diverged.push(d),
      progressIntervalMs: 60_000,
    });
    expect(diverged).toEqual([{ net: 'bn', seedIndex: 0, epoch: 2, step: 3 }]);
  });

  it("hands each seed's trained models to an adopter, which then owns them", async () => {
    const before = tf.memory().numTensors;
    const adopted: Array<SomeNets<tf.LayersModel>> = [];
    await runExperiment(mnist, quick({ trainSize: 256, seeds: 2 }), {
      adoptModels: (_, models) => adopted.push(models),
    });
    expect(adopted.map((m) => Object.keys(m))).toEqual([
      ['bn', 'plain'],
      ['bn', 'plain'],
    ]);
    // Still usable: the loop freed its optimizers and accumulators, not the models.
    const out = tf.tidy(() => (must(adopted[1]?.bn).predict(tf.zeros([1, 28, 28])) as tf.Tensor).shape);
    expect(out).toEqual([1, 10]);
    for (const models of adopted) for (const m of Object.values(models)) m.dispose();
    expect(tf.memory().numTensors).toBe(before);
  });
});
