// A Chart.js line chart that redraws through the page's frame queue (chartFrames.ts) rather than inside React's
// commit: react-chartjs-2 creates and destroys the chart; new datasets are merged into it by id and drawn in a coming
// animation frame, and not at all while the chart is off screen.
import type { Chart as ChartJS, ChartDataset, ChartOptions, Plugin } from 'chart.js';
import { useEffect, useRef, useState } from 'react';
import { Line } from 'react-chartjs-2';
import { chartFrames, type Redrawable } from './chartFrames';
import { mergeDatasets } from './mergeDatasets';

interface XYPoint {
  x: number;
  y: number;
}

type Dataset<P extends XYPoint> = ChartDataset<'line', P[]> & { id: string };

interface Props<P extends XYPoint> {
  datasets: Dataset<P>[];
  options: ChartOptions<'line'>;
  plugins?: Plugin<'line'>[];
  /** For points changed in place (the live curves): called with a redraw request, returns the unsubscribe. */
  subscribe?: (redraw: () => void) => () => void;
  ariaLabel: string;
  ariaDescribedBy?: string;
}

export function QueuedLine<P extends XYPoint>({
  datasets,
  options,
  plugins,
  subscribe,
  ariaLabel,
  ariaDescribedBy,
}: Props<P>) {
  const chart = useRef<ChartJS<'line', P[]> | null>(null);
  // One data object for the chart's life: react-chartjs-2 would otherwise redraw synchronously on every new one.
  const [initial] = useState(() => ({ datasets }));
  // The datasets to merge in at the next redraw. Merged there, not here: until Chart.js re-parses its data it still
  // listens to the old arrays (the live curves push into them between frames), and datasets swapped under it
  // unparsed make those listeners fail.
  const next = useRef<Dataset<P>[] | null>(null);
  const [target, setTarget] = useState<Redrawable | null>(null);

  // react-chartjs-2 makes the chart in its own effect, which runs before this component's.
  useEffect(() => {
    const c = chart.current;
    if (!c) return;
    const redrawable: Redrawable = {
      update: (mode) => {
        const pending = next.current;
        next.current = null;
        if (pending) c.data.datasets = mergeDatasets(c.data.datasets as Dataset<P>[], pending);
        c.update(mode);
      },
    };
    setTarget(redrawable);
    return chartFrames.add(redrawable, c.canvas);
  }, []);

  useEffect(() => {
    if (!target) return;
    next.current = datasets;
    chartFrames.request(target);
  }, [target, datasets]);

  useEffect(() => {
    if (!target || !subscribe) return;
    return subscribe(() => chartFrames.request(target));
  }, [target, subscribe]);

  return (
    <Line
      ref={chart}
      data={initial}
      options={options}
      plugins={plugins}
      datasetIdKey="id"
      aria-label={ariaLabel}
      aria-describedby={ariaDescribedBy}
    />
  );
}
