// The progress line: MNIST download before the data is ready, then epoch, step, throughput and ETA for the run.
import { describeProgress } from './progressText';
import { isPaused, runPosition, stepsDone } from './runStatus';
import type { RunStatus } from './stateTypes';
import { useUi } from './store/uiStore';
import { countRender } from './renderCount';

const STATUS_WORD: Record<RunStatus, string> = {
  idle: 'Starting',
  'loading-data': 'Loading data',
  ready: 'Ready to train',
  running: 'Training',
  stopping: 'Stopping',
  finished: 'Run finished',
  stopped: 'Run stopped',
  error: 'Something failed',
};

/** The one part of the page that follows each progress message. */
export function ProgressBar() {
  countRender('ProgressBar');
  const run = useUi((s) => s.run);
  const progress = useUi((s) => s.progress);
  const data = useUi((s) => s.worker.data);
  const divergences = useUi((s) => s.results.divergences);
  const view = describeProgress({ run, progress, data, divergences });
  const bar = view.bar;
  return (
    <>
      {/* data-step: mini-batches trained in this run so far, over every epoch and seed (one step trains every net). */}
      <div
        className="progress"
        data-testid="progress"
        data-step={stepsDone(runPosition(run, progress))}
        data-paused={run.pause.paused ? 'true' : 'false'}
      >
        {bar.kind === 'value' ? <progress value={bar.value} max={bar.max} aria-label={view.label} /> : null}
        {bar.kind === 'indeterminate' ? <progress aria-label={view.label} /> : null}
        <p className="progress-text">{view.text}</p>
      </div>
      {/* The numbers change several times a second; announce only the status, which changes rarely. */}
      <span className="visually-hidden" role="status">
        {isPaused(run) ? 'Paused' : STATUS_WORD[run.status]}
      </span>
    </>
  );
}
