// Chart.js, set up once for the whole app: the parts the figure uses are registered at module load, and each
// panel's options are built once per (metric, x-axis) and reused, so re-renders never touch the chart's config.
import {
  Chart,
  Filler,
  Legend,
  LinearScale,
  LineController,
  LineElement,
  PointElement,
  Title,
  Tooltip,
  type ChartData,
  type ChartOptions,
  type LegendItem,
  type Scale,
  type TooltipItem,
} from 'chart.js';
import type { XAxis } from '../../shared/config';
import { formatInt } from '../format';
import { htmlTooltip, readoutFooter } from './chartTooltip';
import type { DatasetRole } from './datasets';
import type { MetricKind, Point } from './liveSeries';
import { netLegendClick, netLegendLabels } from './netLegend';
import { FIGURE_GRID, FIGURE_TEXT } from './palette';
import { focusRange, type Series } from './range';
import type { EpochStat } from './seedStats';
import { AXIS_TITLE_X, axisMax, epochX, type AxisSpec } from './xAxis';

// Filler draws the min–max band over seeds (a dataset filled to its neighbour).
Chart.register(LineController, LineElement, PointElement, LinearScale, Legend, Tooltip, Title, Filler);
Chart.defaults.font.family = 'system-ui, -apple-system, "Segoe UI", Roboto, "Helvetica Neue", Arial, sans-serif';
Chart.defaults.color = FIGURE_TEXT;

export const AXIS_TITLE: Record<MetricKind, string> = { loss: 'Loss', accuracy: 'Accuracy' };

export function panelTitle(kind: MetricKind, mode: XAxis): string {
  return `${AXIS_TITLE[kind]} vs ${AXIS_TITLE_X[mode]}`;
}

const ROLES: readonly DatasetRole[] = ['train', 'validation', 'running', 'band', 'diverged', 'earlier'];

function roleOf(dataset: object | undefined): DatasetRole | undefined {
  if (dataset === undefined || !('role' in dataset)) return undefined;
  const role = dataset.role;
  return ROLES.find((r) => r === role);
}

function spreadOf(dataset: object): readonly EpochStat[] | undefined {
  return 'spread' in dataset && Array.isArray(dataset.spread) ? (dataset.spread as readonly EpochStat[]) : undefined;
}

function isPoint(value: unknown): value is Point {
  return (
    typeof value === 'object' &&
    value !== null &&
    'x' in value &&
    'y' in value &&
    typeof value.x === 'number' &&
    typeof value.y === 'number'
  );
}

function seriesOf(chart: Chart): Series[] {
  const series: Series[] = [];
  chart.data.datasets.forEach((dataset, i) => {
    const role = roleOf(dataset);
    // A series the user hid in the legend should not hold the axis open.
    if (role !== undefined && chart.isDatasetVisible(i)) series.push({ role, data: dataset.data.filter(isPoint) });
  });
  return series;
}

function focusAxis(kind: MetricKind, firstEpochEnd: number): (axis: Scale) => void {
  return (axis) => {
    const range = focusRange(seriesOf(axis.chart), kind, firstEpochEnd);
    if (range === null) return;
    axis.min = range.min;
    axis.max = range.max;
  };
}

/** The running curves and the band edges are explained by the figure key; the legend lists what can be toggled. */
function inLegend(item: LegendItem, data: ChartData): boolean {
  if (item.datasetIndex === undefined) return true;
  const role = roleOf(data.datasets[item.datasetIndex]);
  return role !== 'running' && role !== 'band';
}

function tooltipFilter(item: TooltipItem<'line'>, _index: number, items: TooltipItem<'line'>[]): boolean {
  const role = roleOf(item.dataset);
  // The band's edges are in the mean's own line of the tooltip.
  if (role === 'band') return false;
  // At an epoch's x the running curve ends where the epoch point is; show the running value only between epochs.
  return role !== 'running' || items.every((other) => roleOf(other.dataset) === 'running');
}

function tooltipLabel(item: TooltipItem<'line'>): string {
  const value = `${item.dataset.label ?? ''}: ${(item.parsed.y ?? Number.NaN).toFixed(4)}`;
  const stat = spreadOf(item.dataset)?.[item.dataIndex];
  return stat ? `${value} (min ${stat.min.toFixed(4)}, max ${stat.max.toFixed(4)}, ${stat.count} seeds)` : value;
}

function tooltipTitle(mode: XAxis): (items: TooltipItem<'line'>[]) => string {
  return (items) => {
    const x = items[0]?.parsed.x;
    if (x === undefined || x === null) return '';
    return mode === 'steps' ? `Step ${formatInt(x)}` : `Epoch ${Number.isInteger(x) ? String(x) : x.toFixed(2)}`;
  };
}

/**
 * What every streaming chart of the page shares: no animation (points arrive several times a second), the canvas
 * sized by its panel, and data already as sorted {x, y} points that Chart.js can use as they are.
 */
export const STREAMING_CHART = {
  animation: false,
  responsive: true,
  maintainAspectRatio: false,
  parsing: false,
  normalized: true,
} as const satisfies ChartOptions<'line'>;

function buildOptions(kind: MetricKind, axis: AxisSpec): ChartOptions<'line'> {
  const steps = axis.mode === 'steps';
  return {
    ...STREAMING_CHART,
    // The points nearest the cursor along x, in every dataset at once (they share their x): the hover readout shows
    // each net's value at that epoch or step, and the difference.
    interaction: { mode: 'nearest', axis: 'x', intersect: false },
    // Room for the markers on the last epoch, which sit on the plot's right edge.
    layout: { padding: { right: 10, top: 4 } },
    scales: {
      x: {
        type: 'linear',
        // From 0, so the first epoch's running curve is on the axis; epoch points sit at the ends of epochs.
        min: 0,
        max: axisMax(axis),
        ticks: steps
          ? { precision: 0, maxTicksLimit: 8 }
          : { stepSize: axis.epochs <= 20 ? 1 : undefined, precision: 0 },
        grid: { color: FIGURE_GRID },
        title: { display: true, text: AXIS_TITLE_X[axis.mode] },
      },
      y: {
        type: 'linear',
        grid: { color: FIGURE_GRID },
        title: { display: true, text: AXIS_TITLE[kind] },
        afterDataLimits: focusAxis(kind, epochX(axis, 1)),
      },
    },
    plugins: {
      title: { display: true, text: panelTitle(kind, axis.mode), font: { size: 16, weight: 'bold' } },
      legend: {
        position: 'bottom',
        onClick: netLegendClick,
        labels: { usePointStyle: true, filter: inLegend, padding: 14, generateLabels: netLegendLabels },
      },
      tooltip: {
        enabled: false,
        external: htmlTooltip,
        filter: tooltipFilter,
        callbacks: { title: tooltipTitle(axis.mode), label: tooltipLabel, footer: readoutFooter },
      },
    },
  };
}

const OPTIONS = new Map<string, ChartOptions<'line'>>();

/** The same object for the same panel and axis: react-chartjs-2 reapplies options only when they change. */
export function chartOptions(kind: MetricKind, axis: AxisSpec): ChartOptions<'line'> {
  const key = `${kind}:${axis.mode}:${axis.epochs}:${axis.mode === 'steps' ? axis.stepsPerEpoch : 0}`;
  let options = OPTIONS.get(key);
  if (options === undefined) {
    options = buildOptions(kind, axis);
    OPTIONS.set(key, options);
  }
  return options;
}
