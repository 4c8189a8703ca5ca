// The training loop under a RunPacer, on real MNIST (CPU backend): a paused run trains nothing, each Step trains
// exactly one mini-batch of both nets and reports where the run is, a step across an epoch's end validates that
// epoch, Resume goes on, Stop ends a paused run, and no tensor is left behind.
import * as tf from '@tensorflow/tfjs';
import { beforeAll, describe, expect, it } from 'vitest';
import { runExperiment, type RunOutcome } from '../core/experiment';
import type { Mnist } from '../data/mnist';
import { DEFAULT_CONFIG, type TrainConfig } from '../shared/config';
import type { ProgressReport } from '../shared/protocol';
import { loadMnistForTests } from '../test-support/nodeMnist';
import { useCpuBackend } from '../test-support/tfCpu';
import { RunPacer } from './runPacer';

let mnist: Mnist;
beforeAll(async () => {
  await useCpuBackend();
  mnist = await loadMnistForTests(500);
});

// 10 steps an epoch.
const CONFIG: TrainConfig = { ...DEFAULT_CONFIG, epochs: 2, trainSize: 640, batchSize: 64, layers: [32, 16] };

async function until(check: () => boolean): Promise<void> {
  for (let i = 0; i < 2000 && !check(); i++) await new Promise((r) => setTimeout(r, 5));
  expect(check()).toBe(true);
}

function pacedRun(pacer: RunPacer) {
  const progress: Array<Pick<ProgressReport, 'epoch' | 'step' | 'phase'>> = [];
  const epochs: number[] = [];
  let stop = false;
  const done: Promise<RunOutcome> = runExperiment(mnist, CONFIG, {
    onProgress: ({ epoch, step, phase }) => progress.push({ epoch, step, phase }),
    onEpoch: (_r, epoch) => epochs.push(epoch),
    awaitTurn: () => pacer.turn(),
    shouldStop: () => stop,
    yieldControl: () => new Promise((r) => setTimeout(r, 0)),
  });
  return {
    progress,
    epochs,
    done,
    stop: () => {
      stop = true;
      pacer.stop();
    },
  };
}

describe('a paced run', () => {
  it('trains one mini-batch per Step, validates on crossing an epoch, and stops while paused without a leak', async () => {
    const before = tf.memory().numTensors;
    let held = 0;
    const pacer = new RunPacer({ paused: true }, { onHeld: () => held++ });
    const run = pacedRun(pacer);
    await until(() => held === 1);
    await new Promise((r) => setTimeout(r, 50));
    expect(run.progress).toEqual([]);

    for (let n = 1; n <= 12; n++) {
      pacer.step();
      await until(() => run.progress.length === n);
      if (n === 10) await until(() => run.epochs.length === 1);
    }
    // Every step was reported; the tenth ended epoch 1, which was validated before the run held again.
    expect(run.progress.map((p) => `${p.epoch}.${p.step}`)).toEqual([
      '1.1',
      '1.2',
      '1.3',
      '1.4',
      '1.5',
      '1.6',
      '1.7',
      '1.8',
      '1.9',
      '1.10',
      '2.1',
      '2.2',
    ]);
    expect(run.progress[9]?.phase).toBe('validating');
    expect(run.epochs).toEqual([1]);
    await new Promise((r) => setTimeout(r, 50));
    expect(run.progress).toHaveLength(12);

    run.stop();
    await expect(run.done).resolves.toBe('stopped');
    expect(tf.memory().numTensors).toBe(before);
  });

  it('goes on to the end after Resume', async () => {
    const before = tf.memory().numTensors;
    let held = 0;
    const pacer = new RunPacer({ paused: true }, { onHeld: () => held++ });
    const run = pacedRun(pacer);
    await until(() => held === 1);
    pacer.step();
    await until(() => run.progress.length === 1);
    pacer.resume();
    await expect(run.done).resolves.toBe('completed');
    expect(run.epochs).toEqual([1, 2]);
    expect(tf.memory().numTensors).toBe(before);
  });
});
