import { describe, expect, it } from 'vitest';
import { saturationThreshold } from '../../shared/inside';
import { histogram, percentileOfSorted, saturatedShare, typicalUnit, unitPercentiles } from './percentiles';

describe('percentiles', () => {
  it('interpolate linearly between order statistics, as numpy does by default', () => {
    const sorted = [1, 2, 3, 4, 5, 6, 7, 8, 9, 10];
    // numpy.percentile(range(1, 11), [0, 15, 50, 85, 100]) = [1, 2.35, 5.5, 8.65, 10]
    expect([0, 15, 50, 85, 100].map((p) => percentileOfSorted(sorted, p))).toEqual(
      [1, 2.35, 5.5, 8.65, 10].map((v): unknown => expect.closeTo(v, 12)),
    );
    expect(percentileOfSorted([4], 85)).toBe(4);
    expect(percentileOfSorted([], 50)).toBeNaN();
  });

  it('are taken per unit (column) of a row-major matrix, unsorted input', () => {
    // 4 examples × 2 units: unit 0 = 4, 1, 3, 2; unit 1 = -10, 30, 20, 0.
    const values = [4, -10, 1, 30, 3, 20, 2, 0];
    const p = unitPercentiles(values, 4, 2, [15, 50, 85]);
    expect(Array.from(p)).toEqual([1.45, 2.5, 3.55, -5.5, 10, 25.5].map((v): unknown => expect.closeTo(v, 5)));
  });

  it('call the unit with the median median typical', () => {
    expect(typicalUnit([5, -2, 9, 0, 3])).toBe(4);
    expect(typicalUnit([1, 1, 1, 1])).toBe(1);
    expect(typicalUnit([7])).toBe(0);
  });
});

describe('histogram', () => {
  it('counts every finite value once over its own range, the maximum in the last bin', () => {
    const h = histogram([0, 1, 2, 3, 4, NaN], 4);
    expect(h).toEqual({ min: 0, max: 4, counts: [1, 1, 1, 2] });
    expect(histogram([2, 2, 2], 3)).toEqual({ min: 2, max: 2, counts: [3, 0, 0] });
    expect(histogram([], 2)).toEqual({ min: 0, max: 0, counts: [0, 0] });
  });
});

describe('saturation', () => {
  it('starts where sigmoid leaves [0.05, 0.95] and tanh leaves [-0.95, 0.95]; ReLU has none', () => {
    const s = saturationThreshold('sigmoid') ?? NaN;
    expect(1 / (1 + Math.exp(-s))).toBeCloseTo(0.95, 12);
    expect(Math.tanh(saturationThreshold('tanh') ?? NaN)).toBeCloseTo(0.95, 12);
    expect(saturationThreshold('relu')).toBeNull();
    expect(saturatedShare([-4, -1, 0, 2, 3.5], 'sigmoid')).toBeCloseTo(0.4, 12);
    expect(saturatedShare([-4, 3.5], 'relu')).toBeNull();
  });
});
