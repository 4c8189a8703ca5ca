// The inspectors' chart datasets, built by pure functions from the slices of the inspector state each chart shows
// (so a chart redraws only when its own numbers change; ids stable, so Chart.js updates the same datasets in place),
// and the numbers as the maths panel writes them.
import type { ChartDataset } from 'chart.js';
import type { Histogram } from '../../shared/inside';
import { NET_IDS, type NetId } from '../../shared/metrics';
import { NET_STYLE, VALIDATION_DASH } from '../charts/palette';
import type { FlowMetric, InsideState } from './insideState';

export interface XY {
  x: number;
  y: number;
}

export type LineSet = ChartDataset<'line', XY[]> & { id: string };

function points(xs: readonly number[], ys: readonly number[] | undefined): XY[] {
  const out: XY[] = [];
  xs.forEach((x, i) => {
    const y = ys?.[i];
    if (y !== undefined && Number.isFinite(y)) out.push({ x, y });
  });
  return out;
}

/** One net's Figure 1 panel: the 15th–85th band (filled) and the median. */
export function percentileDatasets(
  steps: InsideState['steps'],
  percentiles: InsideState['percentiles'],
  net: NetId,
): LineSet[] {
  const p = percentiles[net];
  const style = NET_STYLE[net];
  const common = { borderColor: style.color, pointRadius: 0, borderWidth: 1.5 };
  return [
    {
      id: `${net}-p15`,
      label: '15th percentile',
      data: points(steps, p?.[0]),
      ...common,
      borderDash: VALIDATION_DASH,
      fill: false,
    },
    { id: `${net}-p50`, label: 'median', data: points(steps, p?.[1]), ...common, borderWidth: 2.5, fill: false },
    {
      id: `${net}-p85`,
      label: '85th percentile',
      data: points(steps, p?.[2]),
      ...common,
      borderDash: VALIDATION_DASH,
      backgroundColor: style.band,
      fill: '-2',
    },
  ];
}

/** A histogram as a stepped curve over bin centres, as shares of the values (so both nets compare). */
export function histogramPoints(h: Histogram): XY[] {
  const total = h.counts.reduce((a, b) => a + b, 0);
  const width = h.counts.length > 0 ? (h.max - h.min) / h.counts.length : 0;
  return h.counts.map((c, i) => ({ x: h.min + (i + 0.5) * width, y: total > 0 ? c / total : 0 }));
}

/**
 * The latest histograms, if they are of the layer on screen: from the latest record, or from the worker's answer when
 * another layer was picked (after a run that answer is all there is: no record will come).
 */
export function histogramDatasets(
  histograms: InsideState['histograms'],
  layer: number,
  names: Record<NetId, string>,
): LineSet[] {
  const sets: LineSet[] = [];
  if (histograms?.layer !== layer) return sets;
  for (const net of NET_IDS) {
    const h = histograms.nets[net];
    if (!h) continue;
    const style = NET_STYLE[net];
    sets.push({
      id: `hist-${net}`,
      label: names[net],
      data: histogramPoints(h),
      borderColor: style.color,
      backgroundColor: style.band,
      stepped: 'middle',
      pointRadius: 0,
      borderWidth: 1.5,
      fill: 'origin',
    });
  }
  return sets;
}

export function modeAccuracyDatasets(modeAccuracy: InsideState['modeAccuracy']): LineSet[] {
  const style = NET_STYLE.bn;
  return [
    {
      id: 'mode-train',
      label: 'training mode (batch statistics)',
      data: points(modeAccuracy.steps, modeAccuracy.train),
      borderColor: style.color,
      pointRadius: 2,
      borderWidth: 2,
    },
    {
      id: 'mode-inference',
      label: 'inference mode (running averages)',
      data: points(modeAccuracy.steps, modeAccuracy.inference),
      borderColor: style.color,
      borderDash: VALIDATION_DASH,
      pointRadius: 2,
      borderWidth: 2,
    },
  ];
}

/** Fainter for layers nearer the input, so the layers of one net tell apart by shade (and by name in the legend). */
function layerAlpha(i: number, count: number): number {
  return count <= 1 ? 1 : 0.35 + (0.65 * i) / (count - 1);
}

function withAlpha(hex: string, alpha: number): string {
  const n = Number.parseInt(hex.slice(1), 16);
  return `rgba(${(n >> 16) & 255}, ${(n >> 8) & 255}, ${n & 255}, ${alpha.toFixed(2)})`;
}

export function flowDatasets(
  flowSteps: InsideState['flowSteps'],
  flow: InsideState['flow'],
  metric: FlowMetric,
  names: Record<NetId, string>,
): LineSet[] {
  const sets: LineSet[] = [];
  for (const net of NET_IDS) {
    const rows = flow[net]?.[metric];
    if (!rows) continue;
    rows.forEach((row, i) => {
      const data = points(flowSteps, row);
      if (data.length === 0) return;
      const layer = metric === 'saturated' ? `hidden ${i + 1}` : i === rows.length - 1 ? 'output' : `dense ${i + 1}`;
      sets.push({
        id: `${net}-${metric}-${i}`,
        label: `${names[net]}: ${layer}`,
        data,
        borderColor: withAlpha(NET_STYLE[net].color, layerAlpha(i, rows.length)),
        borderDash: net === 'plain' ? VALIDATION_DASH : undefined,
        pointRadius: 0,
        borderWidth: 1.5,
      });
    });
  }
  return sets;
}

/** A number as plain decimal text (no exponent), with `significant` digits: what tests and people can both read. */
export function plainDecimal(v: number, significant = 7): string {
  if (!Number.isFinite(v)) return String(v);
  if (v === 0) return '0';
  const magnitude = Math.floor(Math.log10(Math.abs(v)));
  const decimals = Math.min(Math.max(significant - 1 - magnitude, 0), 20);
  return v.toFixed(decimals);
}
