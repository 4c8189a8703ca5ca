// Chart.js for the BN inspectors, set up once: the extra scale they use is registered at module load (the figure's
// chartSetup registers the rest), options are module constants, and the saturated zones of sigmoid and tanh are drawn
// by a plugin object passed to the charts that want it (its threshold comes with the chart's options).
import { Chart, LogarithmicScale, type ChartOptions, type Plugin } from 'chart.js';
import { FIGURE_GRID } from '../charts/palette';
import { STREAMING_CHART } from '../charts/chartSetup';

Chart.register(LogarithmicScale);

declare module 'chart.js' {
  // eslint-disable-next-line @typescript-eslint/no-unused-vars -- the name and parameter must match Chart.js's declaration to merge with it
  interface PluginOptionsByType<TType> {
    /** |value| beyond which the activation saturates, on the axis `axis`; null draws nothing. */
    saturationZones?: { threshold: number | null; axis: 'x' | 'y' };
  }
}

const ZONE_FILL = 'rgba(230, 159, 0, 0.16)';

/** Shades value > t and value < −t on the chosen axis, under the data. */
export const SATURATION_ZONES: Plugin<'line'> = {
  id: 'saturationZones',
  beforeDatasetsDraw(chart, _args, options: { threshold?: number | null; axis?: 'x' | 'y' }) {
    const t = options.threshold;
    if (t === null || t === undefined) return;
    const axis = options.axis ?? 'y';
    const scale = chart.scales[axis];
    if (!scale) return;
    const { left, right, top, bottom } = chart.chartArea;
    const ctx = chart.ctx;
    ctx.save();
    ctx.fillStyle = ZONE_FILL;
    for (const edge of [t, -t]) {
      const at = scale.getPixelForValue(edge);
      if (axis === 'y') {
        const [from, to] =
          edge > 0 ? [top, Math.min(Math.max(at, top), bottom)] : [Math.max(Math.min(at, bottom), top), bottom];
        if (to > from) ctx.fillRect(left, from, right - left, to - from);
      } else {
        const [from, to] =
          edge > 0 ? [Math.max(Math.min(at, right), left), right] : [left, Math.min(Math.max(at, left), right)];
        if (to > from) ctx.fillRect(from, top, to - from, bottom - top);
      }
    }
    ctx.restore();
  },
};

export const ZONE_PLUGINS: Plugin<'line'>[] = [SATURATION_ZONES];

function base(xTitle: string, yTitle: string): ChartOptions<'line'> {
  return {
    ...STREAMING_CHART,
    interaction: { mode: 'nearest', intersect: false },
    scales: {
      x: {
        type: 'linear',
        grid: { color: FIGURE_GRID },
        title: { display: true, text: xTitle },
        ticks: { precision: 0, maxTicksLimit: 6 },
      },
      y: { type: 'linear', grid: { color: FIGURE_GRID }, title: { display: true, text: yTitle } },
    },
    plugins: { legend: { position: 'bottom', labels: { boxWidth: 14 } } },
  };
}

const PERCENTILE_OPTIONS = new Map<string, ChartOptions<'line'>>();

/** The Figure 1 panel of one net: percentiles over steps, with the saturated zones when there are some. */
export function percentileOptions(title: string, threshold: number | null): ChartOptions<'line'> {
  const key = `${title}|${threshold ?? 'none'}`;
  let options = PERCENTILE_OPTIONS.get(key);
  if (!options) {
    const b = base('Training step', 'Input to the nonlinearity');
    options = {
      ...b,
      plugins: { ...b.plugins, title: { display: true, text: title }, saturationZones: { threshold, axis: 'y' } },
    };
    PERCENTILE_OPTIONS.set(key, options);
  }
  return options;
}

const HISTOGRAM_OPTIONS = new Map<string, ChartOptions<'line'>>();

export function histogramOptions(threshold: number | null): ChartOptions<'line'> {
  const key = String(threshold);
  let options = HISTOGRAM_OPTIONS.get(key);
  if (!options) {
    const b = base('Input to the nonlinearity', 'Share of the layer’s inputs');
    options = {
      ...b,
      scales: {
        ...b.scales,
        x: {
          type: 'linear',
          grid: { color: FIGURE_GRID },
          title: { display: true, text: 'Input to the nonlinearity' },
        },
      },
      plugins: {
        ...b.plugins,
        title: { display: true, text: 'The whole layer now (probe batch)' },
        saturationZones: { threshold, axis: 'x' },
      },
    };
    HISTOGRAM_OPTIONS.set(key, options);
  }
  return options;
}

export const MODES_OPTIONS: ChartOptions<'line'> = (() => {
  const b = base('Training step', 'Test accuracy (1,000 images)');
  return {
    ...b,
    scales: { ...b.scales, y: { ...b.scales?.y, min: 0, max: 1 } },
    plugins: { ...b.plugins, title: { display: true, text: 'BN net: training mode vs inference mode' } },
  };
})();

export type FlowScale = 'log' | 'share';

export const FLOW_OPTIONS: Record<FlowScale, ChartOptions<'line'>> = (() => {
  const b = base('Training step', '');
  return {
    log: { ...b, scales: { ...b.scales, y: { type: 'logarithmic', grid: { color: FIGURE_GRID } } } },
    share: { ...b, scales: { ...b.scales, y: { type: 'linear', min: 0, max: 1, grid: { color: FIGURE_GRID } } } },
  };
})();
