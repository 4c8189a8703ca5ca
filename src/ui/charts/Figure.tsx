// The blog's figure, live: loss and accuracy side by side (stacked on narrow screens), with downloads of the figure
// as PNG and of the numbers as CSV.
import { useRef } from 'react';
import type { TrainConfig } from '../../shared/config';
import { serializeConfig } from '../../shared/configText';
import type { PerNet } from '../../shared/protocol';
import { runsToCsv } from '../csv';
import { fileStem, saveBlob } from '../download';
import type { EpochRecord } from '../epochHistory';
import { chartFrames } from './chartFrames';
import type { FigureData } from './datasets';
import { canvasToPng, renderFigure } from './exportPng';
import { describeRun, figureKey, figureTitle } from './figureText';
import type { LiveSeries } from './liveSeries';
import { MetricChart } from './MetricChart';
import { countRender } from '../renderCount';

interface Props {
  fig: FigureData;
  live: LiveSeries;
  /** Every seed's epoch rows, for the CSV. */
  seedRuns: readonly PerNet<readonly EpochRecord[]>[];
  /** The settings of the run on screen, for the export's subtitle and file name; null before any run. */
  runConfig: TrainConfig | null;
  /** The settings the key describes: the run's, or the form's before any run. */
  shownConfig: TrainConfig;
  backend: string | null;
  onError: (message: string) => void;
}

export function Figure({ fig, live, seedRuns, runConfig, shownConfig, backend, onError }: Props) {
  countRender('Figure');
  const panels = useRef<HTMLDivElement>(null);
  const hasEpochs = seedRuns.some((run) => run.bn.length > 0 || run.plain.length > 0);
  const stem = fileStem(runConfig ? serializeConfig(runConfig) : '');

  const downloadPng = async () => {
    try {
      // A panel may still be waiting for its redraw (or be off screen): draw everything before reading the canvases.
      chartFrames.flush();
      const canvases = Array.from(panels.current?.querySelectorAll('canvas') ?? []);
      if (canvases.length === 0) throw new Error('the charts are not on the page');
      const subtitle = runConfig ? describeRun(runConfig, backend) : 'No run yet';
      saveBlob(await canvasToPng(renderFigure(canvases, figureTitle(runConfig), subtitle)), `${stem}.png`);
    } catch (e) {
      onError(`The figure could not be saved: ${e instanceof Error ? e.message : String(e)}`);
    }
  };

  const downloadCsv = () => {
    saveBlob(new Blob([runsToCsv(seedRuns, runConfig)], { type: 'text/csv;charset=utf-8' }), `${stem}.csv`);
  };

  return (
    <section className="card figure" aria-labelledby="figure-heading">
      <div className="section-head">
        <h2 id="figure-heading">The figure</h2>
        <div className="button-row">
          <button type="button" className="secondary" onClick={() => void downloadPng()}>
            Download PNG
          </button>
          <button type="button" className="secondary" onClick={downloadCsv} disabled={!hasEpochs}>
            Download CSV
          </button>
        </div>
      </div>
      <div className="figure-panels" ref={panels}>
        <MetricChart kind="loss" fig={fig} live={live} />
        <MetricChart kind="accuracy" fig={fig} live={live} />
      </div>
      <p className="figure-key">{figureKey(shownConfig, fig.seeds, fig.earlier.length > 0)}</p>
    </section>
  );
}
