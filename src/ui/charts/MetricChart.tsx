// One panel of the figure (loss or accuracy): the epoch curves, bands, markers and earlier runs from the figure's
// data, plus the running curves, which are redrawn in place when the live series announces new points.
import type { Chart as ChartJS } from 'chart.js';
import { useEffect, useMemo, useRef } from 'react';
import { Line } from 'react-chartjs-2';
import { chartOptions, panelTitle } from './chartSetup';
import { buildDatasets, type FigureData } from './datasets';
import type { LiveSeries, MetricKind, Point } from './liveSeries';

interface Props {
  kind: MetricKind;
  fig: FigureData;
  live: LiveSeries;
}

export function MetricChart({ kind, fig, live }: Props) {
  const chart = useRef<ChartJS<'line', Point[]> | undefined | null>(null);
  // A new object only when the figure's data changes (an epoch lands, a run starts, an earlier run is shown or
  // hidden): then react-chartjs-2 merges the datasets by id into the same chart.
  const data = useMemo(() => ({ datasets: buildDatasets(kind, fig, live.points) }), [kind, fig, live]);

  useEffect(() => live.subscribe(() => chart.current?.update('none')), [live]);

  return (
    // data-datasets lists the series on the panel, for tests and tools that cannot read the canvas.
    <div className="chart-panel" data-testid={`chart-${kind}`} data-datasets={data.datasets.map((d) => d.id).join(' ')}>
      <Line
        ref={chart}
        data={data}
        options={chartOptions(kind, fig.axis)}
        datasetIdKey="id"
        aria-label={`${panelTitle(kind, fig.axis.mode)}: training (solid) and validation (dashed) curves of ${fig.nets.map((n) => fig.names[n]).join(' and ')}. The epoch log below lists the same numbers.`}
        aria-describedby="epoch-log"
      />
    </div>
  );
}
