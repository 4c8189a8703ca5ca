// The BN inspectors' state on the page and the pure reducer that grows it from the worker's records: the chosen
// unit's percentile series, the latest record (histogram, maths), gradient flow and saturation per layer, and the
// two modes' accuracy, for the run and seed on screen. Arrays are replaced, never mutated (React compares them).
import type { Histogram, InsideRecord, InsideSeries } from '../../shared/inside';
import { NET_IDS } from '../../shared/metrics';
import type { SomeNets, WorkerEvent } from '../../shared/protocol';

export type FlowMetric = 'gradNorm' | 'updateRatio' | 'saturated';

/** The chosen layer's and unit's percentile history (as the worker sends it), and what the other panels show. */
export interface InsideState extends InsideSeries {
  runId: number | null;
  latest: InsideRecord | null;
  /** Steps of every record (gradient flow and saturation are kept for all layers). */
  flowSteps: number[];
  /** Per net, per metric, per layer: one value per record (NaN where there is none). */
  flow: SomeNets<Record<FlowMetric, number[][]>>;
  modeAccuracy: { steps: number[]; train: number[]; inference: number[] };
  records: number;
}

export function emptyInside(runId: number | null = null, seedIndex = 0): InsideState {
  return {
    runId,
    seedIndex,
    layer: 0,
    unit: 0,
    typicalUnit: 0,
    steps: [],
    percentiles: {},
    histograms: null,
    latest: null,
    flowSteps: [],
    flow: {},
    modeAccuracy: { steps: [], train: [], inference: [] },
    records: 0,
  };
}

export type InsideEvent = Extract<WorkerEvent, { type: 'inside-record' }>;

/** A record the worker streamed while a run trains. */
export function reduceInside(state: InsideState, event: InsideEvent): InsideState {
  return withRecord(fresh(state, event.runId, event.record.seedIndex), event.record);
}

/** The history the worker answered a view request with (the page picked another layer or unit). */
export function withInsideSeries(state: InsideState, runId: number, series: InsideSeries): InsideState {
  return withSeries(fresh(state, runId, series.seedIndex), series);
}

/** A new run or seed starts over. */
function fresh(state: InsideState, runId: number, seedIndex: number): InsideState {
  return state.runId === runId && state.seedIndex === seedIndex ? state : emptyInside(runId, seedIndex);
}

function withSeries(state: InsideState, series: InsideSeries): InsideState {
  return {
    ...state,
    layer: series.layer,
    unit: series.unit,
    typicalUnit: series.typicalUnit,
    steps: series.steps,
    percentiles: series.percentiles,
    // A series without histograms (none recorded for that layer) leaves the chart empty rather than another layer's.
    histograms: series.histograms,
  };
}

function append<T>(list: readonly T[], value: T): T[] {
  return [...list, value];
}

function withRecord(state: InsideState, record: InsideRecord): InsideState {
  const sameUnit = state.steps.length > 0 && record.layer === state.layer && record.unit === state.unit;
  const percentiles: SomeNets<[number[], number[], number[]]> = {};
  for (const net of NET_IDS) {
    const p = record.nets[net]?.percentiles;
    if (!p) continue;
    const was = sameUnit ? state.percentiles[net] : undefined;
    percentiles[net] = [append(was?.[0] ?? [], p[0]), append(was?.[1] ?? [], p[1]), append(was?.[2] ?? [], p[2])];
  }
  const histograms: SomeNets<Histogram> = {};
  for (const net of NET_IDS) {
    const h = record.nets[net]?.histogram;
    if (h) histograms[net] = h;
  }
  const modeAccuracy = record.modeAccuracy
    ? {
        steps: append(state.modeAccuracy.steps, record.step),
        train: append(state.modeAccuracy.train, record.modeAccuracy.train),
        inference: append(state.modeAccuracy.inference, record.modeAccuracy.inference),
      }
    : state.modeAccuracy;
  return {
    ...state,
    layer: record.layer,
    unit: record.unit,
    typicalUnit: record.typicalUnit,
    steps: sameUnit ? append(state.steps, record.step) : [record.step],
    percentiles,
    histograms: { layer: record.layer, step: record.step, nets: histograms },
    latest: record,
    flowSteps: append(state.flowSteps, record.step),
    flow: withFlow(state, record),
    modeAccuracy,
    records: state.records + 1,
  };
}

function withFlow(state: InsideState, record: InsideRecord): SomeNets<Record<FlowMetric, number[][]>> {
  const out: SomeNets<Record<FlowMetric, number[][]>> = { ...state.flow };
  const earlier = state.flowSteps.length;
  for (const net of NET_IDS) {
    const n = record.nets[net];
    if (!n) continue;
    const was = state.flow[net];
    // A layer seen for the first time is padded with NaN for the records before it (a net may join late: never here,
    // but the arrays stay aligned with flowSteps whatever arrives).
    const grow = (rows: number[][] | undefined, values: number[]): number[][] =>
      values.map((v, i) => append(rows?.[i] ?? new Array<number>(earlier).fill(Number.NaN), v));
    out[net] = {
      gradNorm: grow(
        was?.gradNorm,
        n.flow.map((f) => f.gradNorm),
      ),
      updateRatio: grow(
        was?.updateRatio,
        n.flow.map((f) => f.updateRatio),
      ),
      saturated: grow(
        was?.saturated,
        n.saturated.map((s) => s ?? Number.NaN),
      ),
    };
  }
  return out;
}
