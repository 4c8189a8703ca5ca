// Statistics over seeds: what the mean curves, their bands and the "gap exceeds spread" verdicts are computed from.
import { describe, expect, it } from 'vitest';
import type { EpochRecord } from '../epochHistory';
import { epochStats, gapVerdict, isSeedComplete, seedsForFigure, summarize, type SeedRun } from './seedStats';

function row(epoch: number, valAccuracy: number, loss = 0.1): EpochRecord {
  return { epoch, loss, accuracy: 0.9, valLoss: loss, valAccuracy, seconds: 1 };
}

function seed(bn: number[], plain: number[]): SeedRun {
  return { bn: bn.map((v, i) => row(i + 1, v)), plain: plain.map((v, i) => row(i + 1, v)) };
}

const CTX = { epochs: 2, nets: ['bn', 'plain'] as const, divergences: [] };

describe('epochStats', () => {
  it('gives mean, min, max and count per epoch over the seeds that have it', () => {
    const stats = epochStats([seed([0.9, 0.95], []), seed([0.92, 0.97], []), seed([0.94], [])], 'bn', 'valAccuracy');
    expect(stats.map((s) => s.epoch)).toEqual([1, 2]);
    expect(stats[0]).toMatchObject({ min: 0.9, max: 0.94, count: 3 });
    expect(stats[0]?.mean).toBeCloseTo(0.92);
    expect(stats[1]).toMatchObject({ min: 0.95, max: 0.97, count: 2 });
    expect(epochStats([], 'plain', 'loss')).toEqual([]);
  });

  it('skips NaN and infinite values, and marks an epoch with none as NaN (a gap)', () => {
    const runs: SeedRun[] = [
      { bn: [row(1, 0.9, Number.NaN)], plain: [] },
      { bn: [row(1, 0.9, 0.3)], plain: [] },
      { bn: [row(2, 0.9, Number.POSITIVE_INFINITY)], plain: [] },
    ];
    const stats = epochStats(runs, 'bn', 'loss');
    expect(stats[0]).toMatchObject({ mean: 0.3, min: 0.3, max: 0.3, count: 1 });
    expect(stats[1]?.count).toBe(0);
    expect(Number.isNaN(stats[1]?.mean)).toBe(true);
  });
});

describe('completed seeds', () => {
  it('counts a seed complete when every trained net reached the last epoch or diverged', () => {
    expect(isSeedComplete(seed([0.9, 0.9], [0.9, 0.9]), 0, CTX)).toBe(true);
    expect(isSeedComplete(seed([0.9, 0.9], [0.9]), 0, CTX)).toBe(false);
    const diverged = { ...CTX, divergences: [{ net: 'plain' as const, seedIndex: 1, epoch: 2, step: 5 }] };
    expect(isSeedComplete(seed([0.9, 0.9], [0.9]), 1, diverged)).toBe(true);
    expect(isSeedComplete(seed([0.9, 0.9], [0.9]), 0, diverged)).toBe(false);
    expect(isSeedComplete(seed([0.9, 0.9], []), 0, { ...CTX, nets: ['bn'] })).toBe(true);
  });

  it('averages the completed seeds, or the seed in progress until one completes', () => {
    const done = seed([0.9, 0.91], [0.8, 0.81]);
    const partial = seed([0.5], [0.4]);
    expect(seedsForFigure([done, partial], CTX)).toEqual([done]);
    expect(seedsForFigure([partial], CTX)).toEqual([partial]);
    expect(seedsForFigure([seed([], [])], CTX)).toEqual([]);
  });

  it('draws every seed while they train together, none complete yet', () => {
    const a = seed([0.9], [0.88]);
    const b = seed([0.91], [0.87]);
    const c = seed([0.92], [0.89]);
    expect(seedsForFigure([a, b, c], CTX)).toEqual([a, b, c]);
    // One after another: the first seed's rows only, until it completes.
    expect(seedsForFigure([a, seed([], [])], CTX)).toEqual([a]);
  });
});

describe('the gap verdict', () => {
  const stat = (min: number, max: number) => ({ epoch: 1, mean: (min + max) / 2, min, max, count: 3 });

  it('says the gap exceeds the spread only when the min–max ranges do not overlap', () => {
    expect(gapVerdict(stat(0.96, 0.97), stat(0.94, 0.95))).toBe('exceeds');
    expect(gapVerdict(stat(0.94, 0.95), stat(0.96, 0.97))).toBe('exceeds');
    expect(gapVerdict(stat(0.94, 0.96), stat(0.95, 0.97))).toBe('within');
    expect(gapVerdict(stat(0.95, 0.95), stat(0.95, 0.96))).toBe('within');
  });

  it('summarizes the epochs every seed has, with the higher net when the gap is real', () => {
    const rows = summarize(
      [seed([0.96, 0.97], [0.94, 0.965]), seed([0.965, 0.975], [0.945, 0.97]), seed([0.97], [0.95])],
      ['bn', 'plain'],
    );
    expect(rows.map((r) => r.epoch)).toEqual([1]);
    expect(rows[0]?.gaps).toEqual([{ net: 'bn', against: 'plain', verdict: 'exceeds', higher: 'bn' }]);
    expect(rows[0]?.nets.bn).toMatchObject({ min: 0.96, max: 0.97, count: 3 });

    const two = summarize([seed([0.96, 0.97], [0.94, 0.965]), seed([0.965, 0.975], [0.945, 0.97])], ['bn', 'plain']);
    expect(two.map((r) => [r.epoch, r.gaps[0]?.verdict, r.gaps[0]?.higher])).toEqual([
      [1, 'exceeds', 'bn'],
      [2, 'within', null],
    ]);
  });

  it('gives no verdict with one seed, one net, or a net missing from a seed', () => {
    expect(summarize([seed([0.97], [0.9])], ['bn', 'plain'])[0]?.gaps[0]?.verdict).toBeNull();
    const bnOnly = summarize([seed([0.97], []), seed([0.96], [])], ['bn']);
    expect(bnOnly[0]).toMatchObject({ gaps: [], nets: { bn: { count: 2 } } });
    expect(bnOnly[0]?.nets.plain).toBeUndefined();
    expect(summarize([seed([0.97], [0.9]), seed([0.96], [])], ['bn', 'plain'])[0]?.gaps[0]?.verdict).toBeNull();
    expect(summarize([], ['bn'])).toEqual([]);
  });

  it('with more nets, compares each normalized net with the plain one, or with the first when none is plain', () => {
    const five = (bn: number, plain: number, ln: number, gn: number, rms: number): SeedRun => ({
      bn: [row(1, bn)],
      plain: [row(1, plain)],
      ln: [row(1, ln)],
      gn: [row(1, gn)],
      rms: [row(1, rms)],
    });
    const nets = ['bn', 'plain', 'ln', 'gn', 'rms'] as const;
    const rows = summarize([five(0.9, 0.95, 0.97, 0.94, 0.96), five(0.91, 0.96, 0.98, 0.95, 0.965)], nets);
    expect(rows[0]?.gaps.map((g) => [g.net, g.against, g.verdict, g.higher])).toEqual([
      ['bn', 'plain', 'exceeds', 'plain'],
      ['ln', 'plain', 'exceeds', 'ln'],
      ['gn', 'plain', 'within', null],
      ['rms', 'plain', 'within', null],
    ]);
    const noPlain = summarize([five(0.9, 0, 0.97, 0.94, 0), five(0.91, 0, 0.98, 0.95, 0)], ['bn', 'ln', 'gn']);
    expect(noPlain[0]?.gaps.map((g) => [g.net, g.against, g.verdict, g.higher])).toEqual([
      ['ln', 'bn', 'exceeds', 'ln'],
      ['gn', 'bn', 'exceeds', 'gn'],
    ]);
  });
});
