// One seed's run of the experiment, its nets advanced together batch by batch (the sequential loop of
// experiment.ts, and one seed of a lane: seedLanes.ts): which nets are still live, progress reports, epoch metrics on
// the test set, divergence. Imports TF.js only.
import type * as tf from '@tensorflow/tfjs';
import { countParams } from './models';
import type { NetTrainer } from './netTrainer';
import { disposeBatch, type ResidentSplit } from './residentData';
import type { ExperimentContext, RunOutcome } from './experiment';
import { ProgressClock, stepPosition } from './progressClock';
import { mulberry32, permutation } from '../data/shuffle';
import { seedOf } from '../shared/config';
import { NET_IDS, type EpochMetrics, type NetId, type ParamCounts, type RunningMetrics } from '../shared/metrics';
import type { ProgressReport, SomeNets } from '../shared/protocol';

const noYield = (): Promise<void> => Promise.resolve();

export interface SeedRunContext extends ExperimentContext {
  seedIndex: number;
  trainers: SomeNets<NetTrainer>;
}

/** One seed's run: its nets, which of them are still live, and the progress reporting of its epochs. */
export class SeedRun {
  private readonly live: NetId[];
  private readonly yieldControl: () => Promise<void>;
  private readonly shouldStop: () => boolean;
  private readonly clock: ProgressClock;

  constructor(private readonly ctx: SeedRunContext) {
    this.live = NET_IDS.filter((id) => ctx.trainers[id] !== undefined);
    this.yieldControl = ctx.hooks.yieldControl ?? noYield;
    this.shouldStop = ctx.hooks.shouldStop ?? (() => false);
    this.clock = new ProgressClock(ctx.runStart, ctx.hooks.progressIntervalMs ?? 250);
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
      this.clock.restart();
      for (let step = 0; step < steps; step++) {
        const turn = hooks.awaitTurn?.() ?? null;
        if (turn !== null) {
          if (this.clock.pending) await this.report(epoch, step, 'training');
          if (this.live.length === 0) return 'completed';
          await turn;
        }
        if (this.shouldStop()) {
          // The last word on a stopped run says exactly where it stopped.
          if (this.clock.pending) await this.report(epoch, step, 'training');
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
        this.clock.count(batch.y.shape[0] * this.live.length);
        const last = step === steps - 1;
        if (last || this.clock.due()) {
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
    this.ctx.hooks.onProgress?.({
      seedIndex: this.ctx.seedIndex,
      epoch,
      step,
      stepsPerEpoch: this.ctx.steps,
      ...this.clock.take(),
      running,
      phase,
    });
  }

  private drop(id: NetId, globalStep: number): void {
    const index = this.live.indexOf(id);
    if (index >= 0) this.live.splice(index, 1);
    const { epoch, step } = stepPosition(globalStep, this.ctx.steps);
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
