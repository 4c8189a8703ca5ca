// Train and Stop, with a word on why Train is unavailable when it is; Pause/Resume, Step and the slow-motion speed
// of the run in progress (Space toggles the pause when no text field has the focus).
import { useId } from 'react';
import { SLOW_SPEEDS } from '../shared/pace';
import { useSpaceToPause } from './hooks/useSpaceToPause';
import { speedLabel } from './progressText';
import type { PauseState, RunStatus } from './stateTypes';
import './runControls.css';
import { countRender } from './renderCount';

interface Props {
  status: RunStatus;
  canTrain: boolean;
  /** Why Train is disabled, when it is. */
  blocker: string | null;
  hasRun: boolean;
  onTrain: () => void;
  onStop: () => void;
  pause: PauseState;
  /** Slow motion in steps a second; null for full speed. */
  stepsPerSecond: number | null;
  onPause: () => void;
  onResume: () => void;
  onStep: () => void;
  onSpeed: (stepsPerSecond: number | null) => void;
}

const FULL_SPEED = 'full';

export function RunControls({
  status,
  canTrain,
  blocker,
  hasRun,
  onTrain,
  onStop,
  pause,
  stepsPerSecond,
  onPause,
  onResume,
  onStep,
  onSpeed,
}: Props) {
  countRender('RunControls');
  const speedId = useId();
  const running = status === 'running';
  // aria-pressed follows the worker: true once it says the run is held.
  const paused = running && pause.paused;
  const togglePause = (): void => {
    if (!running) return;
    if (paused) onResume();
    else onPause();
  };
  useSpaceToPause(running, togglePause);
  const pauseLabel = paused
    ? pause.pending === 'resume'
      ? 'Resuming…'
      : 'Resume'
    : pause.pending === 'pause' && running
      ? 'Pausing…'
      : 'Pause';

  return (
    <div className="run-controls">
      <button type="button" className="primary" data-testid="train-button" disabled={!canTrain} onClick={onTrain}>
        {status === 'running' || status === 'stopping' ? 'Training…' : hasRun ? 'Train again' : 'Train'}
      </button>
      {/* Stop right after Train: one Tab from a run just started reaches it. */}
      <button
        type="button"
        className="secondary"
        data-testid="stop-button"
        disabled={status !== 'running'}
        onClick={onStop}
      >
        {status === 'stopping' ? 'Stopping…' : 'Stop'}
      </button>
      <button
        type="button"
        className="secondary"
        data-testid="pause-button"
        aria-pressed={paused}
        disabled={!running}
        onClick={togglePause}
        title={paused ? 'Go on training (Space)' : 'Hold the nets between two mini-batches (Space)'}
      >
        {pauseLabel}
      </button>
      <button
        type="button"
        className="secondary"
        data-testid="step-button"
        disabled={!paused}
        onClick={onStep}
        title="Train exactly one mini-batch of every net, then hold again"
      >
        Step
      </button>
      <span className="speed-control">
        <label htmlFor={speedId}>Speed</label>
        <select
          id={speedId}
          data-testid="speed-select"
          value={stepsPerSecond === null ? FULL_SPEED : String(stepsPerSecond)}
          onChange={(e) => onSpeed(e.target.value === FULL_SPEED ? null : Number(e.target.value))}
          title="Slow motion: a few steps a second, to watch the curves and the BN maths change"
        >
          <option value={FULL_SPEED}>Full speed</option>
          {SLOW_SPEEDS.map((s) => (
            <option key={s} value={String(s)}>
              {speedLabel(s)}
            </option>
          ))}
        </select>
      </span>
      {blocker !== null && !canTrain ? <span className="hint">{blocker}</span> : null}
    </div>
  );
}
