// The run with more than two nets: every normalization trains next to the others from the same start, nothing
// leaks, and the BN and plain nets give exactly today's numbers however many nets train beside them.
import * as tf from '@tensorflow/tfjs';
import { beforeAll, describe, expect, it } from 'vitest';
import { runExperiment } from './experiment';
import type { Mnist } from '../data/mnist';
import { DEFAULT_CONFIG, type NormKind, type TrainConfig } from '../shared/config';
import { NET_IDS, type EpochMetrics, type NetId } from '../shared/metrics';
import type { SomeNets } from '../shared/protocol';
import { loadMnistForTests } from '../test-support/nodeMnist';
import { useCpuBackend } from '../test-support/tfCpu';

let mnist: Mnist;
beforeAll(async () => {
  await useCpuBackend();
  mnist = await loadMnistForTests(500);
});

const ALL: NormKind[] = ['none', 'batch', 'layer', 'group', 'rms'];

/** Two epochs of 30 mini-batches of 32: the blog recipe's nets and optimizer, cut short. */
const config = (norms: NormKind[]): TrainConfig => ({ ...DEFAULT_CONFIG, epochs: 2, trainSize: 960, norms });

async function curves(c: TrainConfig): Promise<Array<SomeNets<EpochMetrics>>> {
  const out: Array<SomeNets<EpochMetrics>> = [];
  await runExperiment(mnist, c, { onEpoch: (_, __, m) => out.push(m) });
  return out;
}

const numbers = (m: EpochMetrics | undefined): number[] => (m ? [m.loss, m.accuracy, m.valLoss, m.valAccuracy] : []);

/**
 * Epoch metrics of config(['none', 'batch']) on the CPU backend, written by the code before the other
 * normalizations existed (commit 7845fb7, the same test's config): adding nets must not move a single bit of these.
 */
const BEFORE: Array<Record<'bn' | 'plain', number[]>> = [
  {
    bn: [1.296137237548828, 0.609375, 1.53390234375, 0.686],
    plain: [1.562610880533854, 0.5822916666666667, 1.0153938598632812, 0.728],
  },
  {
    bn: [0.5529809315999349, 0.8885416666666667, 1.224679443359375, 0.808],
    plain: [0.6075016657511393, 0.8333333333333334, 0.6241668701171875, 0.806],
  },
];

describe('a run with every normalization', () => {
  it('trains one net per entry, leaves no tensor behind, keeps BN and plain bitwise as before, LN as alone', async () => {
    const before = tf.memory().numTensors;
    const params: NetId[][] = [];
    const epochs: Array<SomeNets<EpochMetrics>> = [];
    const outcome = await runExperiment(mnist, config(ALL), {
      onStart: (info) => params.push(NET_IDS.filter((id) => info.params[id] !== undefined)),
      onEpoch: (_, __, m) => epochs.push(m),
    });
    expect(outcome).toBe('completed');
    expect(tf.memory().numTensors).toBe(before);
    expect(params).toEqual([['bn', 'plain', 'ln', 'gn', 'rms']]);
    expect(epochs).toHaveLength(2);
    for (const id of NET_IDS) {
      const last = epochs[1]?.[id];
      // 60 steps of Adam lift every net well above chance (0.1) on the held-out images.
      expect(last?.valAccuracy, id).toBeGreaterThan(0.6);
      expect(Number.isFinite(last?.loss)).toBe(true);
    }
    const defaults = await curves(config(['none', 'batch']));
    expect(defaults.map((m) => ({ bn: numbers(m.bn), plain: numbers(m.plain) }))).toEqual(BEFORE);
    expect(epochs.map((m) => ({ bn: numbers(m.bn), plain: numbers(m.plain) }))).toEqual(BEFORE);
    const alone = await curves(config(['layer']));
    expect(alone.map((m) => Object.keys(m))).toEqual([['ln'], ['ln']]);
    expect(alone.map((m) => numbers(m.ln))).toEqual(epochs.map((m) => numbers(m.ln)));
  });

  it('starts every net from the same Dense kernels, so they part only by their normalization', async () => {
    const firstKernels: Partial<Record<NetId, Float32Array>> = {};
    await runExperiment(
      mnist,
      { ...config(ALL), epochs: 1, trainSize: 100 },
      {
        onNetsBuilt: (_, models) => {
          for (const id of NET_IDS) {
            const w = models[id]?.getLayer('dense_0').getWeights()[0];
            if (w) firstKernels[id] = w.dataSync() as Float32Array;
          }
        },
      },
    );
    const reference = firstKernels.plain;
    expect(reference).toBeDefined();
    for (const id of NET_IDS) expect(firstKernels[id], id).toEqual(reference);
  });
});
