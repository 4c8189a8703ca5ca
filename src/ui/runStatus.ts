// What the page derives from the run's state: paused or active, steps done, time left, and whether Train may be
// pressed. Pure functions of UiState (state.ts), shared by the run bar, the progress line and the reducer.
import type { ProgressState, RunStatus, UiState } from './stateTypes';

/** The run in progress is held by Pause (as the worker says): Step is possible. */
export function isPaused(state: Pick<UiState, 'status' | 'pause'>): boolean {
  return state.status === 'running' && state.pause.paused;
}

/** Mini-batches trained in this run so far (one step = one mini-batch through every net), over every epoch and seed. */
export function stepsDone(
  p: Pick<ProgressState, 'repeat' | 'epoch' | 'epochs' | 'step' | 'stepsPerEpoch'> | null,
): number {
  if (p === null) return 0;
  return (p.repeat * p.epochs + p.epoch - 1) * p.stepsPerEpoch + p.step;
}

export function isRunActive(status: RunStatus): boolean {
  return status === 'running' || status === 'stopping';
}

/** Time left, assuming the rest of the run goes at the pace so far (validation included, as it recurs each epoch). */
export function estimateEtaMs(p: {
  repeat?: number;
  repeats?: number;
  seedsTogether?: number;
  epoch: number;
  epochs: number;
  step: number;
  stepsPerEpoch: number;
  elapsedMs: number;
}): number | null {
  const perRepeat = p.epochs * p.stepsPerEpoch;
  const total = (p.repeats ?? 1) * perRepeat;
  // Seeds trained together each did the steps of the position.
  const done = (p.repeat ?? 0) * perRepeat + (p.seedsTogether ?? 1) * ((p.epoch - 1) * p.stepsPerEpoch + p.step);
  if (total <= 0 || done <= 0 || p.elapsedMs <= 0) return null;
  return Math.max(0, (p.elapsedMs * (total - Math.min(done, total))) / done);
}

/** Whether the form's config may be sent: the worker has the data and no run is still winding down. */
export function canTrain(state: UiState, configValid: boolean): boolean {
  return (
    configValid && state.data.phase === 'ready' && !isRunActive(state.status) && state.workerFault?.kind !== 'crashed'
  );
}
