// The progress line: MNIST download before the data is ready, then epoch, step, throughput and ETA for the run.
import { describeProgress } from './progressText';
import { stepsDone } from './runStatus';
import type { RunStatus, UiState } from './stateTypes';
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

interface Props {
  state: UiState;
}

export function ProgressBar({ state }: Props) {
  countRender('ProgressBar');
  const view = describeProgress(state);
  const bar = view.bar;
  return (
    <>
      {/* data-step: mini-batches trained in this run so far, over every epoch and seed (one step trains every net). */}
      <div
        className="progress"
        data-testid="progress"
        data-step={stepsDone(state.progress)}
        data-paused={state.pause.paused ? 'true' : 'false'}
      >
        {bar.kind === 'value' ? <progress value={bar.value} max={bar.max} aria-label={view.label} /> : null}
        {bar.kind === 'indeterminate' ? <progress aria-label={view.label} /> : null}
        <p className="progress-text">{view.text}</p>
      </div>
      {/* The numbers change several times a second; announce only the status, which changes rarely. */}
      <span className="visually-hidden" role="status">
        {state.status === 'running' && state.pause.paused ? 'Paused' : STATUS_WORD[state.status]}
      </span>
    </>
  );
}
