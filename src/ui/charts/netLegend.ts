// The legend with more than two nets: one entry per net (named, in its colour and marker) instead of one per curve,
// so five nets fit under a panel; a click on a net hides or shows every curve of it (training, validation, running
// mean, band, divergence mark). With the BN and plain pair the legend keeps its entry per curve.
import { Chart, type ChartEvent, type LegendElement, type LegendItem } from 'chart.js';
import { NET_IDS, type NetId } from '../../shared/metrics';

// The legend plugin's own behaviour, read when called: Chart.defaults.plugins.legend exists only once chartSetup.ts
// has registered the plugin, after this module is loaded.
const defaultLabels = (chart: Chart): LegendItem[] => Chart.defaults.plugins.legend.labels.generateLabels(chart);
const defaultClick = (e: ChartEvent, item: LegendItem, legend: LegendElement<'line'>): void =>
  Chart.defaults.plugins.legend.onClick.call(legend, e, item, legend);

/** The net a dataset of the run on screen belongs to, from its stable id ("ln-train", "gn-band-…"). */
function netOfDataset(dataset: object | undefined): NetId | undefined {
  if (dataset === undefined || !('id' in dataset) || typeof dataset.id !== 'string') return undefined;
  const id = dataset.id;
  return NET_IDS.find((net) => id.startsWith(`${net}-`));
}

function roleIs(dataset: object | undefined, role: string): boolean {
  return dataset !== undefined && 'role' in dataset && dataset.role === role;
}

/** The nets with a training curve in this chart. */
function netsIn(chart: Chart): NetId[] {
  const nets = chart.data.datasets.flatMap((d) => (roleIs(d, 'train') ? [netOfDataset(d)] : []));
  return NET_IDS.filter((net) => nets.includes(net));
}

export function netLegendLabels(chart: Chart): LegendItem[] {
  const items = defaultLabels(chart);
  if (netsIn(chart).length <= 2) return items;
  return items.flatMap((item) => {
    const dataset = item.datasetIndex === undefined ? undefined : chart.data.datasets[item.datasetIndex];
    const net = netOfDataset(dataset);
    if (net === undefined) return [item];
    if (!roleIs(dataset, 'train')) return [];
    // "LayerNorm (before ReLU) · training" → the net's name: the key under the figure says what the line styles mean.
    const name = String(dataset?.label ?? item.text).split(' · ')[0] ?? item.text;
    return [{ ...item, text: name }];
  });
}

export function netLegendClick(
  this: LegendElement<'line'>,
  e: ChartEvent,
  item: LegendItem,
  legend: LegendElement<'line'>,
): void {
  const chart = legend.chart;
  const index = item.datasetIndex;
  const net = index === undefined ? undefined : netOfDataset(chart.data.datasets[index]);
  if (index === undefined || net === undefined || netsIn(chart).length <= 2) {
    defaultClick(e, item, legend);
    return;
  }
  const show = !chart.isDatasetVisible(index);
  chart.data.datasets.forEach((d, i) => {
    if (netOfDataset(d) === net) chart.setDatasetVisibility(i, show);
  });
  chart.update();
}
