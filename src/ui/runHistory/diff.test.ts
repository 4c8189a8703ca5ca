// Labels of what differed between an earlier run and the current one.
import { describe, expect, it } from 'vitest';
import { DEFAULT_CONFIG, type TrainConfig } from '../../shared/config';
import { differences, diffLabel, shortDiffLabel } from './diff';

const NOW: TrainConfig = { ...DEFAULT_CONFIG, lr: 0.001, batchSize: 32 };

describe('differences', () => {
  it('names each differing setting by its URL key, in the table order, with both values', () => {
    const then: TrainConfig = { ...NOW, batchSize: 64, lr: 0.03 };
    const diffs = differences(then, NOW);
    expect(diffs.map((d) => [d.name, d.then, d.now])).toEqual([
      ['lr', '0.03', '0.001'],
      ['batch', '64', '32'],
    ]);
    expect(diffLabel(diffs)).toBe('lr 0.03 (now 0.001) · batch 64 (now 32)');
    expect(shortDiffLabel(diffs)).toBe('lr 0.03, batch 64');
  });

  it('says "same settings" when only the backend or the x-axis differ', () => {
    const diffs = differences({ ...NOW, backend: 'cpu', xAxis: 'steps' }, NOW);
    expect(diffs).toEqual([]);
    expect(diffLabel(diffs)).toBe('same settings');
    expect(shortDiffLabel(diffs)).toBe('same settings');
  });

  it('writes lists as in the URL and flags as on/off, and shortens a long list', () => {
    const then: TrainConfig = {
      ...NOW,
      layers: [256, 128, 64],
      denseBias: false,
      bnLayers: [1],
      seed: 7,
      epochs: 3,
      optimizer: 'sgd',
    };
    const diffs = differences(then, NOW);
    expect(diffs.map((d) => `${d.name} ${d.then}`)).toEqual([
      'opt sgd',
      'epochs 3',
      'seed 7',
      'layers 256,128,64',
      'bias off',
      'bn 1',
    ]);
    expect(diffLabel(diffs)).toBe(
      'opt sgd (now adam) · epochs 3 (now 10) · seed 7 (now 42) · layers 256,128,64 (now 128,64) · +2 more',
    );
    expect(shortDiffLabel(diffs)).toBe('opt sgd, epochs 3, …');
  });
});
