// The measurements behind `npm run bench`, on whatever backend is active: the app's own training loop (runExperiment,
// exactly as the app's worker runs it) against the same nets trained by plain TF.js model.fit, on the same data and
// batch size; a validation pass; tensor counts across epochs. Imports TF.js and the core only.
import * as tf from '@tensorflow/tfjs';
import { buildNet } from '../../../src/core/models';
import { NetTrainer } from '../../../src/core/netTrainer';
import { kerasAdam } from '../../../src/core/optimizers';
import { ResidentSplit } from '../../../src/core/residentData';
import { makeTrainingStep, type StepKind } from '../../../src/core/trainingStep';
import { runExperiment } from '../../../src/core/experiment';
import { IMAGE_SIDE, IMAGE_SIZE } from '../../../src/data/idx';
import type { Mnist, Split } from '../../../src/data/mnist';
import { defaultConfig, type TrainConfig } from '../../../src/shared/config';
import { NET_IDS, type NetId } from '../../../src/shared/metrics';
import { NORM_OF_NET } from '../../../src/shared/netNames';
import type { LoopPlan, MemoryPoint, NetsTimed } from '../benchTypes';

const SEED = 42;

function blogConfig(changes: Partial<TrainConfig>): TrainConfig {
  return { ...defaultConfig(), seed: SEED, ...changes };
}

function netsOf(nets: NetsTimed): NetId[] {
  if (nets === 'both') return ['bn', 'plain'];
  if (nets === 'every') return [...NET_IDS];
  return [nets];
}

/** Waits for the backend to finish queued work (WebGL runs asynchronously), by reading one weight back. */
async function settle(models: tf.LayersModel[]): Promise<void> {
  for (const m of models) await m.weights[0]?.read().data();
}

/**
 * Samples per second of the app's loop: one epoch of warmup + steps batches through runExperiment, timed from the
 * end of the warm-up to the end of the last step (its progress report included; validation excluded).
 */
export async function timeAppLoop(
  data: Mnist,
  plan: LoopPlan,
  nets: NetsTimed,
  step: StepKind,
  yieldControl: () => Promise<void>,
): Promise<number> {
  const config = blogConfig({
    batchSize: plan.batchSize,
    trainSize: (plan.warmup + plan.steps) * plan.batchSize,
    epochs: 1,
    norms: netsOf(nets).map((id) => NORM_OF_NET[id]),
  });
  let models: tf.LayersModel[] = [];
  let stepsDone = 0;
  let start = 0;
  let end = 0;
  await runExperiment(
    data,
    config,
    {
      onNetsBuilt: (_, built) => {
        models = Object.values(built);
      },
      yieldControl: async () => {
        stepsDone += 1;
        if (stepsDone === plan.warmup) {
          await settle(models);
          start = performance.now();
        } else if (stepsDone === plan.warmup + plan.steps) {
          await settle(models);
          end = performance.now();
        }
        await yieldControl();
      },
    },
    { step },
  );
  if (end <= start) throw new Error('The app loop was not timed (too few steps?)');
  return (plan.steps * plan.batchSize * netsOf(nets).length) / ((end - start) / 1000);
}

/** A split's first `count` examples as the tensors model.fit takes: images [n,28,28] in [0,1], labels [n]. */
function fitTensors(split: Split, start: number, count: number): { x: tf.Tensor3D; y: tf.Tensor1D } {
  const x = tf.tensor3d(split.images.subarray(start * IMAGE_SIZE, (start + count) * IMAGE_SIZE), [
    count,
    IMAGE_SIDE,
    IMAGE_SIDE,
  ]);
  const y = tf.tensor1d(Float32Array.from(split.labels.subarray(start, start + count)));
  return { x, y };
}

/**
 * Samples per second of plain TF.js: model.fit with Keras's Adam, sparse categorical cross-entropy and the accuracy
 * metric, default options (shuffled, no callbacks). A first fit over the warm-up batches, then one timed fit.
 */
export async function timeFit(data: Mnist, plan: LoopPlan, net: NetId): Promise<number> {
  const model = buildNet(net, blogConfig({}), SEED);
  const optimizer = kerasAdam(0.001);
  model.compile({ optimizer, loss: 'sparseCategoricalCrossentropy', metrics: ['accuracy'] });
  const warm = fitTensors(data.train, 0, plan.warmup * plan.batchSize);
  const timed = fitTensors(data.train, plan.warmup * plan.batchSize, plan.steps * plan.batchSize);
  try {
    await model.fit(warm.x, warm.y, { batchSize: plan.batchSize, epochs: 1, verbose: 0 });
    await settle([model]);
    const start = performance.now();
    await model.fit(timed.x, timed.y, { batchSize: plan.batchSize, epochs: 1, verbose: 0 });
    await settle([model]);
    return (plan.steps * plan.batchSize) / ((performance.now() - start) / 1000);
  } finally {
    for (const t of [warm.x, warm.y, timed.x, timed.y]) t.dispose();
    model.dispose();
    optimizer.dispose();
  }
}

/** Milliseconds for one validation pass over the whole test set, as the app runs it after each epoch. */
export async function timeValidation(data: Mnist): Promise<number> {
  const test = new ResidentSplit(data.test);
  const model = buildNet('bn', blogConfig({}), SEED);
  const trainer = new NetTrainer(model, makeTrainingStep(model, 'adam', 0.001));
  try {
    await trainer.evaluate(test);
    const start = performance.now();
    await trainer.evaluate(test);
    return performance.now() - start;
  } finally {
    trainer.dispose();
    test.dispose();
  }
}

function memoryPoint(epoch: number): MemoryPoint {
  const { numTensors, numBytes } = tf.memory();
  return { epoch, numTensors, numBytes };
}

/** tf.memory() around and during a short run of both nets over several epochs (each with its validation pass). */
export async function memoryAcrossEpochs(
  data: Mnist,
  epochs: number,
  yieldControl: () => Promise<void>,
): Promise<{ before: MemoryPoint; epochs: MemoryPoint[]; after: MemoryPoint }> {
  const before = memoryPoint(0);
  const points: MemoryPoint[] = [];
  await runExperiment(data, blogConfig({ trainSize: 3200, epochs }), {
    onEpoch: (_, epoch) => points.push(memoryPoint(epoch)),
    yieldControl,
  });
  return { before, epochs: points, after: memoryPoint(epochs + 1) };
}
