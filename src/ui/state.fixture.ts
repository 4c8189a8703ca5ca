// Shared by the reducer's tests: a config, epoch metrics, a progress event, and states on the way to a run.
import { DEFAULT_CONFIG, type TrainConfig } from '../shared/config';
import type { EpochMetrics } from '../shared/metrics';
import type { PerNet, WorkerEvent } from '../shared/protocol';
import { initState, reducer } from './state';
import type { UiAction, UiState } from './stateTypes';

export const CONFIG: TrainConfig = { ...DEFAULT_CONFIG, epochs: 2, trainSize: 2000 };

export function metrics(loss: number): PerNet<EpochMetrics> {
  return {
    bn: { loss, accuracy: 0.9, valLoss: loss + 0.01, valAccuracy: 0.91, seconds: 1.5 },
    plain: { loss: loss * 2, accuracy: 0.8, valLoss: loss * 2 + 0.01, valAccuracy: 0.81, seconds: 1.2 },
  };
}

export function progress(runId: number, epoch: number, step: number, elapsedMs = 1000): WorkerEvent {
  return {
    type: 'progress',
    runId,
    seedIndex: 0,
    epoch,
    step,
    stepsPerEpoch: 63,
    samplesPerSec: 5400,
    elapsedMs,
    running: { bn: { loss: 0.5, accuracy: 0.8 }, plain: { loss: 0.7, accuracy: 0.7 } },
    phase: 'training',
  };
}

export const ev = (event: WorkerEvent): UiAction => ({ type: 'worker-event', event });

export function run(state: UiState, ...actions: UiAction[]): UiState {
  return actions.reduce(reducer, state);
}

export const fresh = () => initState({ config: CONFIG, problems: [] });
export const ready = () =>
  run(
    fresh(),
    ev({
      type: 'backend',
      runId: null,
      info: { backend: 'wasm', reason: 'software WebGL', renderer: 'SwiftShader', probe: null, probeSource: null },
    }),
    ev({ type: 'data-progress', runId: null, loadedBytes: 10, totalBytes: 100 }),
    ev({ type: 'data-ready', runId: null, trainCount: 60000, testCount: 10000, ms: 150 }),
  );
export const training = (runId = 1) => run(ready(), { type: 'train-requested', runId, config: CONFIG });
