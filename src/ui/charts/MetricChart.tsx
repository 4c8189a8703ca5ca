// One panel of the figure (loss or accuracy): the epoch curves, bands, markers and earlier runs from the figure's
// data, plus the running curves, which are redrawn in place when the live series announces new points.
import { useCallback, useMemo } from 'react';
import { chartOptions, panelTitle } from './chartSetup';
import { buildDatasets, type FigureData } from './datasets';
import type { LiveSeries, MetricKind } from './liveSeries';
import { QueuedLine } from './QueuedLine';
import './chartTooltip.css';

interface Props {
  kind: MetricKind;
  fig: FigureData;
  live: LiveSeries;
}

export function MetricChart({ kind, fig, live }: Props) {
  // New datasets only when the figure's data changes (an epoch lands, a run starts, an earlier run is shown or
  // hidden); the running curves' points are appended in place and announced by the live series.
  const datasets = useMemo(() => buildDatasets(kind, fig, live.points), [kind, fig, live]);
  const subscribe = useCallback((redraw: () => void) => live.subscribe(redraw), [live]);

  return (
    // data-datasets lists the series on the panel, for tests and tools that cannot read the canvas.
    <div className="chart-panel" data-testid={`chart-${kind}`} data-datasets={datasets.map((d) => d.id).join(' ')}>
      <QueuedLine
        datasets={datasets}
        options={chartOptions(kind, fig.axis)}
        subscribe={subscribe}
        ariaLabel={`${panelTitle(kind, fig.axis.mode)}: training (solid) and validation (dashed) curves of ${fig.nets.map((n) => fig.names[n]).join(' and ')}. The epoch log below lists the same numbers.`}
        ariaDescribedBy="epoch-log"
      />
    </div>
  );
}
