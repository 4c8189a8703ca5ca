// The blog's figure, live: "Loss vs Epochs" and "Accuracy vs Epochs" side by side (stacked on narrow screens),
// with downloads of the figure as PNG and of the numbers as CSV.
import { useRef } from 'react';
import { serializeConfig, type TrainConfig } from '../../shared/config';
import type { PerNet } from '../../shared/protocol';
import { historyToCsv } from '../csv';
import { fileStem, saveBlob } from '../download';
import type { EpochRecord } from '../state';
import { canvasToPng, renderFigure } from './exportPng';
import { describeRun, FIGURE_TITLE } from './figureText';
import type { LiveSeries } from './liveSeries';
import { MetricChart } from './MetricChart';

interface Props {
  history: PerNet<readonly EpochRecord[]>;
  epochs: number;
  live: LiveSeries;
  /** The settings of the run on screen, for the export's subtitle and file name; null before any run. */
  runConfig: TrainConfig | null;
  backend: string | null;
  onError: (message: string) => void;
}

export function Figure({ history, epochs, live, runConfig, backend, onError }: Props) {
  const panels = useRef<HTMLDivElement>(null);
  const hasEpochs = history.bn.length > 0 || history.plain.length > 0;
  const stem = fileStem(runConfig ? serializeConfig(runConfig) : '');

  const downloadPng = async () => {
    try {
      const canvases = Array.from(panels.current?.querySelectorAll('canvas') ?? []);
      if (canvases.length === 0) throw new Error('the charts are not on the page');
      const subtitle = runConfig ? describeRun(runConfig, backend) : 'No run yet';
      saveBlob(await canvasToPng(renderFigure(canvases, FIGURE_TITLE, subtitle)), `${stem}.png`);
    } catch (e) {
      onError(`The figure could not be saved: ${e instanceof Error ? e.message : String(e)}`);
    }
  };

  const downloadCsv = () => {
    saveBlob(new Blob([historyToCsv(history)], { type: 'text/csv;charset=utf-8' }), `${stem}.csv`);
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
        <MetricChart kind="loss" epochs={epochs} history={history} live={live} />
        <MetricChart kind="accuracy" epochs={epochs} history={history} live={live} />
      </div>
      <p className="figure-key">
        Solid: training (mean over the epoch's batches). Dashed, hollow markers: validation on the 10,000 test images.
        Faint: the running training mean within the current epoch. ● With Batch Norm · ▲ No Batch Norm.
      </p>
    </section>
  );
}
