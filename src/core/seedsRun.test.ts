// All seeds of a run trained in one batched step (seedsRun.ts) against the same seeds trained one after another and
// against each seed's own one-seed run: the same curves within float rounding, the same divergences, the same
// models handed over, and no tensor left behind.
import * as tf from '@tensorflow/tfjs';
import { beforeAll, describe, expect, it } from 'vitest';
import { runExperiment, seedsTogetherByDefault, type RunOptions } from './experiment';
import type { Mnist } from '../data/mnist';
import { DEFAULT_CONFIG, type TrainConfig } from '../shared/config';
import { NET_IDS, type EpochMetrics } from '../shared/metrics';
import type { Divergence, ProgressReport, SomeNets } from '../shared/protocol';
import { trainedNets } from '../shared/netNames';
import { loadMnistForTests } from '../test-support/nodeMnist';
import { useCpuBackend } from '../test-support/tfCpu';

let mnist: Mnist;
beforeAll(async () => {
  await useCpuBackend();
  mnist = await loadMnistForTests(500);
});

const quick = (over: Partial<TrainConfig> = {}): TrainConfig => ({
  ...DEFAULT_CONFIG,
  epochs: 2,
  trainSize: 384,
  batchSize: 64,
  ...over,
});

interface Recorded {
  /** "repeat/epoch" → metrics, in the order the events came. */
  epochs: Map<string, SomeNets<EpochMetrics>>;
  order: string[];
  diverged: Divergence[];
  progress: ProgressReport[];
  weights: Array<SomeNets<Float32Array[]>>;
  adoptOrder: number[];
}

/** Seeds together unless `options` says otherwise (on the CPU backend of these tests the default is in turn). */
async function record(config: TrainConfig, options: RunOptions = { seedMode: 'together' }): Promise<Recorded> {
  const out: Recorded = { epochs: new Map(), order: [], diverged: [], progress: [], weights: [], adoptOrder: [] };
  await runExperiment(
    mnist,
    config,
    {
      onEpoch: (seedIndex, epoch, metrics) => {
        out.epochs.set(`${seedIndex}/${epoch}`, metrics);
        out.order.push(`${seedIndex}/${epoch}`);
      },
      onDiverged: (d) => out.diverged.push(d),
      onProgress: (r) => out.progress.push(r),
      adoptModels: (seedIndex, models) => {
        out.adoptOrder.push(seedIndex);
        const w: SomeNets<Float32Array[]> = {};
        for (const net of NET_IDS) {
          const model = models[net];
          if (!model) continue;
          w[net] = model.getWeights().map((t) => t.dataSync() as Float32Array);
          model.dispose();
        }
        out.weights[seedIndex] = w;
      },
      progressIntervalMs: 0,
    },
    options,
  );
  return out;
}

const FIELDS = ['loss', 'accuracy', 'valLoss', 'valAccuracy'] as const;
const TOGETHER: RunOptions = { seedMode: 'together' };

function expectSameCurves(a: SomeNets<EpochMetrics> | undefined, b: SomeNets<EpochMetrics> | undefined): void {
  expect(Object.keys(a ?? {})).toEqual(Object.keys(b ?? {}));
  for (const net of NET_IDS) {
    const x = a?.[net];
    const y = b?.[net];
    if (!x || !y) continue;
    // Float rounding: a batched matmul may add in another order; over 20 steps that stays in the 5th digit.
    for (const f of FIELDS) expect(x[f], `${net} ${f}`).toBeCloseTo(y[f], 4);
  }
}

describe('seeds trained together', () => {
  it('give every seed the curve of its one-seed run, event by event', async () => {
    const config = quick({ seed: 11, seeds: 3 });
    const together = await record(config);
    const inTurn = await record(config, { seedMode: 'in-turn' });
    // An epoch event for every seed at every epoch, the seeds side by side.
    expect(together.order).toEqual(['0/1', '1/1', '2/1', '0/2', '1/2', '2/2']);
    expect([...inTurn.epochs.keys()].sort()).toEqual([...together.epochs.keys()].sort());
    for (const key of together.epochs.keys()) expectSameCurves(together.epochs.get(key), inTurn.epochs.get(key));
    // And seed 12 (repeat 1) alone, as `seed=12&seeds=1` would train it.
    const alone = await record(quick({ seed: 12, seeds: 1 }));
    for (const epoch of [1, 2]) expectSameCurves(together.epochs.get(`1/${epoch}`), alone.epochs.get(`0/${epoch}`));
  });

  it("hand over each seed's trained models with its own weights", async () => {
    const config = quick({ seed: 5, seeds: 2, epochs: 1 });
    const together = await record(config);
    const inTurn = await record(config, { seedMode: 'in-turn' });
    expect(together.weights).toHaveLength(2);
    // Seed 0's models are handed over last (they answered predictions during the run; the caller keeps the last).
    expect(together.adoptOrder).toEqual([1, 0]);
    for (let k = 0; k < 2; k++) {
      for (const net of trainedNets(config)) {
        const a = together.weights[k]?.[net] ?? [];
        const b = inTurn.weights[k]?.[net] ?? [];
        // Kernels, biases, γ, β and the running statistics: every weight the model saves and predicts with.
        expect(a.length).toBe(b.length);
        expect(a.length).toBeGreaterThan(0);
        a.forEach((w, i) => {
          const v = b[i] ?? new Float32Array();
          const worst = w.reduce((m, x, j) => Math.max(m, Math.abs(x - (v[j] ?? Number.NaN))), 0);
          expect(worst, `${net} weight ${i}`).toBeLessThan(1e-4);
        });
      }
    }
    // Two seeds' weights differ: nothing was shared between them.
    expect(together.weights[0]?.bn?.[0]).not.toEqual(together.weights[1]?.bn?.[0]);
  });

  it('report progress for all seeds at once, and each divergence with its net and seed', async () => {
    // Plain SGD at an absurd learning rate: the weights overflow to ±∞ within a few steps and the losses turn NaN.
    const config = quick({ seed: 1, seeds: 3, optimizer: 'sgd', lr: 1e25, epochs: 1, trainSize: 384 });
    const together = await record(config);
    const inTurn = await record(config, { seedMode: 'in-turn' });
    expect(together.diverged.length).toBeGreaterThan(0);
    const key = (d: Divergence) => `${d.net} ${d.seedIndex} ${d.epoch} ${d.step}`;
    expect(together.diverged.map(key).sort()).toEqual(inTurn.diverged.map(key).sort());
    // A diverged net of a seed has no epoch row for that seed; the others do.
    for (const d of together.diverged) expect(together.epochs.get(`${d.seedIndex}/1`)?.[d.net]).toBeUndefined();
    expect(together.progress.every((p) => p.seedIndex === 0 && p.seedsTogether === 3)).toBe(true);
    expect(inTurn.progress.every((p) => p.seedsTogether === undefined)).toBe(true);
  });

  it('leave no tensor behind across runs, stopped or completed, and stay flat across epochs', async () => {
    const before = tf.memory().numTensors;
    const perEpoch: number[] = [];
    await runExperiment(
      mnist,
      quick({ seeds: 3, epochs: 3, trainSize: 256 }),
      {
        onEpoch: (seedIndex) => {
          if (seedIndex === 2) perEpoch.push(tf.memory().numTensors);
        },
      },
      TOGETHER,
    );
    expect(tf.memory().numTensors).toBe(before);
    expect(new Set(perEpoch).size).toBe(1);

    let steps = 0;
    const outcome = await runExperiment(
      mnist,
      quick({ seeds: 4, trainSize: 640 }),
      { shouldStop: () => ++steps > 5 },
      TOGETHER,
    );
    expect(outcome).toBe('stopped');
    expect(tf.memory().numTensors).toBe(before);

    // A run that fails halfway frees what it built too.
    await expect(
      runExperiment(
        mnist,
        quick({ seeds: 2 }),
        {
          onProgress: () => {
            throw new Error('listener broke');
          },
        },
        TOGETHER,
      ),
    ).rejects.toThrow('listener broke');
    expect(tf.memory().numTensors).toBe(before);
  });

  it('trains together by default on GPU backends only', () => {
    expect(seedsTogetherByDefault('webgl')).toBe(true);
    expect(seedsTogetherByDefault('webgpu')).toBe(true);
    expect(seedsTogetherByDefault('wasm')).toBe(false);
    expect(seedsTogetherByDefault('cpu')).toBe(false);
  });

  it('keeps the seeds in turn where batching does not apply: one seed, or the autodiff step', async () => {
    const one = await record(quick({ seeds: 1, epochs: 1 }));
    expect(one.order).toEqual(['0/1']);
    expect(one.progress.every((p) => p.seedsTogether === undefined)).toBe(true);
    const autodiff = await record(quick({ seeds: 2, epochs: 1 }), { seedMode: 'together', step: 'autodiff' });
    expect(autodiff.order).toEqual(['0/1', '1/1']);
    expect(autodiff.progress.every((p) => p.seedsTogether === undefined)).toBe(true);
  });

  it('keeps the seeds in turn, leaking nothing, when a net has a per-example normalization (no seed axis yet)', async () => {
    const before = tf.memory().numTensors;
    const norms = await record(quick({ seeds: 2, epochs: 1, norms: ['batch', 'layer'] }), {
      seedMode: 'together',
    });
    expect(norms.order).toEqual(['0/1', '1/1']);
    expect(norms.progress.every((p) => p.seedsTogether === undefined)).toBe(true);
    expect(tf.memory().numTensors).toBe(before);
  });
});
