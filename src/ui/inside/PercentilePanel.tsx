// The BN paper's Figure 1(b, c), live: for the chosen hidden layer and unit, the 15th, 50th and 85th percentiles of
// the input to the nonlinearity on the probe batch over training steps, one panel per net, the saturated zones of
// sigmoid and tanh shaded; and the whole layer's histogram at the latest record.
import { useMemo } from 'react';
import type { NetId } from '../../shared/metrics';
import { QueuedLine } from '../charts/QueuedLine';
import { histogramDatasets, percentileDatasets } from './insideDatasets';
import { histogramOptions, percentileOptions, ZONE_PLUGINS } from './insideCharts';
import type { InsideState } from './insideState';

interface Props {
  inside: InsideState;
  nets: readonly NetId[];
  names: Record<NetId, string>;
  /** Where the activation saturates (|input| beyond it), or null (ReLU). */
  threshold: number | null;
  /** What a net's chart shows on the chosen layer (its normalization's output, or the Dense output). */
  titles: (net: NetId) => string;
}

export function PercentilePanel({ inside, nets, names, threshold, titles }: Props) {
  // Each chart gets new datasets (and so redraws) only when its own numbers change.
  const { histograms, layer } = inside;
  const histogram = useMemo(() => histogramDatasets(histograms, layer, names), [histograms, layer, names]);
  const shown = histograms?.layer === layer ? histograms : null;
  const last = inside.steps.length > 0 ? inside.steps[inside.steps.length - 1] : null;
  return (
    <div
      className="inside-percentiles"
      data-testid="bn-percentiles"
      data-layer={inside.layer}
      data-unit={inside.unit}
      data-points={inside.steps.length}
      data-last-step={last ?? ''}
    >
      <div className="inside-pair">
        {nets.map((net) => (
          <NetPercentiles
            key={net}
            inside={inside}
            net={net}
            threshold={threshold}
            title={`${names[net]} — ${titles(net)}`}
          />
        ))}
      </div>
      <div
        className="inside-chart inside-histogram"
        data-testid="bn-histogram"
        data-layer={shown?.layer ?? ''}
        data-step={shown?.step ?? ''}
      >
        <QueuedLine
          datasets={histogram}
          options={histogramOptions(threshold)}
          plugins={ZONE_PLUGINS}
          ariaLabel="Histogram of the whole layer's inputs to the nonlinearity at the latest recorded step"
        />
      </div>
    </div>
  );
}

function NetPercentiles({
  inside,
  net,
  title,
  threshold,
}: {
  inside: InsideState;
  net: NetId;
  title: string;
  threshold: number | null;
}) {
  const { steps, percentiles } = inside;
  const datasets = useMemo(() => percentileDatasets(steps, percentiles, net), [steps, percentiles, net]);
  return (
    <div className="inside-chart" data-net={net} data-points={inside.percentiles[net]?.[1].length ?? 0}>
      <QueuedLine
        datasets={datasets}
        options={percentileOptions(title, threshold)}
        plugins={ZONE_PLUGINS}
        ariaLabel={`${title}: 15th, 50th and 85th percentiles over training steps`}
      />
    </div>
  );
}
