// Seeds trained in lanes (seedLanes.ts) against the same seeds one after another: the same epochs for every seed,
// the same divergences, the wave's progress never going back, Pause and Stop reaching the lanes, a failed lane's seed
// trained here instead, and no tensor left behind. The lanes here run in this thread (the same loop a lane worker
// runs), interleaved batch by batch.
import * as tf from '@tensorflow/tfjs';
import { beforeAll, describe, expect, it } from 'vitest';
import { runExperiment, runOneSeed, type RunHooks, type RunOptions } from './experiment';
import { ResidentSplit } from './residentData';
import type { LaneEvents, SeedLane, SeedLanes } from './seedLanes';
import type { Mnist } from '../data/mnist';
import { DEFAULT_CONFIG, type TrainConfig } from '../shared/config';
import type { EpochMetrics } from '../shared/metrics';
import type { Divergence, ProgressReport, SomeNets } from '../shared/protocol';
import { loadMnistForTests } from '../test-support/nodeMnist';
import { useCpuBackend } from '../test-support/tfCpu';

let mnist: Mnist;
beforeAll(async () => {
  await useCpuBackend();
  mnist = await loadMnistForTests(100);
});

const quick = (over: Partial<TrainConfig> = {}): TrainConfig => ({
  ...DEFAULT_CONFIG,
  epochs: 2,
  trainSize: 320,
  batchSize: 32,
  ...over,
});

const macrotask = (): Promise<void> => new Promise((resolve) => setImmediate(resolve));

/** A lane that trains in this thread, as a lane worker would; `failAt` makes it throw after that many positions. */
class InThreadLane implements SeedLane {
  stopAsked = false;
  holds = 0;
  releases = 0;
  seeds: number[] = [];
  private held: { promise: Promise<void>; release: () => void } | null = null;

  constructor(private readonly failAt: number | null = null) {}

  async train(config: TrainConfig, seedIndex: number, events: LaneEvents): Promise<'completed' | 'stopped'> {
    this.seeds.push(seedIndex);
    this.stopAsked = false;
    let positions = 0;
    const data = { train: new ResidentSplit(mnist.train, config.trainSize), test: new ResidentSplit(mnist.test) };
    try {
      return await runOneSeed(data, config, seedIndex, {
        onEpoch: (s, epoch, metrics) => events.onEpoch(s, epoch, metrics),
        onDiverged: (d) => events.onDiverged(d),
        onProgress: (r) => {
          positions++;
          if (this.failAt !== null && positions >= this.failAt) throw new Error('lane lost');
          events.onPosition(r.epoch, r.step);
        },
        shouldStop: () => this.stopAsked,
        awaitTurn: () => this.held?.promise ?? null,
        yieldControl: macrotask,
        progressIntervalMs: 0,
      });
    } finally {
      data.train.dispose();
      data.test.dispose();
    }
  }

  hold(): void {
    this.holds++;
    if (this.held) return;
    let release = (): void => {};
    const promise = new Promise<void>((resolve) => {
      release = resolve;
    });
    this.held = { promise, release };
  }

  release(): void {
    this.releases++;
    const h = this.held;
    this.held = null;
    h?.release();
  }

  stop(): void {
    this.stopAsked = true;
    this.release();
  }
}

interface Recorded {
  epochs: Map<string, SomeNets<EpochMetrics>>;
  diverged: Divergence[];
  progress: ProgressReport[];
  adopted: number[];
  notices: string[];
  outcome: string;
}

async function record(config: TrainConfig, options: RunOptions, extra: Partial<RunHooks> = {}): Promise<Recorded> {
  const out: Recorded = { epochs: new Map(), diverged: [], progress: [], adopted: [], notices: [], outcome: '' };
  out.outcome = await runExperiment(
    mnist,
    config,
    {
      onEpoch: (seedIndex, epoch, metrics) => out.epochs.set(`${seedIndex}/${epoch}`, metrics),
      onDiverged: (d) => out.diverged.push(d),
      onProgress: (r) => out.progress.push(r),
      adoptModels: (seedIndex, models) => {
        out.adopted.push(seedIndex);
        for (const m of Object.values(models)) m.dispose();
      },
      onNotice: (m) => out.notices.push(m),
      yieldControl: macrotask,
      progressIntervalMs: 0,
      ...extra,
    },
    options,
  );
  return out;
}

/** Epoch metrics without the wall-clock seconds, which differ from run to run. */
function numbers(epochs: Map<string, SomeNets<EpochMetrics>>): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const [key, metrics] of epochs) {
    out[key] = Object.fromEntries(Object.entries(metrics).map(([net, m]) => [net, { ...m, seconds: undefined }]));
  }
  return out;
}

function lanesOf(lanes: SeedLane[], disposed: { count: number }): RunOptions {
  return {
    seedMode: undefined,
    openLanes: (): SeedLanes => ({
      lanes,
      dispose: () => {
        disposed.count++;
      },
    }),
  };
}

/** How far the bar is for a report: every seed's steps done. */
const barValue = (r: ProgressReport, config: TrainConfig): number => {
  const perSeed = config.epochs * r.stepsPerEpoch;
  return r.seedIndex * perSeed + (r.seedsTogether ?? 1) * ((r.epoch - 1) * r.stepsPerEpoch + r.step);
};

describe('seeds in lanes', () => {
  it('gives every seed the epochs of the seeds trained one after another, in waves of lanes + 1', async () => {
    const config = quick({ seeds: 5, trainSize: 192, epochs: 1 });
    const before = tf.memory().numTensors;
    const inTurn = await record(config, { seedMode: 'in-turn' });
    const lanes = [new InThreadLane(), new InThreadLane()];
    const disposed = { count: 0 };
    const inLanes = await record(config, lanesOf(lanes, disposed));
    expect(inLanes.outcome).toBe('completed');
    expect(numbers(inLanes.epochs)).toEqual(numbers(inTurn.epochs));
    expect(inLanes.epochs.size).toBe(5);
    // Waves [0, 1, 2] and [3, 4]: this thread trains 0 and 3 and keeps their models, the lanes the others.
    expect(lanes[0]?.seeds).toEqual([1, 4]);
    expect(lanes[1]?.seeds).toEqual([2]);
    expect(inLanes.adopted).toEqual([0, 3]);
    expect(disposed.count).toBe(1);
    expect(inLanes.notices).toEqual([]);
    // The progress of the waves: "all 3 at once", then the last two; the bar never goes back and ends full.
    expect(new Set(inLanes.progress.map((r) => `${r.seedIndex}+${r.seedsTogether}`))).toEqual(new Set(['0+3', '3+2']));
    const bar = inLanes.progress.map((r) => barValue(r, config));
    for (let i = 1; i < bar.length; i++) expect(bar[i]).toBeGreaterThanOrEqual(bar[i - 1] ?? 0);
    const last = inLanes.progress.at(-1);
    expect(last && barValue(last, config)).toBe(config.seeds * config.epochs * (last?.stepsPerEpoch ?? 0));
    expect(tf.memory().numTensors).toBe(before);
  });

  it('reports each seed’s divergence from the lane that trained it, as one after another does', async () => {
    // Plain SGD at an absurd learning rate: the weights overflow within a few steps and the losses turn NaN.
    const config = quick({ seed: 1, seeds: 3, optimizer: 'sgd', lr: 1e25, epochs: 1 });
    const inTurn = await record(config, { seedMode: 'in-turn' });
    const inLanes = await record(config, lanesOf([new InThreadLane(), new InThreadLane()], { count: 0 }));
    const key = (d: Divergence): string => `${d.net}/${d.seedIndex}/${d.epoch}/${d.step}`;
    expect(inTurn.diverged.length).toBeGreaterThan(0);
    expect(inLanes.diverged.map(key).sort()).toEqual(inTurn.diverged.map(key).sort());
    expect(numbers(inLanes.epochs)).toEqual(numbers(inTurn.epochs));
  });

  it('trains a failed lane’s seed here after its wave, says so, and leaves no tensor', async () => {
    const config = quick({ seeds: 3, epochs: 1 });
    const before = tf.memory().numTensors;
    const inTurn = await record(config, { seedMode: 'in-turn' });
    const inLanes = await record(config, lanesOf([new InThreadLane(), new InThreadLane(3)], { count: 0 }));
    expect(inLanes.outcome).toBe('completed');
    expect(numbers(inLanes.epochs)).toEqual(numbers(inTurn.epochs));
    expect(inLanes.adopted).toEqual([0, 2]);
    expect(inLanes.notices).toHaveLength(1);
    expect(inLanes.notices[0]).toMatch(/seed 3 .*lane lost.*trained again here/);
    expect(tf.memory().numTensors).toBe(before);
  });

  it('holds the lanes while the run is held and stops them with it', async () => {
    const config = quick({ seeds: 3, epochs: 3 });
    const lanes = [new InThreadLane(), new InThreadLane()];
    const before = tf.memory().numTensors;
    let turns = 0;
    let held: Promise<void> | null = null;
    let stop = false;
    const out = await record(config, lanesOf(lanes, { count: 0 }), {
      // Held once for a few macrotasks at the 5th step; asked to stop at the 15th.
      awaitTurn: () => {
        turns++;
        if (turns === 5) {
          held = (async () => {
            for (let i = 0; i < 20; i++) await macrotask();
          })();
          return held;
        }
        if (turns === 15) stop = true;
        return null;
      },
      shouldStop: () => stop,
    });
    expect(out.outcome).toBe('stopped');
    for (const lane of lanes) {
      expect(lane.holds).toBe(1);
      expect(lane.releases).toBeGreaterThanOrEqual(1);
      expect(lane.stopAsked).toBe(true);
    }
    // Nothing reached the last epoch: the lanes stopped within a few batches of this thread.
    expect([...out.epochs.keys()].some((k) => k.endsWith('/3'))).toBe(false);
    expect(tf.memory().numTensors).toBe(before);
  });

  it('stops the lanes quietly when the run fails here, and leaves no tensor', async () => {
    const config = quick({ seeds: 3, epochs: 2 });
    const lanes = [new InThreadLane(), new InThreadLane()];
    const before = tf.memory().numTensors;
    const notices: string[] = [];
    let epochs = 0;
    await expect(
      runExperiment(
        mnist,
        config,
        {
          onEpoch: () => {
            epochs++;
          },
          onProgress: (r) => {
            if (r.seedIndex === 0 && r.step >= 4) throw new Error('a step failed');
          },
          onNotice: (m) => notices.push(m),
          yieldControl: macrotask,
          progressIntervalMs: 0,
        },
        lanesOf(lanes, { count: 0 }),
      ),
    ).rejects.toThrow('a step failed');
    expect(lanes.every((lane) => lane.stopAsked)).toBe(true);
    expect(notices).toEqual([]);
    expect(epochs).toBe(0);
    expect(tf.memory().numTensors).toBe(before);
  });

  it('trains the seeds in turn, with a word, when the lanes cannot even start', async () => {
    const config = quick({ seeds: 2, epochs: 1 });
    const out = await record(config, {
      openLanes: () => {
        throw new Error('workers are not allowed here');
      },
    });
    expect(out.outcome).toBe('completed');
    expect(out.adopted).toEqual([0, 1]);
    expect(out.notices).toEqual([
      'The seeds could not train in other workers (workers are not allowed here); they train one after another.',
    ]);
  });

  it('is not used for one seed or when the seeds are asked to train in turn', async () => {
    let opened = 0;
    const options: RunOptions = {
      openLanes: () => {
        opened++;
        return null;
      },
    };
    await record(quick({ seeds: 1, epochs: 1 }), options);
    expect(opened).toBe(0);
    await record(quick({ seeds: 2, epochs: 1 }), { ...options, seedMode: 'in-turn' });
    expect(opened).toBe(0);
    const out = await record(quick({ seeds: 2, epochs: 1 }), options);
    expect(opened).toBe(1);
    expect(out.adopted).toEqual([0, 1]);
  });
});
