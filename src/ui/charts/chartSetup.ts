// Chart.js, set up once for the whole app: the parts the figure uses are registered at module load, and each
// panel's options are built once per (metric, epochs) and reused, so re-renders never touch the chart's config.
import {
  Chart,
  Legend,
  LinearScale,
  LineController,
  LineElement,
  PointElement,
  Title,
  Tooltip,
  type ChartOptions,
  type LegendItem,
  type ChartData,
  type Scale,
  type TooltipItem,
} from 'chart.js';
import type { DatasetRole } from './datasets';
import type { MetricKind, Point } from './liveSeries';
import { FIGURE_GRID, FIGURE_TEXT } from './palette';
import { focusRange, type Series } from './range';

Chart.register(LineController, LineElement, PointElement, LinearScale, Legend, Tooltip, Title);
Chart.defaults.font.family = 'system-ui, -apple-system, "Segoe UI", Roboto, "Helvetica Neue", Arial, sans-serif';
Chart.defaults.color = FIGURE_TEXT;

export const PANEL_TITLE: Record<MetricKind, string> = { loss: 'Loss vs Epochs', accuracy: 'Accuracy vs Epochs' };
export const AXIS_TITLE: Record<MetricKind, string> = { loss: 'Loss', accuracy: 'Accuracy' };

function roleOf(dataset: object | undefined): DatasetRole | undefined {
  if (dataset === undefined || !('role' in dataset)) return undefined;
  const role = dataset.role;
  return role === 'train' || role === 'validation' || role === 'running' ? role : undefined;
}

function isPoint(value: unknown): value is Point {
  return typeof value === 'object' && value !== null && 'x' in value && 'y' in value && typeof value.x === 'number' && typeof value.y === 'number';
}

function seriesOf(chart: Chart): Series[] {
  const series: Series[] = [];
  for (const dataset of chart.data.datasets) {
    const role = roleOf(dataset);
    if (role !== undefined) series.push({ role, data: dataset.data.filter(isPoint) });
  }
  return series;
}

function focusAxis(kind: MetricKind): (axis: Scale) => void {
  return (axis) => {
    const range = focusRange(seriesOf(axis.chart), kind);
    if (range === null) return;
    axis.min = range.min;
    axis.max = range.max;
  };
}

function notRunning(item: LegendItem, data: ChartData): boolean {
  return item.datasetIndex === undefined || roleOf(data.datasets[item.datasetIndex]) !== 'running';
}

function tooltipFilter(item: TooltipItem<'line'>, _index: number, items: TooltipItem<'line'>[]): boolean {
  // At an epoch's x the running curve ends where the epoch point is; show the running value only between epochs.
  return roleOf(item.dataset) !== 'running' || items.every((other) => roleOf(other.dataset) === 'running');
}

function formatEpoch(x: number): string {
  return Number.isInteger(x) ? String(x) : x.toFixed(2);
}

function buildOptions(kind: MetricKind, epochs: number): ChartOptions<'line'> {
  return {
    animation: false,
    responsive: true,
    maintainAspectRatio: false,
    // Points are already {x, y} and sorted: Chart.js can use the arrays as they are.
    parsing: false,
    normalized: true,
    interaction: { mode: 'x', intersect: false },
    // Room for the markers on the last epoch, which sit on the plot's right edge.
    layout: { padding: { right: 10, top: 4 } },
    scales: {
      x: {
        type: 'linear',
        // From 0, so the first epoch's running curve (x in 0..1) is on the axis; epoch points sit at 1..epochs.
        min: 0,
        max: epochs,
        ticks: { stepSize: epochs <= 20 ? 1 : undefined, precision: 0 },
        grid: { color: FIGURE_GRID },
        title: { display: true, text: 'Epoch' },
      },
      y: {
        type: 'linear',
        grid: { color: FIGURE_GRID },
        title: { display: true, text: AXIS_TITLE[kind] },
        afterDataLimits: focusAxis(kind),
      },
    },
    plugins: {
      title: { display: true, text: PANEL_TITLE[kind], font: { size: 16, weight: 'bold' } },
      legend: { position: 'bottom', labels: { usePointStyle: true, filter: notRunning, padding: 14 } },
      tooltip: {
        filter: tooltipFilter,
        callbacks: {
          title: (items) => (items[0] ? `Epoch ${formatEpoch(items[0].parsed.x ?? 0)}` : ''),
          label: (item) => `${item.dataset.label ?? ''}: ${(item.parsed.y ?? Number.NaN).toFixed(4)}`,
        },
      },
    },
  };
}

const OPTIONS = new Map<string, ChartOptions<'line'>>();

/** The same object for the same panel and run length: react-chartjs-2 reapplies options only when they change. */
export function chartOptions(kind: MetricKind, epochs: number): ChartOptions<'line'> {
  const key = `${kind}:${epochs}`;
  let options = OPTIONS.get(key);
  if (options === undefined) {
    options = buildOptions(kind, epochs);
    OPTIONS.set(key, options);
  }
  return options;
}
