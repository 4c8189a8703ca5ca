import { describe, expect, it } from 'vitest';
import { netNames } from '../../shared/netNames';
import { flowDatasets, histogramDatasets, histogramPoints, plainDecimal } from './insideDatasets';
import { emptyInside, reduceInside, withInsideSeries } from './insideState';

describe('plainDecimal', () => {
  it('writes 7 significant digits without an exponent', () => {
    expect(plainDecimal(0.001)).toBe('0.001000000');
    expect(plainDecimal(1e-8)).toBe('0.00000001000000');
    expect(plainDecimal(-1.23456789)).toBe('-1.234568');
    expect(plainDecimal(12345.678)).toBe('12345.68');
    expect(plainDecimal(0)).toBe('0');
    expect(plainDecimal(Number.NaN)).toBe('NaN');
    for (const v of [0.001, 1e-8, -1.23456789, 12345.678, 3e-12]) expect(plainDecimal(v)).not.toMatch(/e/i);
  });
});

describe('chart data', () => {
  it('turns a histogram into shares at bin centres', () => {
    expect(histogramPoints({ min: 0, max: 4, counts: [1, 3] })).toEqual([
      { x: 1, y: 0.25 },
      { x: 3, y: 0.75 },
    ]);
  });

  it('draws one flow line per net and layer, named output for the last Dense layer, skipping missing values', () => {
    const s = reduceInside(emptyInside(), {
      type: 'inside-record',
      runId: 1,
      record: {
        seedIndex: 0,
        step: 3,
        layer: 0,
        unit: 0,
        typicalUnit: 0,
        math: null,
        modeAccuracy: null,
        nets: {
          bn: {
            units: 2,
            percentiles: [0, 0, 0],
            histogram: { min: 0, max: 1, counts: [1] },
            flow: [
              { gradNorm: 1, updateRatio: 0.1 },
              { gradNorm: 2, updateRatio: NaN },
            ],
            saturated: [null],
          },
        },
      },
    });
    const names = netNames(null);
    expect(flowDatasets(s.flowSteps, s.flow, 'gradNorm', names).map((d) => [d.id, d.label, d.data])).toEqual([
      ['bn-gradNorm-0', 'With BN: dense 1', [{ x: 3, y: 1 }]],
      ['bn-gradNorm-1', 'With BN: output', [{ x: 3, y: 2 }]],
    ]);
    expect(flowDatasets(s.flowSteps, s.flow, 'updateRatio', names).map((d) => d.id)).toEqual(['bn-updateRatio-0']);
    expect(flowDatasets(s.flowSteps, s.flow, 'saturated', names)).toEqual([]);
  });
});

describe('the histogram', () => {
  it('is shown only for the layer on screen', () => {
    const record = {
      seedIndex: 0,
      step: 3,
      layer: 0,
      unit: 0,
      typicalUnit: 0,
      math: null,
      modeAccuracy: null,
      nets: {
        bn: {
          units: 2,
          percentiles: [0, 0, 0] as [number, number, number],
          histogram: { min: 0, max: 1, counts: [1] },
          flow: [],
          saturated: [],
        },
      },
    };
    const s = reduceInside(emptyInside(), { type: 'inside-record', runId: 1, record });
    const names = netNames(null);
    expect(histogramDatasets(s.histograms, s.layer, names).map((d) => d.id)).toEqual(['hist-bn']);
    expect(histogramDatasets(s.histograms, 1, names)).toEqual([]);

    // Another layer picked after the run: no record will come, the worker's answer carries that layer's histograms.
    const after = withInsideSeries(s, 1, {
      seedIndex: 0,
      layer: 1,
      unit: 0,
      typicalUnit: 0,
      steps: [3],
      percentiles: {},
      histograms: { layer: 1, step: 3, nets: { bn: { min: -1, max: 1, counts: [2, 2] } } },
    });
    expect(histogramDatasets(after.histograms, after.layer, names).map((d) => d.data)).toEqual([
      [
        { x: -0.5, y: 0.5 },
        { x: 0.5, y: 0.5 },
      ],
    ]);
  });
});
