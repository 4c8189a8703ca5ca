// Builds the six series of one panel (per net: training, validation, running) from the history. Each has a stable
// `id`, so react-chartjs-2 updates the chart's own datasets in place instead of rebuilding the chart.
import type { ChartDataset } from 'chart.js';
import { NET_IDS, NET_LABELS, type NetId } from '../../shared/metrics';
import type { PerNet } from '../../shared/protocol';
import type { EpochRecord } from '../state';
import type { MetricKind, Point } from './liveSeries';
import { FIGURE_BACKGROUND, NET_STYLE, VALIDATION_DASH } from './palette';

export type DatasetRole = 'train' | 'validation' | 'running';
export type LabDataset = ChartDataset<'line', Point[]> & { id: string; role: DatasetRole };

const FIELDS: Record<MetricKind, { train: 'loss' | 'accuracy'; validation: 'valLoss' | 'valAccuracy' }> = {
  loss: { train: 'loss', validation: 'valLoss' },
  accuracy: { train: 'accuracy', validation: 'valAccuracy' },
};

const ROLE_LABEL: Record<DatasetRole, string> = {
  train: 'training',
  validation: 'validation',
  running: 'running mean, this epoch',
};

export function datasetId(net: NetId, role: DatasetRole): string {
  return `${net}-${role}`;
}

function epochSeries(net: NetId, role: 'train' | 'validation', points: Point[]): LabDataset {
  const style = NET_STYLE[net];
  const validation = role === 'validation';
  return {
    id: datasetId(net, role),
    role,
    label: `${NET_LABELS[net]} (${ROLE_LABEL[role]})`,
    data: points,
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

function runningSeries(net: NetId, points: Point[]): LabDataset {
  const style = NET_STYLE[net];
  return {
    id: datasetId(net, 'running'),
    role: 'running',
    label: `${NET_LABELS[net]} (${ROLE_LABEL.running})`,
    data: points,
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

/** The panel's series: `running` are the live arrays themselves, so appends reach the chart without a rebuild. */
export function buildDatasets(
  kind: MetricKind,
  history: PerNet<readonly EpochRecord[]>,
  running: PerNet<Record<MetricKind, Point[]>>,
): LabDataset[] {
  const field = FIELDS[kind];
  const epochs = NET_IDS.flatMap((net) => [
    epochSeries(net, 'train', history[net].map((r) => ({ x: r.epoch, y: r[field.train] }))),
    epochSeries(net, 'validation', history[net].map((r) => ({ x: r.epoch, y: r[field.validation] }))),
  ]);
  return [...epochs, ...NET_IDS.map((net) => runningSeries(net, running[net][kind]))];
}
