import * as tf from '@tensorflow/tfjs';
import { beforeAll, describe, expect, it } from 'vitest';
import { buildNet } from './models';
import { meanCrossEntropy } from './losses';
import { NetTrainer } from './netTrainer';
import { makeTrainingStep, type StepKind } from './trainingStep';
import { disposeBatch, ResidentSplit } from './residentData';
import type { Mnist } from '../data/mnist';
import { DEFAULT_CONFIG } from '../shared/config';
import { loadMnistForTests } from '../test-support/nodeMnist';
import { useCpuBackend } from '../test-support/tfCpu';

let mnist: Mnist;
beforeAll(async () => {
  await useCpuBackend();
  // Validating on 500 test images keeps these CPU runs quick; the app validates on all 10,000.
  mnist = await loadMnistForTests(500);
});

/** A net with Adam (lr 0.001) that trains by the given kind of step. */
function trainerFor(net: 'bn' | 'plain', seed: number, kind: StepKind): NetTrainer {
  const model = buildNet(net, DEFAULT_CONFIG, seed);
  const trainer = new NetTrainer(model, makeTrainingStep(model, 'adam', 0.001, kind));
  expect(trainer.stepKind).toBe(kind);
  return trainer;
}

describe.each(['hand-written', 'autodiff'] as const)('NetTrainer with the %s step', (kind) => {
  it('reports the epoch loss and accuracy as the batch-size-weighted mean of the batches (hand computation)', async () => {
    const split = new ResidentSplit(mnist.train, 200);
    const net = trainerFor('plain', 5, kind);
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
        return [
          meanCrossEntropy(batch.y, probs).dataSync()[0] ?? NaN,
          predicted.filter((p, i) => p === labels[i]).length,
        ];
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
    for (const net of ['bn', 'plain'] as const) {
      const trainer = trainerFor(net, 9, kind);
      const before = await trainer.evaluate(test);
      for (let i = 0; i < 10; i++) {
        const batch = split.range(i * 64, 64);
        trainer.step(batch);
        disposeBatch(batch);
      }
      const after = await trainer.evaluate(test);
      expect(after.loss).toBeLessThan(before.loss - 0.3);
      expect(after.accuracy).toBeGreaterThan(before.accuracy + 0.2);
      trainer.dispose();
    }
    split.dispose();
    test.dispose();
  });

  it('finds the first step whose loss is not finite, and only reads it when asked', async () => {
    const split = new ResidentSplit(mnist.train, 320);
    const trainer = trainerFor('plain', 2, kind);
    for (let i = 0; i < 3; i++) {
      const batch = split.range(i * 32, 32);
      trainer.step(batch);
      disposeBatch(batch);
    }
    // Counted after Adam's first step, which creates its moment variables.
    const before = tf.memory().numTensors;
    expect(await trainer.health()).toEqual({ divergedAtStep: null });
    // A NaN weight makes every later loss NaN: step 4 is the first bad one, and later steps do not move it.
    const kernel = trainer.model.getLayer('dense_0').getWeights();
    const poisoned = tf.tidy(() => kernel.map((w, i) => (i === 0 ? tf.fill(w.shape, Number.NaN) : w.clone())));
    trainer.model.getLayer('dense_0').setWeights(poisoned);
    poisoned.forEach((t) => t.dispose());
    for (let i = 3; i < 6; i++) {
      const batch = split.range(i * 32, 32);
      trainer.step(batch);
      disposeBatch(batch);
    }
    expect(await trainer.health()).toEqual({ divergedAtStep: 4 });
    expect(Number.isNaN((await trainer.running()).loss)).toBe(true);
    // The epoch reset clears the running means but not the divergence: a diverged net stays diverged.
    trainer.resetEpoch();
    expect(await trainer.health()).toEqual({ divergedAtStep: 4 });
    expect(tf.memory().numTensors).toBe(before);
    trainer.dispose();
    split.dispose();
  });
});
