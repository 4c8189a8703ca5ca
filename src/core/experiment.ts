// The training loop for the experiment: the nets it trains (BN and plain, or one of them) start from the same Dense
// weights and see the same batches in the same order, advanced together batch by batch so the curves grow at once;
// repeated with seeds seed, seed+1, … when asked (all seeds in one batched step where the nets allow:
// seedsRun.ts). A net whose loss stops being finite is reported and dropped while the other trains on.
// Imports TF.js only; the caller supplies how to yield and report.
import * as tf from '@tensorflow/tfjs';
import { buildTwins, countParams } from './models';
import { NetTrainer } from './netTrainer';
import { makeTrainingStep, type StepKind } from './trainingStep';
import { disposeBatch, ResidentSplit } from './residentData';
import { createSeedsTrainers, runSeedsTogether } from './seedsRun';
import type { SeedsTrainer } from './seedsTrainer';
import { mulberry32, permutation } from '../data/shuffle';
import type { Mnist } from '../data/mnist';
import { seedOf, stepsPerEpoch, type TrainConfig } from '../shared/config';
import { NET_IDS, type EpochMetrics, type NetId, type ParamCounts, type RunningMetrics } from '../shared/metrics';
import { trainedNets } from '../shared/netNames';
import type { Divergence, ProgressReport, SomeNets } from '../shared/protocol';
import type { StepObserver } from './inside/stepObserver';

export interface RunHooks {
  onStart?(info: { stepsPerEpoch: number; params: SomeNets<ParamCounts> }): void;
  /** The models of one seed's run, just built (before any step); for inspection, never to be disposed by the caller. */
  onNetsBuilt?(seedIndex: number, models: SomeNets<tf.LayersModel>): void;
  onProgress?(report: ProgressReport): void;
  onEpoch?(seedIndex: number, epoch: number, metrics: SomeNets<EpochMetrics>): void;
  onDiverged?(divergence: Divergence): void;
  /**
   * Takes ownership of a seed's trained models when its run ends (completed or stopped), so they can answer
   * predictions after the run; without it they are disposed. Not called when the run fails.
   */
  adoptModels?(seedIndex: number, models: SomeNets<tf.LayersModel>): void;
  /** Polled between batches: a cooperative stop takes effect within one batch. */
  shouldStop?: () => boolean;
  /** Lets the event loop run (to receive a stop); awaited between batches. */
  yieldControl?: () => Promise<void>;
  /**
   * Asked before each mini-batch: null to go on at once, or a promise that holds the run until it settles (Pause,
   * Step, slow motion). Before waiting, the loop reports where it is, so a held run shows its exact position.
   */
  awaitTurn?: () => Promise<void> | null;
  /** Minimum time between progress reports. */
  progressIntervalMs?: number;
  /** Looks at the nets and the batch around each step (the BN inspectors); never changes them. */
  stepObserver?: StepObserver;
}

export type RunOutcome = 'completed' | 'stopped';

const noYield = (): Promise<void> => Promise.resolve();

/** How the loop trains; the app uses the defaults, the benchmark compares the choices. */
export interface RunOptions {
  /** Hand-written gradients where the model allows (the default), or TF.js's autodiff for every net. */
  step?: StepKind;
  /**
   * With repeats: every seed in one batched step where the nets allow (seedsRun.ts), or one seed after another.
   * Unset: the backend's default (seedsTogetherByDefault). The sequential loop also runs one seed, the autodiff
   * step, and nets the hand-written step does not know.
   */
  seedMode?: 'together' | 'in-turn';
}

/**
 * Whether a backend trains a run's seeds together unless told otherwise. Not on the CPU backends: in the browser on
 * WASM five seeds together took ~25% longer than one after another (docs/seeds.md: each seed's matmuls and Adam
 * passes are most of a step there, and batching only saves call overhead); on GPU backends a kernel call costs far
 * more than the arithmetic of a batch-32 step, which is what batching saves (unmeasured: no GPU here).
 */
export function seedsTogetherByDefault(backend: string): boolean {
  return backend === 'webgl' || backend === 'webgpu';
}

/** The nets of one seed's run, built from that seed, each with its own optimizer. */
export function createTrainers(
  config: TrainConfig,
  seed: number,
  step: StepKind = 'hand-written',
): SomeNets<NetTrainer> {
  const nets = trainedNets(config);
  const models = buildTwins(config, seed, nets);
  const trainers: SomeNets<NetTrainer> = {};
  for (const id of nets) {
    const model = models[id];
    if (model) trainers[id] = new NetTrainer(model, makeTrainingStep(model, config.optimizer, config.lr, step));
  }
  return trainers;
}

type Owned = { dispose(): void };

/** The batched trainers of every seed, when the run has several seeds and every net can train that way. */
function seedsTogether(config: TrainConfig, options: RunOptions): SomeNets<SeedsTrainer> | null {
  const seeds = options.seedMode ?? (seedsTogetherByDefault(tf.getBackend()) ? 'together' : 'in-turn');
  if (config.seeds < 2 || seeds === 'in-turn' || (options.step ?? 'hand-written') !== 'hand-written') return null;
  return createSeedsTrainers(config);
}

/** Trains the experiment: `config.seeds` runs of `config.epochs`, validating on the whole test set each epoch. */
export async function runExperiment(
  data: Mnist,
  config: TrainConfig,
  hooks: RunHooks = {},
  options: RunOptions = {},
): Promise<RunOutcome> {
  const owned: Owned[] = [];
  try {
    const train = new ResidentSplit(data.train, config.trainSize);
    owned.push(train);
    const test = new ResidentSplit(data.test);
    owned.push(test);
    const steps = stepsPerEpoch({ trainSize: train.count, batchSize: config.batchSize });
    const runStart = performance.now();
    const together = seedsTogether(config, options);
    if (together) return await runSeedsTogether(together, { config, hooks, train, test, steps, runStart });
    for (let seedIndex = 0; seedIndex < config.seeds; seedIndex++) {
      const trainers = createTrainers(config, seedOf(config, seedIndex), options.step);
      const run = new SeedRun({ config, hooks, train, test, steps, runStart, seedIndex, trainers });
      let outcome: RunOutcome | null = null;
      try {
        if (seedIndex === 0) hooks.onStart?.({ stepsPerEpoch: steps, params: run.params() });
        hooks.onNetsBuilt?.(seedIndex, run.models());
        outcome = await run.train();
      } finally {
        if (outcome !== null && hooks.adoptModels) hooks.adoptModels(seedIndex, run.release());
        else run.dispose();
      }
      if (outcome === 'stopped') return 'stopped';
    }
    return 'completed';
  } finally {
    for (const x of owned) x.dispose();
  }
}

interface SeedRunContext {
  config: TrainConfig;
  hooks: RunHooks;
  train: ResidentSplit;
  test: ResidentSplit;
  steps: number;
  runStart: number;
  seedIndex: number;
  trainers: SomeNets<NetTrainer>;
}

/** One seed's run: its nets, which of them are still live, and the progress reporting of its epochs. */
class SeedRun {
  private readonly live: NetId[];
  private readonly yieldControl: () => Promise<void>;
  private readonly shouldStop: () => boolean;
  private readonly interval: number;
  private lastReport = performance.now();
  private samplesSinceReport = 0;

  constructor(private readonly ctx: SeedRunContext) {
    this.live = NET_IDS.filter((id) => ctx.trainers[id] !== undefined);
    this.yieldControl = ctx.hooks.yieldControl ?? noYield;
    this.shouldStop = ctx.hooks.shouldStop ?? (() => false);
    this.interval = ctx.hooks.progressIntervalMs ?? 250;
  }

  params(): SomeNets<ParamCounts> {
    const out: SomeNets<ParamCounts> = {};
    for (const id of this.live) {
      const t = this.ctx.trainers[id];
      if (t) out[id] = countParams(t.model);
    }
    return out;
  }

  models(): SomeNets<tf.LayersModel> {
    const out: SomeNets<tf.LayersModel> = {};
    for (const id of NET_IDS) {
      const t = this.ctx.trainers[id];
      if (t) out[id] = t.model;
    }
    return out;
  }

  async train(): Promise<RunOutcome> {
    const { config, train, steps, seedIndex, hooks } = this.ctx;
    const random = mulberry32(seedOf(config, seedIndex));
    for (let epoch = 1; epoch <= config.epochs; epoch++) {
      if (this.live.length === 0) return 'completed';
      for (const id of this.live) this.trainer(id).resetEpoch();
      const order = permutation(train.count, random);
      this.lastReport = performance.now();
      this.samplesSinceReport = 0;
      for (let step = 0; step < steps; step++) {
        const turn = hooks.awaitTurn?.() ?? null;
        if (turn !== null) {
          if (this.samplesSinceReport > 0) await this.report(epoch, step, 'training');
          if (this.live.length === 0) return 'completed';
          await turn;
        }
        if (this.shouldStop()) {
          // The last word on a stopped run says exactly where it stopped.
          if (this.samplesSinceReport > 0) await this.report(epoch, step, 'training');
          return 'stopped';
        }
        const batch = train.gather(order.subarray(step * config.batchSize, (step + 1) * config.batchSize));
        const observed = hooks.stepObserver?.beforeStep({
          seedIndex,
          step: (epoch - 1) * steps + step,
          models: this.models(),
          batch,
        });
        try {
          for (const id of this.live) this.trainer(id).step(batch);
          observed?.();
        } finally {
          disposeBatch(batch);
        }
        this.samplesSinceReport += batch.y.shape[0] * this.live.length;
        const last = step === steps - 1;
        if (last || performance.now() - this.lastReport >= this.interval) {
          await this.report(epoch, step + 1, last ? 'validating' : 'training');
          if (this.live.length === 0) return 'completed';
        }
        await this.yieldControl();
      }
      const metrics: SomeNets<EpochMetrics> = {};
      for (const id of [...this.live]) {
        metrics[id] = await epochMetrics(this.trainer(id), this.ctx.test);
        await this.yieldControl();
        if (this.shouldStop()) return 'stopped';
      }
      hooks.onEpoch?.(seedIndex, epoch, metrics);
    }
    return 'completed';
  }

  /** Streams where the run is; a net found diverged here is reported once and leaves the live set. */
  private async report(epoch: number, step: number, phase: ProgressReport['phase']): Promise<void> {
    const running: SomeNets<RunningMetrics> = {};
    for (const id of [...this.live]) {
      const trainer = this.trainer(id);
      const { divergedAtStep } = await trainer.health();
      if (divergedAtStep !== null) {
        this.drop(id, divergedAtStep);
        continue;
      }
      running[id] = await trainer.running();
    }
    const now = performance.now();
    this.ctx.hooks.onProgress?.({
      seedIndex: this.ctx.seedIndex,
      epoch,
      step,
      stepsPerEpoch: this.ctx.steps,
      samplesPerSec: (this.samplesSinceReport * 1000) / Math.max(now - this.lastReport, 1),
      elapsedMs: now - this.ctx.runStart,
      running,
      phase,
    });
    this.lastReport = performance.now();
    this.samplesSinceReport = 0;
  }

  private drop(id: NetId, globalStep: number): void {
    const index = this.live.indexOf(id);
    if (index >= 0) this.live.splice(index, 1);
    const epoch = Math.floor((globalStep - 1) / this.ctx.steps) + 1;
    const step = globalStep - (epoch - 1) * this.ctx.steps;
    this.ctx.hooks.onDiverged?.({ net: id, seedIndex: this.ctx.seedIndex, epoch, step });
  }

  private trainer(id: NetId): NetTrainer {
    const t = this.ctx.trainers[id];
    if (!t) throw new Error(`No trainer for the ${id} net`);
    return t;
  }

  dispose(): void {
    for (const id of NET_IDS) this.ctx.trainers[id]?.dispose();
  }

  /** Frees the training state and returns the models, now the caller's. */
  release(): SomeNets<tf.LayersModel> {
    const out: SomeNets<tf.LayersModel> = {};
    for (const id of NET_IDS) {
      const t = this.ctx.trainers[id];
      if (t) out[id] = t.releaseModel();
    }
    return out;
  }
}

async function epochMetrics(net: NetTrainer, test: ResidentSplit): Promise<EpochMetrics> {
  const trainMeans = await net.running();
  const val = await net.evaluate(test);
  return { ...trainMeans, valLoss: val.loss, valAccuracy: val.accuracy, seconds: net.seconds };
}
