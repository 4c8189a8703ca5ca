import { describe, expect, it } from 'vitest';
import type { InsideRecord, NetRecord } from '../../shared/inside';
import { emptyInside, reduceInside, withInsideSeries, type InsideState } from './insideState';

function net(p50: number, flow = 0.1): NetRecord {
  return {
    units: 4,
    percentiles: [p50 - 1, p50, p50 + 1],
    histogram: { min: -1, max: 1, counts: [1, 2] },
    flow: [
      { gradNorm: flow, updateRatio: flow / 10 },
      { gradNorm: 2 * flow, updateRatio: flow / 5 },
    ],
    saturated: [0.5, null],
  };
}

function record(step: number, over: Partial<InsideRecord> = {}): InsideRecord {
  return {
    seedIndex: 0,
    step,
    layer: 0,
    unit: 2,
    typicalUnit: 2,
    nets: { bn: net(step), plain: net(10 * step) },
    math: null,
    modeAccuracy: null,
    ...over,
  };
}

const apply = (state: InsideState, ...records: InsideRecord[]): InsideState =>
  records.reduce((s, r) => reduceInside(s, { type: 'inside-record', runId: 7, record: r }), state);

describe('the inspectors reducer', () => {
  it('appends each record to the chosen unit’s series, the flow per layer and (when measured) the accuracy in both modes', () => {
    const s = apply(
      emptyInside(),
      record(0, { modeAccuracy: { train: 0.5, inference: 0.1, images: 1000 } }),
      record(5),
      record(9, { modeAccuracy: { train: 0.8, inference: 0.7, images: 1000 } }),
    );
    expect(s.runId).toBe(7);
    expect(s.steps).toEqual([0, 5, 9]);
    expect(s.percentiles.bn).toEqual([
      [-1, 4, 8],
      [0, 5, 9],
      [1, 6, 10],
    ]);
    expect(s.percentiles.plain?.[1]).toEqual([0, 50, 90]);
    expect(s.flowSteps).toEqual([0, 5, 9]);
    expect(s.flow.bn?.gradNorm).toEqual([
      [0.1, 0.1, 0.1],
      [0.2, 0.2, 0.2],
    ]);
    expect(s.flow.plain?.saturated).toEqual([
      [0.5, 0.5, 0.5],
      [NaN, NaN, NaN],
    ]);
    expect(s.modeAccuracy).toEqual({ steps: [0, 9], train: [0.5, 0.8], inference: [0.1, 0.7] });
    expect(s.latest?.step).toBe(9);
    expect(s.records).toBe(3);
  });

  it('replaces the series with the history the worker sends for another unit, and appends to it', () => {
    let s = apply(emptyInside(), record(0), record(5));
    s = withInsideSeries(s, 7, {
      seedIndex: 0,
      layer: 1,
      unit: 0,
      typicalUnit: 3,
      steps: [0, 5],
      percentiles: {
        bn: [
          [1, 2],
          [3, 4],
          [5, 6],
        ],
      },
      histograms: null,
    });
    expect([s.layer, s.unit, s.typicalUnit]).toEqual([1, 0, 3]);
    expect(s.steps).toEqual([0, 5]);
    s = apply(s, record(8, { layer: 1, unit: 0 }));
    expect(s.steps).toEqual([0, 5, 8]);
    expect(s.percentiles.bn?.[1]).toEqual([3, 4, 8]);
    // The flow history is of all layers: it is not reset by the view.
    expect(s.flowSteps).toEqual([0, 5, 8]);
  });

  it('starts over for a new run or seed; a record for another unit than the series restarts the series alone', () => {
    let s = apply(emptyInside(), record(0), record(5));
    s = apply(s, record(7, { unit: 3 }));
    expect(s.steps).toEqual([7]);
    expect(s.flowSteps).toEqual([0, 5, 7]);
    s = apply(s, record(0, { seedIndex: 1 }));
    expect(s.seedIndex).toBe(1);
    expect(s.flowSteps).toEqual([0]);
    s = reduceInside(s, { type: 'inside-record', runId: 8, record: record(0) });
    expect(s.runId).toBe(8);
    expect(s.records).toBe(1);
  });
});
