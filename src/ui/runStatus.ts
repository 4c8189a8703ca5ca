// What the page derives from the run's state: paused or active, where the run is (with the counts its settings
// give), steps done, time left, and whether Train may be pressed. Pure functions of UiState's fields (stateTypes.ts),
// shared by the run bar, the progress line and the reducer.
import type { ProgressState, RunState, RunStatus, UiState } from './stateTypes';

/** The run in progress is held by Pause (as the worker says): Step is possible. */
export function isPaused(run: Pick<RunState, 'status' | 'pause'>): boolean {
  return run.status === 'running' && run.pause.paused;
}

export function isRunActive(status: RunStatus): boolean {
  return status === 'running' || status === 'stopping';
}

/** The latest progress with the run's shape: how many seeds, epochs and steps an epoch. */
export interface RunPosition extends ProgressState {
  seeds: number;
  epochs: number;
  stepsPerEpoch: number;
}

export function runPosition(
  run: Pick<RunState, 'config' | 'stepsPerEpoch'>,
  p: ProgressState | null,
): RunPosition | null {
  if (p === null) return null;
  return {
    ...p,
    seeds: Math.max(run.config?.seeds ?? 1, p.seedIndex + 1),
    epochs: Math.max(run.config?.epochs ?? 1, p.epoch),
    stepsPerEpoch: Math.max(run.stepsPerEpoch ?? 1, p.step),
  };
}

/** Mini-batches trained in this run so far (one step = one mini-batch through every net), over every epoch and seed. */
export function stepsDone(
  p: Pick<RunPosition, 'seedIndex' | 'epoch' | 'epochs' | 'step' | 'stepsPerEpoch'> | null,
): number {
  if (p === null) return 0;
  return (p.seedIndex * p.epochs + p.epoch - 1) * p.stepsPerEpoch + p.step;
}

/** Time left, assuming the rest of the run goes at the pace so far (validation included, as it recurs each epoch). */
export function estimateEtaMs(p: {
  seedIndex?: number;
  seeds?: number;
  seedsTogether?: number;
  epoch: number;
  epochs: number;
  step: number;
  stepsPerEpoch: number;
  elapsedMs: number;
}): number | null {
  const perSeed = p.epochs * p.stepsPerEpoch;
  const total = (p.seeds ?? 1) * perSeed;
  // Seeds trained together each did the steps of the position.
  const done = (p.seedIndex ?? 0) * perSeed + (p.seedsTogether ?? 1) * ((p.epoch - 1) * p.stepsPerEpoch + p.step);
  if (total <= 0 || done <= 0 || p.elapsedMs <= 0) return null;
  return Math.max(0, (p.elapsedMs * (total - Math.min(done, total))) / done);
}

/** Whether the form's config may be sent: the worker has the data and no run is still winding down. */
export function canTrain(state: Pick<UiState, 'worker' | 'run'>, configValid: boolean): boolean {
  return (
    configValid &&
    state.worker.data.phase === 'ready' &&
    !isRunActive(state.run.status) &&
    state.worker.fault?.kind !== 'crashed'
  );
}
