// The panel's series: stable ids per net and role, names from the settings, no series for a net not trained, bands
// over seeds, steps on the x-axis, a ✕ where a net diverged, and earlier runs faded.
import { describe, expect, it } from 'vitest';
import { DEFAULT_CONFIG, type TrainConfig } from '../../shared/config';
import type { EpochRecord } from '../epochHistory';
import { buildDatasets, type LabDataset } from './datasets';
import { figureData, type FigureInput } from './figureData';
import { LiveSeries } from './liveSeries';
import { NET_STYLE } from './palette';

const row = (epoch: number, loss: number, valAccuracy: number): EpochRecord => ({
  epoch,
  loss,
  accuracy: 0.9,
  valLoss: loss + 0.05,
  valAccuracy,
  seconds: 1,
});

const history = { bn: [row(1, 0.2, 0.97)], plain: [row(1, 0.3, 0.95)] };
const CONFIG: TrainConfig = { ...DEFAULT_CONFIG, epochs: 2, trainSize: 1000, batchSize: 100 };

function input(over: Partial<FigureInput> = {}): FigureInput {
  return {
    config: CONFIG,
    stepsPerEpoch: 10,
    seedRuns: [history],
    divergences: [],
    liveSeed: 0,
    earlier: [],
    ...over,
  };
}

const newLive = () => new LiveSeries();
const ids = (sets: LabDataset[]) => sets.map((d) => d.id);

describe('buildDatasets', () => {
  it('gives every series a stable id, the net named by its settings, and the same colour per net, dashed for validation', () => {
    const live = newLive();
    const sets = buildDatasets('accuracy', figureData(input()), live.points);
    expect(ids(sets)).toEqual([
      'bn-train',
      'bn-validation',
      'plain-train',
      'plain-validation',
      'bn-running',
      'plain-running',
    ]);
    expect(ids(buildDatasets('accuracy', figureData(input()), live.points))).toEqual(ids(sets));
    expect(sets[0]).toMatchObject({
      label: 'With BN (before ReLU) · training',
      borderColor: NET_STYLE.bn.color,
      borderDash: [],
      data: [{ x: 1, y: 0.9 }],
    });
    expect(sets[1]).toMatchObject({ borderColor: NET_STYLE.bn.color, borderDash: [6, 4], data: [{ x: 1, y: 0.97 }] });
    expect(sets[2]?.label).toBe('No BN · training');
    expect(sets[2]?.pointStyle).not.toBe(sets[0]?.pointStyle);
    expect(sets[4]?.data).toBe(live.points.bn.accuracy);
    expect(buildDatasets('loss', figureData(input()), live.points)[3]?.data).toEqual([{ x: 1, y: 0.35 }]);
  });

  it('has no series at all for a net the run does not train', () => {
    const sets = buildDatasets('loss', figureData(input({ config: { ...CONFIG, nets: 'plain' } })), newLive().points);
    expect(ids(sets)).toEqual(['plain-train', 'plain-validation', 'plain-running']);
  });

  it('puts epoch points at epoch × steps per epoch on the steps axis', () => {
    const fig = figureData(input({ config: { ...CONFIG, xAxis: 'steps' } }));
    expect(fig.axis).toEqual({ mode: 'steps', epochs: 2, stepsPerEpoch: 10 });
    expect(buildDatasets('loss', fig, newLive().points)[0]?.data).toEqual([{ x: 10, y: 0.2 }]);
  });

  it('draws the mean of completed seeds with a min–max band filled between its edges', () => {
    const seedRuns = [
      { bn: [row(1, 0.2, 0.96), row(2, 0.1, 0.97)], plain: [row(1, 0.3, 0.94), row(2, 0.2, 0.95)] },
      { bn: [row(1, 0.4, 0.98), row(2, 0.3, 0.99)], plain: [row(1, 0.5, 0.92), row(2, 0.4, 0.93)] },
      { bn: [row(1, 9, 0.1)], plain: [row(1, 9, 0.1)] },
    ];
    const fig = figureData(input({ config: { ...CONFIG, seeds: 3 }, seedRuns, liveSeed: 2 }));
    expect(fig.seeds).toBe(2);
    const sets = buildDatasets('loss', fig, newLive().points);
    const min = sets.find((d) => d.id === 'bn-band-train-min');
    const max = sets.find((d) => d.id === 'bn-band-train-max');
    expect(min?.data.map((p) => p.y)).toEqual([0.2, 0.1]);
    expect(max?.data.map((p) => p.y)).toEqual([0.4, 0.3]);
    expect(max?.fill).toBe('-1');
    // '-1' fills down to the previous dataset, so the lower edge must come right before the upper.
    const index = (id: string) => sets.findIndex((d) => d.id === id);
    expect(index('bn-band-train-max') - index('bn-band-train-min')).toBe(1);
    const mean = sets.find((d) => d.id === 'bn-train');
    expect(mean?.label).toBe('With BN (before ReLU) · training, mean of 2 seeds');
    expect(mean?.data.map((p) => p.y.toFixed(2))).toEqual(['0.30', '0.20']);
    expect(mean?.spread?.[0]).toMatchObject({ min: 0.2, max: 0.4, count: 2 });
  });

  it('marks where a net diverged on its last finite running point', () => {
    const live = newLive();
    live.append({
      seedIndex: 0,
      epoch: 2,
      step: 3,
      stepsPerEpoch: 10,
      running: { bn: { loss: 0.5, accuracy: 0.9 }, plain: { loss: 7, accuracy: 0.4 } },
    });
    live.append({
      seedIndex: 0,
      epoch: 2,
      step: 4,
      stepsPerEpoch: 10,
      running: { bn: { loss: 0.4, accuracy: 0.9 }, plain: { loss: Number.NaN, accuracy: 0.1 } },
    });
    const fig = figureData(input({ divergences: [{ net: 'plain', seedIndex: 0, epoch: 2, step: 4 }] }));
    const marker = buildDatasets('loss', fig, live.points).find((d) => d.role === 'diverged');
    expect(marker).toMatchObject({
      id: 'plain-diverged',
      label: 'No BN diverged',
      data: [{ x: 1.3, y: 7 }],
      showLine: false,
    });
    // A divergence in another seed than the one on screen has no marker here.
    const other = figureData(input({ divergences: [{ net: 'plain', seedIndex: 1, epoch: 2, step: 4 }] }));
    expect(buildDatasets('loss', other, live.points).some((d) => d.role === 'diverged')).toBe(false);
  });

  it('draws earlier runs first, faded, with their own steps per epoch', () => {
    const earlier = [
      {
        runId: 'r1',
        net: 'plain' as const,
        label: 'Run 1 · No BN (lr 0.03)',
        stepsPerEpoch: 20,
        valLoss: [{ epoch: 1, mean: 0.4, min: 0.4, max: 0.4, count: 1 }],
        valAccuracy: [{ epoch: 1, mean: 0.9, min: 0.9, max: 0.9, count: 1 }],
      },
    ];
    const sets = buildDatasets(
      'accuracy',
      figureData(input({ earlier, config: { ...CONFIG, xAxis: 'steps' } })),
      newLive().points,
    );
    expect(sets[0]).toMatchObject({
      id: 'earlier-r1-plain',
      role: 'earlier',
      label: 'Run 1 · No BN (lr 0.03)',
      data: [{ x: 20, y: 0.9 }],
      borderColor: NET_STYLE.plain.earlier,
      pointRadius: 0,
    });
  });
});
