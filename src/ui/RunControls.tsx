// Train and Stop, with a word on why Train is unavailable when it is.
import type { RunStatus } from './state';

interface Props {
  status: RunStatus;
  canTrain: boolean;
  /** Why Train is disabled, when it is. */
  blocker: string | null;
  hasRun: boolean;
  onTrain: () => void;
  onStop: () => void;
}

export function RunControls({ status, canTrain, blocker, hasRun, onTrain, onStop }: Props) {
  return (
    <div className="run-controls">
      <button type="button" className="primary" data-testid="train-button" disabled={!canTrain} onClick={onTrain}>
        {status === 'running' || status === 'stopping' ? 'Training…' : hasRun ? 'Train again' : 'Train'}
      </button>
      <button type="button" className="secondary" data-testid="stop-button" disabled={status !== 'running'} onClick={onStop}>
        {status === 'stopping' ? 'Stopping…' : 'Stop'}
      </button>
      {blocker !== null && !canTrain ? <span className="hint">{blocker}</span> : null}
    </div>
  );
}
