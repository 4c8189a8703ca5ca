// Builds one panel's series from the figure's data: per trained net the epoch curves (one run's points, or the mean
// over seeds with a min–max band), the running curve, a ✕ where a net diverged, and earlier runs' faded curves. Each
// has a stable `id`, so react-chartjs-2 updates the chart's own datasets in place instead of rebuilding the chart.
import type { ChartDataset } from 'chart.js';
import type { NetId } from '../../shared/metrics';
import type { MetricKind, Point } from './liveSeries';
import { FIGURE_BACKGROUND, NET_STYLE, VALIDATION_DASH } from './palette';
import type { EpochStat, MetricField } from './seedStats';
import { epochX, type AxisSpec } from './xAxis';

export type DatasetRole = 'train' | 'validation' | 'running' | 'band' | 'diverged' | 'earlier';
export type LabDataset = ChartDataset<'line', Point[]> & {
  id: string;
  role: DatasetRole;
  /**
   * Per point of a mean curve, the seeds' range (for the tooltip). Always set, to undefined when not averaged:
   * react-chartjs-2 merges a dataset into its predecessor by id, so an absent key would keep the old value.
   */
  spread?: readonly EpochStat[] | undefined;
  /** The net a curve of the run on screen belongs to (for the hover readout's difference between the nets). */
  net?: NetId;
};

/** An earlier run's validation curve of one net, drawn faded. */
export interface EarlierCurve {
  /** The saved run's id. */
  runId: string;
  net: NetId;
  /** "Run 3 · No BN (lr 0.03)" */
  label: string;
  /** That run's steps per epoch, for the steps axis. */
  stepsPerEpoch: number;
  valLoss: readonly EpochStat[];
  valAccuracy: readonly EpochStat[];
}

/** Everything the two panels draw apart from the running points, which the live series holds. */
export interface FigureData {
  axis: AxisSpec;
  /** The nets the run trains; an untrained net has no datasets at all. */
  nets: readonly NetId[];
  names: Record<NetId, string>;
  /** How many seeds the epoch curves average: 2 or more draws a mean with a band. */
  seeds: number;
  stats: Record<NetId, Record<MetricField, readonly EpochStat[]>>;
  /** Nets that diverged in the seed whose running curve is shown. */
  diverged: readonly NetId[];
  earlier: readonly EarlierCurve[];
}

export const METRIC_FIELDS: Record<MetricKind, { train: MetricField; validation: MetricField }> = {
  loss: { train: 'loss', validation: 'valLoss' },
  accuracy: { train: 'accuracy', validation: 'valAccuracy' },
};

export function datasetId(net: NetId, role: DatasetRole, suffix = ''): string {
  return `${net}-${role}${suffix}`;
}

function points(
  axis: Pick<AxisSpec, 'mode' | 'stepsPerEpoch'>,
  stats: readonly EpochStat[],
  pick: (s: EpochStat) => number,
): Point[] {
  return stats.map((s) => ({ x: epochX(axis, s.epoch), y: pick(s) }));
}

function epochSeries(
  net: NetId,
  role: 'train' | 'validation',
  fig: FigureData,
  stats: readonly EpochStat[],
): LabDataset {
  const style = NET_STYLE[net];
  const validation = role === 'validation';
  const what = validation ? 'validation' : 'training';
  const averaged = fig.seeds >= 2;
  return {
    id: datasetId(net, role),
    role,
    net,
    label: `${fig.names[net]} · ${what}${averaged ? `, mean of ${fig.seeds} seeds` : ''}`,
    data: points(fig.axis, stats, (s) => s.mean),
    spread: averaged ? stats : undefined,
    borderColor: style.color,
    backgroundColor: validation ? FIGURE_BACKGROUND : style.color,
    pointBackgroundColor: validation ? FIGURE_BACKGROUND : style.color,
    pointBorderColor: style.color,
    pointStyle: style.point,
    pointRadius: 4,
    pointHoverRadius: 6,
    pointBorderWidth: 2,
    borderWidth: 2.5,
    borderDash: validation ? VALIDATION_DASH : [],
    tension: 0,
    // Every epoch point is inside the focused y range, so overflow only lets markers on the edges show whole.
    clip: 8,
    order: 1,
  };
}

/** The seeds' min–max as two edge series, the upper filled down to the lower (Chart.js's Filler, relative '-1'). */
function bandSeries(
  net: NetId,
  role: 'train' | 'validation',
  fig: FigureData,
  stats: readonly EpochStat[],
): LabDataset[] {
  const style = NET_STYLE[net];
  const edge = (which: 'min' | 'max'): LabDataset => ({
    id: datasetId(net, 'band', `-${role}-${which}`),
    role: 'band',
    label: `${fig.names[net]} · ${role === 'validation' ? 'validation' : 'training'} ${which} over seeds`,
    data: points(fig.axis, stats, (s) => s[which]),
    borderWidth: 0,
    borderColor: style.band,
    backgroundColor: style.band,
    pointRadius: 0,
    pointHitRadius: 0,
    tension: 0,
    fill: which === 'max' ? '-1' : false,
    order: 3,
  });
  return [edge('min'), edge('max')];
}

function runningSeries(net: NetId, fig: FigureData, data: Point[]): LabDataset {
  const style = NET_STYLE[net];
  return {
    id: datasetId(net, 'running'),
    role: 'running',
    net,
    label: `${fig.names[net]} · running mean, this epoch`,
    data,
    borderColor: style.faint,
    backgroundColor: style.faint,
    borderWidth: 1,
    pointRadius: 0,
    pointHitRadius: 3,
    pointStyle: style.point,
    tension: 0,
    // Drawn beneath the epoch curves.
    order: 2,
  };
}

function lastFinite(data: readonly Point[]): Point | null {
  for (let i = data.length - 1; i >= 0; i--) {
    const p = data[i];
    if (p !== undefined && Number.isFinite(p.y)) return p;
  }
  return null;
}

/** A ✕ on the last finite point of a diverged net's curve: the running curve, else its last epoch point. */
function divergedMarker(
  net: NetId,
  fig: FigureData,
  running: readonly Point[],
  epochPoints: readonly Point[],
): LabDataset {
  const style = NET_STYLE[net];
  const at = lastFinite(running) ?? lastFinite(epochPoints);
  return {
    id: datasetId(net, 'diverged'),
    role: 'diverged',
    label: `${fig.names[net]} diverged`,
    data: at ? [{ ...at }] : [],
    showLine: false,
    borderColor: style.color,
    backgroundColor: style.color,
    pointStyle: 'crossRot',
    pointRadius: 9,
    pointHoverRadius: 10,
    pointBorderWidth: 3,
    clip: 12,
    order: 0,
  };
}

function earlierSeries(curve: EarlierCurve, kind: MetricKind, fig: FigureData): LabDataset {
  const style = NET_STYLE[curve.net];
  const stats = kind === 'loss' ? curve.valLoss : curve.valAccuracy;
  return {
    id: `earlier-${curve.runId}-${curve.net}`,
    role: 'earlier',
    label: curve.label,
    data: points({ mode: fig.axis.mode, stepsPerEpoch: curve.stepsPerEpoch }, stats, (s) => s.mean),
    borderColor: style.earlier,
    backgroundColor: style.earlier,
    borderWidth: 1.25,
    borderDash: VALIDATION_DASH,
    pointRadius: 0,
    pointHoverRadius: 3,
    pointHitRadius: 4,
    pointStyle: style.point,
    tension: 0,
    order: 4,
  };
}

/** The panel's series: `running` are the live arrays themselves, so appends reach the chart without a rebuild. */
export function buildDatasets(
  kind: MetricKind,
  fig: FigureData,
  running: Record<NetId, Record<MetricKind, Point[]>>,
): LabDataset[] {
  const fields = METRIC_FIELDS[kind];
  const earlier = fig.earlier.map((curve) => earlierSeries(curve, kind, fig));
  const bands =
    fig.seeds >= 2
      ? fig.nets.flatMap((net) => [
          ...bandSeries(net, 'train', fig, fig.stats[net][fields.train]),
          ...bandSeries(net, 'validation', fig, fig.stats[net][fields.validation]),
        ])
      : [];
  const curves = fig.nets.flatMap((net) => [
    epochSeries(net, 'train', fig, fig.stats[net][fields.train]),
    epochSeries(net, 'validation', fig, fig.stats[net][fields.validation]),
  ]);
  const live = fig.nets.map((net) => runningSeries(net, fig, running[net][kind]));
  const markers = fig.diverged
    .filter((net) => fig.nets.includes(net))
    .map((net) => {
      const train = curves.find((d) => d.id === datasetId(net, 'train'));
      return divergedMarker(net, fig, running[net][kind], train?.data ?? []);
    });
  return [...earlier, ...bands, ...curves, ...live, ...markers];
}
