// The training loop for the two nets: same initial Dense weights, same batches in the same order, advanced together
// batch by batch so both curves grow at once. Imports TF.js only; the caller supplies how to yield and report.
import { buildTwins, countParams } from './models';
import { kerasAdam, NetTrainer } from './netTrainer';
import { disposeBatch, ResidentSplit } from './residentData';
import { mulberry32, permutation } from '../data/shuffle';
import type { Mnist } from '../data/mnist';
import { stepsPerEpoch, type TrainConfig } from '../shared/config';
import { NET_IDS, type EpochMetrics, type ParamCounts, type RunningMetrics } from '../shared/metrics';
import type { PerNet, ProgressReport } from '../shared/protocol';

export interface RunHooks {
  onStart?(info: { stepsPerEpoch: number; params: PerNet<ParamCounts> }): void;
  onProgress?(report: ProgressReport): void;
  onEpoch?(epoch: number, metrics: PerNet<EpochMetrics>): void;
  /** Polled between batches: a cooperative stop takes effect within one batch. */
  shouldStop?(): boolean;
  /** Lets the event loop run (to receive a stop); awaited between batches. */
  yieldControl?(): Promise<void>;
  /** Minimum time between progress reports. */
  progressIntervalMs?: number;
}

export type RunOutcome = 'completed' | 'stopped';

const noYield = (): Promise<void> => Promise.resolve();

/** Both nets, built from one seed, with their optimizers. */
export function createTwinTrainers(config: Pick<TrainConfig, 'seed' | 'lr'>): PerNet<NetTrainer> {
  const models = buildTwins(config.seed);
  return { bn: new NetTrainer(models.bn, kerasAdam(config.lr)), plain: new NetTrainer(models.plain, kerasAdam(config.lr)) };
}

/** Trains both nets for `config.epochs`, validating on the whole test set after each epoch. */
export async function runTwins(data: Mnist, config: TrainConfig, hooks: RunHooks = {}): Promise<RunOutcome> {
  const yieldControl = hooks.yieldControl ?? noYield;
  const shouldStop = hooks.shouldStop ?? (() => false);
  const interval = hooks.progressIntervalMs ?? 250;
  // Everything this run puts on the backend, disposed however the run ends (done, stopped, or failed midway).
  const owned: Array<{ dispose(): void }> = [];
  const own = <T extends { dispose(): void }>(x: T): T => {
    owned.push(x);
    return x;
  };
  try {
    const train = own(new ResidentSplit(data.train, config.trainSize));
    const test = own(new ResidentSplit(data.test));
    const nets = createTwinTrainers(config);
    for (const id of NET_IDS) own(nets[id]);
    const steps = stepsPerEpoch({ trainSize: train.count, batchSize: config.batchSize });
    const random = mulberry32(config.seed);
    const runStart = performance.now();
    hooks.onStart?.({ stepsPerEpoch: steps, params: { bn: countParams(nets.bn.model), plain: countParams(nets.plain.model) } });
    for (let epoch = 1; epoch <= config.epochs; epoch++) {
      for (const id of NET_IDS) nets[id].resetEpoch();
      const order = permutation(train.count, random);
      let lastReport = performance.now();
      let samplesSinceReport = 0;
      const report = async (step: number, phase: ProgressReport['phase']): Promise<void> => {
        if (!hooks.onProgress) return;
        const now = performance.now();
        hooks.onProgress({
          epoch,
          step,
          stepsPerEpoch: steps,
          samplesPerSec: (samplesSinceReport * 1000) / Math.max(now - lastReport, 1),
          elapsedMs: now - runStart,
          running: await readRunning(nets),
          phase,
        });
        lastReport = performance.now();
        samplesSinceReport = 0;
      };
      for (let step = 0; step < steps; step++) {
        if (shouldStop()) {
          // The last word on a stopped run says exactly where it stopped.
          if (samplesSinceReport > 0) await report(step, 'training');
          return 'stopped';
        }
        const batch = train.gather(order.subarray(step * config.batchSize, (step + 1) * config.batchSize));
        try {
          for (const id of NET_IDS) nets[id].step(batch);
        } finally {
          disposeBatch(batch);
        }
        samplesSinceReport += batch.y.shape[0] * NET_IDS.length;
        const last = step === steps - 1;
        if (last || performance.now() - lastReport >= interval) await report(step + 1, last ? 'validating' : 'training');
        await yieldControl();
      }
      const bn = await epochMetrics(nets.bn, test);
      await yieldControl();
      if (shouldStop()) return 'stopped';
      const plain = await epochMetrics(nets.plain, test);
      hooks.onEpoch?.(epoch, { bn, plain });
    }
    return 'completed';
  } finally {
    for (const x of owned) x.dispose();
  }
}

async function epochMetrics(net: NetTrainer, test: ResidentSplit): Promise<EpochMetrics> {
  const trainMeans = await net.running();
  const val = await net.evaluate(test);
  return { ...trainMeans, valLoss: val.loss, valAccuracy: val.accuracy, seconds: net.seconds };
}

async function readRunning(nets: PerNet<NetTrainer>): Promise<PerNet<RunningMetrics>> {
  const [bn, plain] = await Promise.all([nets.bn.running(), nets.plain.running()]);
  return { bn, plain };
}
