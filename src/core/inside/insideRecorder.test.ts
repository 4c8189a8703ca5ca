// The recorder watches real training on MNIST (CPU backend): the runs' results are the same with it as without it,
// its numbers obey the BN formulas, and it leaves no tensor behind.
import * as tf from '@tensorflow/tfjs';
import { beforeAll, describe, expect, it } from 'vitest';
import type { Mnist } from '../../data/mnist';
import { defaultConfig, type TrainConfig } from '../../shared/config';
import { CLOSED_VIEW, type InsideRecord, type InsideView } from '../../shared/inside';
import type { EpochMetrics } from '../../shared/metrics';
import type { SomeNets } from '../../shared/protocol';
import { loadMnistForTests } from '../../test-support/nodeMnist';
import { useCpuBackend } from '../../test-support/tfCpu';
import { runExperiment } from '../experiment';
import { InsideRecorder, PROBE_IMAGES } from './insideRecorder';

let data: Mnist;
beforeAll(async () => {
  await useCpuBackend();
  data = await loadMnistForTests(1000);
});

const CONFIG: TrainConfig = {
  ...defaultConfig(),
  layers: [16, 8],
  activation: 'sigmoid',
  trainSize: 500,
  batchSize: 50,
  epochs: 2,
  optimizer: 'sgd',
  lr: 0.5,
};
const EVERY_STEP = { minIntervalMs: 0, share: 1 };

async function run(
  config: TrainConfig,
  view: InsideView | null,
): Promise<{ epochs: Array<SomeNets<EpochMetrics>>; records: InsideRecord[]; recorder: InsideRecorder | null }> {
  const epochs: Array<SomeNets<EpochMetrics>> = [];
  const records: InsideRecord[] = [];
  const recorder = view
    ? new InsideRecorder({
        config,
        test: data.test,
        view: () => view,
        onRecord: (r) => records.push(r),
        recordBudget: EVERY_STEP,
        modesBudget: EVERY_STEP,
      })
    : null;
  await runExperiment(data, config, {
    onEpoch: (_r, _e, metrics) => epochs.push(metrics),
    ...(recorder ? { stepObserver: recorder } : {}),
  });
  return { epochs, records, recorder };
}

describe('the inspectors’ recorder', () => {
  it('does not change training: same seed, same epoch metrics as without it (recording every step)', async () => {
    const plain = await run(CONFIG, null);
    const watched = await run(CONFIG, { open: true, layer: 1, unit: null });
    watched.recorder?.dispose();
    expect(watched.records.length).toBe(20);
    const strip = (list: Array<SomeNets<EpochMetrics>>) =>
      list.map((m) => ({ bn: { ...m.bn, seconds: 0 }, plain: { ...m.plain, seconds: 0 } }));
    expect(strip(watched.epochs)).toEqual(strip(plain.epochs));
  });

  it('records numbers that obey the BN formulas and the running-average update, and leaks nothing', async () => {
    const before = tf.memory().numTensors;
    const { records, recorder } = await run({ ...CONFIG, epochs: 1 }, { open: true, layer: 0, unit: 3 });
    recorder?.dispose();
    expect(tf.memory().numTensors).toBe(before);
    expect(records.map((r) => r.step)).toEqual([0, 1, 2, 3, 4, 5, 6, 7, 8, 9]);
    for (const r of records) {
      expect(r.unit).toBe(3);
      for (const net of ['bn', 'plain'] as const) {
        const n = r.nets[net];
        if (!n) throw new Error(`no ${net} record`);
        const [p15, p50, p85] = n.percentiles;
        expect(p15).toBeLessThanOrEqual(p50);
        expect(p50).toBeLessThanOrEqual(p85);
        expect(n.histogram.counts.reduce((a, b) => a + b, 0)).toBe(256 * 16);
        expect(n.flow).toHaveLength(3);
        for (const f of n.flow) {
          expect(f.gradNorm).toBeGreaterThan(0);
          expect(f.updateRatio).toBeGreaterThan(0);
        }
        expect(n.saturated).toHaveLength(2);
        for (const s of n.saturated) expect(s).toBeGreaterThanOrEqual(0);
      }
      const m = r.math;
      if (!m) throw new Error('no BN maths');
      expect(m.m).toBe(50);
      expect(m.rows).toHaveLength(5);
      for (const row of m.rows) {
        expect(row.xhat).toBeCloseTo((row.x - m.mean) / Math.sqrt(m.variance + m.epsilon), 4);
        expect(row.y).toBeCloseTo(m.gamma * row.xhat + m.beta, 5);
      }
      expect(m.runningMeanAfter).toBeCloseTo(
        m.runningMeanBefore - (m.runningMeanBefore - m.mean) * (1 - m.momentum),
        5,
      );
      expect(m.runningVarAfter).toBeCloseTo(
        m.runningVarBefore - (m.runningVarBefore - m.variance) * (1 - m.momentum),
        5,
      );
      expect(r.modeAccuracy?.images).toBe(1000);
      expect(r.modeAccuracy?.train).toBeGreaterThanOrEqual(0);
      expect(r.modeAccuracy?.inference).toBeLessThanOrEqual(1);
    }
    // The first step: running statistics at their initial 0 and 1.
    expect(records[0]?.math?.runningMeanBefore).toBe(0);
    expect(records[0]?.math?.runningVarBefore).toBe(1);
    // BN keeps its layer's inputs near zero mean, unit spread: its median stays small while learning.
    expect(Math.abs(records[9]?.nets.bn?.percentiles[1] ?? NaN)).toBeLessThan(3);
  });

  it('keeps the whole history: another unit’s series ends at what that unit would have shown', async () => {
    const view: InsideView = { open: true, layer: 1, unit: null };
    const records: InsideRecord[] = [];
    const config = { ...CONFIG, epochs: 1 };
    const recorder = new InsideRecorder({
      config,
      test: data.test,
      view: () => view,
      onRecord: (r) => records.push(r),
      recordBudget: EVERY_STEP,
      modesBudget: EVERY_STEP,
    });
    await runExperiment(data, config, { stepObserver: recorder });
    const typical = records[0]?.typicalUnit ?? -1;
    expect(records.every((r) => r.unit === typical && r.typicalUnit === typical)).toBe(true);
    const series = recorder.series({ open: true, layer: 1, unit: typical });
    expect(series?.steps).toEqual(records.map((r) => r.step));
    expect(series?.percentiles.plain?.[1]).toEqual(records.map((r) => r.nets.plain?.percentiles[1]));
    const other = recorder.series({ open: true, layer: 0, unit: 15 });
    expect(other?.unit).toBe(15);
    expect(other?.percentiles.bn?.[0]).toHaveLength(10);
    // Every layer's histograms at the latest record: a layer picked after the run still has one to show.
    const last = records[records.length - 1];
    expect(series?.histograms).toEqual({
      layer: 1,
      step: last?.step,
      nets: { bn: last?.nets.bn?.histogram, plain: last?.nets.plain?.histogram },
    });
    expect(other?.histograms?.layer).toBe(0);
    expect(other?.histograms?.step).toBe(last?.step);
    expect(other?.histograms?.nets.bn?.counts.reduce((a, b) => a + b, 0)).toBe(PROBE_IMAGES * (config.layers[0] ?? 0));
    recorder.dispose();
  });

  it('records nothing while the inspectors are closed, and no maths on a layer without BN', async () => {
    const closed = await run({ ...CONFIG, epochs: 1 }, CLOSED_VIEW);
    closed.recorder?.dispose();
    expect(closed.records).toEqual([]);
    const noBn = await run({ ...CONFIG, epochs: 1, bnLayers: [2] }, { open: true, layer: 0, unit: null });
    noBn.recorder?.dispose();
    expect(noBn.records.length).toBe(10);
    expect(noBn.records.every((r) => r.math === null)).toBe(true);
  });

  it('records every step a learner takes by hand or in slow motion, whatever the rate budget', async () => {
    const records: InsideRecord[] = [];
    let manual = false;
    const config = { ...CONFIG, epochs: 1 };
    const recorder = new InsideRecorder({
      config,
      test: data.test,
      view: () => ({ open: true, layer: 0, unit: 2 }),
      onRecord: (r) => records.push(r),
      // A budget that would allow one record a day.
      recordBudget: { minIntervalMs: 86_400_000, share: 0.05 },
      everyStep: () => manual,
    });
    let steps = 0;
    await runExperiment(data, config, {
      stepObserver: recorder,
      // The last four of the ten steps are "manual".
      awaitTurn: () => {
        steps++;
        manual = steps > 6;
        return null;
      },
    });
    recorder.dispose();
    expect(records.map((r) => r.step)).toEqual([0, 6, 7, 8, 9]);
    expect(records.every((r) => r.math !== null && r.math.source === 'step')).toBe(true);
  });
});
