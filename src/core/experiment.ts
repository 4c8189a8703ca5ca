// The training loop for the experiment: the nets it trains (BN and plain, or one of them) start from the same Dense
// weights and see the same batches in the same order, advanced together batch by batch so the curves grow at once;
// repeated with seeds seed, seed+1, … when asked (all seeds in one batched step where the nets allow: seedsRun.ts;
// or side by side in other workers on a CPU with cores to spare: seedLanes.ts). A net whose loss stops being finite is reported and dropped while the other trains on.
// Imports TF.js only; the caller supplies how to yield and report.
import * as tf from '@tensorflow/tfjs';
import { buildTwins } from './models';
import { NetTrainer } from './netTrainer';
import { makeTrainingStep, type StepKind } from './trainingStep';
import { ResidentSplit } from './residentData';
import { SeedRun } from './seedRun';
import { runSeedsInLanes, type SeedLanes } from './seedLanes';
import { createSeedsTrainers, runSeedsTogether } from './seedsRun';
import type { SeedsTrainer } from './seedsTrainer';
import type { Mnist } from '../data/mnist';
import { seedOf, stepsPerEpoch, type TrainConfig } from '../shared/config';
import type { EpochMetrics, ParamCounts } from '../shared/metrics';
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
  /** Something the page should know that does not end the run (a lane that failed: seedLanes.ts). */
  onNotice?(message: string): void;
}

export type RunOutcome = 'completed' | 'stopped';

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
  /**
   * Other workers to train seeds beside this thread, when the run has several seeds that do not train together:
   * null or absent, or seedMode 'in-turn', and they train one after another here (seedLanes.ts).
   */
  openLanes?: (config: TrainConfig, data: Mnist) => SeedLanes | null;
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
    const ctx: ExperimentContext = { config, hooks, train, test, steps, runStart: performance.now(), options };
    const together = seedsTogether(config, options);
    if (together) return await runSeedsTogether(together, ctx);
    const lanes = config.seeds > 1 && options.seedMode !== 'in-turn' ? openLanes(config, data, hooks, options) : null;
    if (lanes) {
      owned.push(lanes);
      return await runSeedsInLanes(lanes.lanes, ctx);
    }
    for (let seedIndex = 0; seedIndex < config.seeds; seedIndex++) {
      if ((await trainSeed(ctx, seedIndex)) === 'stopped') return 'stopped';
    }
    return 'completed';
  } finally {
    for (const x of owned) x.dispose();
  }
}

/** The run's lanes, if it gets any; lanes that cannot even start leave the seeds to train in turn, with a word. */
function openLanes(config: TrainConfig, data: Mnist, hooks: RunHooks, options: RunOptions): SeedLanes | null {
  try {
    return options.openLanes?.(config, data) ?? null;
  } catch (e) {
    const reason = e instanceof Error ? e.message : String(e);
    hooks.onNotice?.(`The seeds could not train in other workers (${reason}); they train one after another.`);
    return null;
  }
}

/** What one seed's run needs from the experiment around it. */
export interface ExperimentContext {
  config: TrainConfig;
  hooks: RunHooks;
  train: ResidentSplit;
  test: ResidentSplit;
  steps: number;
  runStart: number;
  options: RunOptions;
}

/**
 * Trains one seed's nets in this thread and hands its models over (or frees them). The first seed reports the run's
 * start.
 */
export async function trainSeed(ctx: ExperimentContext, seedIndex: number): Promise<RunOutcome> {
  const { config, hooks, options } = ctx;
  const trainers = createTrainers(config, seedOf(config, seedIndex), options.step);
  const run = new SeedRun({ ...ctx, seedIndex, trainers });
  let outcome: RunOutcome | null = null;
  try {
    if (seedIndex === 0) hooks.onStart?.({ stepsPerEpoch: ctx.steps, params: run.params() });
    hooks.onNetsBuilt?.(seedIndex, run.models());
    outcome = await run.train();
    return outcome;
  } finally {
    if (outcome !== null && hooks.adoptModels) hooks.adoptModels(seedIndex, run.release());
    else run.dispose();
  }
}

/**
 * One seed of the experiment on its own, as a lane trains it (seedLanes.ts): the epochs, divergences and models of
 * seed `seedIndex`, exactly as the whole experiment's loop gives them. The data stays the caller's (a lane keeps it
 * on its backend for every seed it trains).
 */
export async function runOneSeed(
  data: { train: ResidentSplit; test: ResidentSplit },
  config: TrainConfig,
  seedIndex: number,
  hooks: RunHooks = {},
  options: Pick<RunOptions, 'step'> = {},
): Promise<RunOutcome> {
  const { train, test } = data;
  const steps = stepsPerEpoch({ trainSize: Math.min(train.count, config.trainSize), batchSize: config.batchSize });
  return trainSeed({ config, hooks, train, test, steps, runStart: performance.now(), options }, seedIndex);
}
