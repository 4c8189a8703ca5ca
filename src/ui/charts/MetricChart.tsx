// One panel of the figure (loss or accuracy vs epochs): epoch curves from the history, plus the running curves,
// which are redrawn in place when the live series announces new points (at most once per frame).
import type { Chart as ChartJS } from 'chart.js';
import { useEffect, useMemo, useRef } from 'react';
import { Line } from 'react-chartjs-2';
import type { PerNet } from '../../shared/protocol';
import type { EpochRecord } from '../state';
import { chartOptions, PANEL_TITLE } from './chartSetup';
import { buildDatasets } from './datasets';
import type { LiveSeries, MetricKind, Point } from './liveSeries';

interface Props {
  kind: MetricKind;
  epochs: number;
  history: PerNet<readonly EpochRecord[]>;
  live: LiveSeries;
}

export function MetricChart({ kind, epochs, history, live }: Props) {
  const chart = useRef<ChartJS<'line', Point[]> | undefined | null>(null);
  // A new object only when an epoch lands or a run starts: then react-chartjs-2 merges the datasets by id.
  const data = useMemo(() => ({ datasets: buildDatasets(kind, history, live.points) }), [kind, history, live]);

  useEffect(() => live.subscribe(() => chart.current?.update('none')), [live]);

  return (
    <div className="chart-panel" data-testid={`chart-${kind}`}>
      <Line
        ref={chart}
        data={data}
        options={chartOptions(kind, epochs)}
        datasetIdKey="id"
        aria-label={`${PANEL_TITLE[kind]}: training (solid) and validation (dashed) curves, with and without Batch Norm. The epoch log below lists the same numbers.`}
        aria-describedby="epoch-log"
      />
    </div>
  );
}
