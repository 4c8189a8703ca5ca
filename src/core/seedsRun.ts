// Every seed of a repeated experiment trained at once: per net, one SeedsTrainer steps all seeds' models together
// (seedsStep.ts), each seed on its own mini-batch from its own shuffle, exactly the batches and maths of the seed's
// one-seed run. Events are the one-seed loop's (experiment.ts): an epoch event per seed, divergence per net and seed,
// each seed's models handed over at the end. Used by runExperiment when every net has a hand-written step; otherwise
// the seeds run one after another there. Imports TF.js only.
import * as tf from '@tensorflow/tfjs';
import { buildTwins, countParams } from './models';
import { disposeBatch, type Batch } from './residentData';
import { SeedsTrainer } from './seedsTrainer';
import type { ExperimentContext, RunOutcome } from './experiment';
import { ProgressClock, stepPosition } from './progressClock';
import { mulberry32, permutation } from '../data/shuffle';
import { seedOf, type TrainConfig } from '../shared/config';
import { NET_IDS, type EpochMetrics, type NetId, type ParamCounts, type RunningMetrics } from '../shared/metrics';
import { trainedNets } from '../shared/netNames';
import type { ProgressReport, SomeNets } from '../shared/protocol';

const noYield = (): Promise<void> => Promise.resolve();

/**
 * Builds every seed's nets and their batched trainers; null (with everything freed) when some net cannot train
 * batched, so the caller runs the seeds one after another.
 */
export function createSeedsTrainers(config: TrainConfig): SomeNets<SeedsTrainer> | null {
  const nets = trainedNets(config);
  const perSeed = Array.from({ length: config.seeds }, (_, k) => buildTwins(config, seedOf(config, k), nets));
  const trainers: SomeNets<SeedsTrainer> = {};
  for (const id of nets) {
    const models = perSeed.map((m) => m[id]).filter((m) => m !== undefined);
    const trainer = models.length === config.seeds ? SeedsTrainer.create(models, config.optimizer, config.lr) : null;
    if (!trainer) {
      for (const t of Object.values(trainers)) t.releaseModels();
      for (const m of perSeed) for (const n of NET_IDS) m[n]?.dispose();
      return null;
    }
    trainers[id] = trainer;
  }
  return trainers;
}

/** Trains all seeds together; the trainers are the caller's to create, this run's to free. */
export async function runSeedsTogether(trainers: SomeNets<SeedsTrainer>, ctx: ExperimentContext): Promise<RunOutcome> {
  const run = new SeedsRun(ctx, trainers);
  let outcome: RunOutcome | null = null;
  try {
    ctx.hooks.onStart?.({ stepsPerEpoch: ctx.steps, params: run.params() });
    ctx.hooks.onNetsBuilt?.(0, run.modelsOf(0));
    outcome = await run.train();
    return outcome;
  } finally {
    // Every seed's models go to the caller, seed 0's last: they answered predictions while the run trained (a request
    // may still be using them), and the caller keeps the last ones it is given.
    const { hooks } = ctx;
    if (outcome !== null && hooks.adoptModels) {
      const perSeed = run.release();
      for (const k of [...perSeed.keys()].slice(1).concat(0)) {
        const models = perSeed[k];
        if (models) hooks.adoptModels(k, models);
      }
    } else run.dispose();
  }
}

class SeedsRun {
  private readonly seeds: number;
  /** Per net, whether each seed still trains (a seed whose loss stopped being finite leaves). */
  private readonly live = new Map<NetId, boolean[]>();
  private readonly yieldControl: () => Promise<void>;
  private readonly shouldStop: () => boolean;
  private readonly clock: ProgressClock;

  constructor(
    private readonly ctx: ExperimentContext,
    private readonly trainers: SomeNets<SeedsTrainer>,
  ) {
    this.seeds = ctx.config.seeds;
    for (const id of NET_IDS)
      if (trainers[id])
        this.live.set(
          id,
          Array.from({ length: this.seeds }, () => true),
        );
    this.yieldControl = ctx.hooks.yieldControl ?? noYield;
    this.shouldStop = ctx.hooks.shouldStop ?? (() => false);
    this.clock = new ProgressClock(ctx.runStart, ctx.hooks.progressIntervalMs ?? 250);
  }

  params(): SomeNets<ParamCounts> {
    const out: SomeNets<ParamCounts> = {};
    for (const [id, model] of Object.entries(this.modelsOf(0)) as Array<[NetId, tf.LayersModel]>)
      out[id] = countParams(model);
    return out;
  }

  modelsOf(seed: number): SomeNets<tf.LayersModel> {
    const out: SomeNets<tf.LayersModel> = {};
    for (const id of NET_IDS) {
      const model = this.trainers[id]?.models[seed];
      if (model) out[id] = model;
    }
    return out;
  }

  /** The nets with at least one seed still training. */
  private liveNets(): NetId[] {
    return [...this.live.entries()].filter(([, seeds]) => seeds.some(Boolean)).map(([id]) => id);
  }

  private liveCount(): number {
    let n = 0;
    for (const seeds of this.live.values()) n += seeds.filter(Boolean).length;
    return n;
  }

  async train(): Promise<RunOutcome> {
    const { config, train, steps, hooks } = this.ctx;
    const randoms = Array.from({ length: this.seeds }, (_, k) => mulberry32(seedOf(config, k)));
    for (let epoch = 1; epoch <= config.epochs; epoch++) {
      if (this.liveCount() === 0) return 'completed';
      for (const id of this.liveNets()) this.trainer(id).resetEpoch();
      const orders = randoms.map((random) => permutation(train.count, random));
      this.clock.restart();
      for (let step = 0; step < steps; step++) {
        const turn = hooks.awaitTurn?.() ?? null;
        if (turn !== null) {
          if (this.clock.pending) await this.report(epoch, step, 'training');
          if (this.liveCount() === 0) return 'completed';
          await turn;
        }
        if (this.shouldStop()) {
          if (this.clock.pending) await this.report(epoch, step, 'training');
          return 'stopped';
        }
        const lo = step * config.batchSize;
        const hi = Math.min((step + 1) * config.batchSize, train.count);
        // Seed k's mini-batch is rows k·b … k·b + b − 1: its own shuffle, as in its one-seed run.
        const indices = new Int32Array(this.seeds * (hi - lo));
        orders.forEach((order, k) => indices.set(order.subarray(lo, hi), k * (hi - lo)));
        const batch = train.gather(indices);
        try {
          this.stepAll(batch, (epoch - 1) * steps + step, hi - lo);
        } finally {
          disposeBatch(batch);
        }
        this.clock.count((hi - lo) * this.liveCount());
        const last = step === steps - 1;
        if (last || this.clock.due()) {
          await this.report(epoch, step + 1, last ? 'validating' : 'training');
          if (this.liveCount() === 0) return 'completed';
        }
        await this.yieldControl();
      }
      if ((await this.validate(epoch)) === 'stopped') return 'stopped';
    }
    return 'completed';
  }

  /**
   * One step of every live net, all seeds at once. The inspectors watch seed 0: only for a step they record are its
   * weights copied into its models, before (the probe pass) and after (the update they show).
   */
  private stepAll(batch: Batch, globalStep: number, perSeed: number): void {
    const observer = this.ctx.hooks.stepObserver;
    const nets = this.liveNets();
    let observed: (() => void) | null = null;
    let first: Batch | null = null;
    if (observer && observer.wantsStep?.() !== false) {
      for (const id of nets) this.trainer(id).syncModels(0);
      first = tf.tidy(() => ({
        x: tf.slice(batch.x, 0, perSeed) as tf.Tensor3D,
        y: tf.slice(batch.y, 0, perSeed) as tf.Tensor1D,
      }));
      observed = observer.beforeStep({ seedIndex: 0, step: globalStep, models: this.modelsOf(0), batch: first });
    }
    try {
      for (const id of nets) this.trainer(id).step(batch);
      if (observed) {
        for (const id of nets) this.trainer(id).syncModels(0);
        observed();
      }
    } finally {
      if (first) disposeBatch(first);
    }
  }

  /** The epoch's end: every seed's weights into its models, then each seed's validation and epoch event. */
  private async validate(epoch: number): Promise<RunOutcome | null> {
    const nets = this.liveNets();
    for (const id of nets) this.trainer(id).syncModels();
    const running = new Map<NetId, RunningMetrics[]>();
    for (const id of nets) running.set(id, await this.trainer(id).running());
    for (let k = 0; k < this.seeds; k++) {
      const metrics: SomeNets<EpochMetrics> = {};
      for (const id of nets) {
        if (!this.live.get(id)?.[k]) continue;
        const trainer = this.trainer(id);
        const val = await trainer.evaluate(k, this.ctx.test);
        const mean = running.get(id)?.[k] ?? { loss: Number.NaN, accuracy: Number.NaN };
        metrics[id] = { ...mean, valLoss: val.loss, valAccuracy: val.accuracy, seconds: trainer.seconds(k) };
        await this.yieldControl();
        if (this.shouldStop()) return 'stopped';
      }
      if (Object.keys(metrics).length > 0) this.ctx.hooks.onEpoch?.(k, epoch, metrics);
    }
    return null;
  }

  /** Streams where the run is (seed 0's running means); a seed found diverged is reported once and leaves. */
  private async report(epoch: number, step: number, phase: ProgressReport['phase']): Promise<void> {
    const running: SomeNets<RunningMetrics> = {};
    for (const id of this.liveNets()) {
      const trainer = this.trainer(id);
      const health = await trainer.health();
      health.forEach((at, k) => {
        if (at !== null && this.live.get(id)?.[k]) this.drop(id, k, at);
      });
      const seed0 = (await trainer.running())[0];
      if (this.live.get(id)?.[0] && seed0) running[id] = seed0;
      // Predictions made while the run trains read seed 0's models: they follow within one report.
      trainer.syncModels(0);
    }
    this.ctx.hooks.onProgress?.({
      seedIndex: 0,
      seedsTogether: this.seeds,
      epoch,
      step,
      stepsPerEpoch: this.ctx.steps,
      ...this.clock.take(),
      running,
      phase,
    });
  }

  private drop(id: NetId, seed: number, globalStep: number): void {
    const seeds = this.live.get(id);
    if (seeds) seeds[seed] = false;
    const { epoch, step } = stepPosition(globalStep, this.ctx.steps);
    this.ctx.hooks.onDiverged?.({ net: id, seedIndex: seed, epoch, step });
  }

  private trainer(id: NetId): SeedsTrainer {
    const t = this.trainers[id];
    if (!t) throw new Error(`No trainer for the ${id} net`);
    return t;
  }

  dispose(): void {
    for (const id of NET_IDS) this.trainers[id]?.dispose();
  }

  /** Frees the training state and returns each seed's models, now the caller's. */
  release(): Array<SomeNets<tf.LayersModel>> {
    const perSeed: Array<SomeNets<tf.LayersModel>> = Array.from({ length: this.seeds }, () => ({}));
    for (const id of NET_IDS) {
      const t = this.trainers[id];
      if (!t) continue;
      t.releaseModels().forEach((model, k) => {
        const currentNets = perSeed[k];
        if (currentNets) currentNets[id] = model;
      });
    }
    return perSeed;
  }
}
