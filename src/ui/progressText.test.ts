// The progress line as users read it, from loading the data to the end of a run.
import { describe, expect, it } from 'vitest';
import { DEFAULT_CONFIG } from '../shared/config';
import type { WorkerEvent } from '../shared/protocol';
import { describeProgress, speedLabel, type ProgressInput } from './progressText';
import type { UiAction, UiState } from './stateTypes';
import { initState, reducer } from './state';

const ev = (event: WorkerEvent): UiAction => ({ type: 'worker-event', event });
const CONFIG = { ...DEFAULT_CONFIG, epochs: 10 };

function progress(
  phase: 'training' | 'validating',
  step = 1200,
  seedIndex = 0,
): Extract<WorkerEvent, { type: 'progress' }> {
  return {
    type: 'progress',
    runId: 1,
    seedIndex,
    epoch: 3,
    step,
    stepsPerEpoch: 1875,
    samplesPerSec: 5400,
    elapsedMs: 60_000,
    running: { bn: { loss: 0.1, accuracy: 0.97 }, plain: { loss: 0.2, accuracy: 0.95 } },
    phase,
  };
}

function input(state: UiState): ProgressInput {
  return { run: state.run, progress: state.progress, data: state.worker.data, divergences: state.results.divergences };
}

function at(...actions: UiAction[]): UiState {
  return actions.reduce(reducer, initState({ config: CONFIG, problems: [] }));
}

const READY = [ev({ type: 'data-ready', runId: null, trainCount: 60000, testCount: 10000, ms: 150 })];
const TRAINING: UiAction[] = [...READY, { type: 'train-requested', runId: 1, config: CONFIG }];

describe('describeProgress', () => {
  it('shows the download in megabytes, then readiness', () => {
    const loading = describeProgress(
      input(at(ev({ type: 'data-progress', runId: null, loadedBytes: 12_300_000, totalBytes: 54_900_000 }))),
    );
    expect(loading.text).toBe('Loading MNIST… 12.3 MB / 54.9 MB');
    expect(loading.bar).toEqual({ kind: 'value', value: 12_300_000, max: 54_900_000 });
    expect(describeProgress(input(at(...READY))).text).toBe(
      'Ready · 60,000 training and 10,000 test images loaded in 150 ms.',
    );
  });

  it('shows epoch, step, throughput and ETA while training', () => {
    const view = describeProgress(input(at(...TRAINING, ev(progress('training')))));
    // 2 × 1,875 + 1,200 = 4,950 of 18,750 steps in 60 s: 167 s to go.
    expect(view.text).toBe('Epoch 3/10 · step 1,200/1,875 · 5,400 samples/s · ETA 2m 47s');
    expect(view.bar).toEqual({ kind: 'value', value: 4950, max: 18750 });
  });

  it('counts every seed when they train together', () => {
    const config = { ...CONFIG, seeds: 3 };
    const start: UiAction[] = [...READY, { type: 'train-requested', runId: 1, config }];
    const run = (event: WorkerEvent) =>
      at(...start, ev({ type: 'run-started', runId: 1, config, stepsPerEpoch: 1875, params: {} }), ev(event));
    const together = describeProgress(input(run({ ...progress('training'), seedsTogether: 3 })));
    // 3 seeds × 4,950 steps of 56,250 in 60 s: 167 s to go, as for one seed.
    expect(together.text).toBe('All 3 seeds at once · Epoch 3/10 · step 1,200/1,875 · 5,400 samples/s · ETA 2m 47s');
    expect(together.bar).toEqual({ kind: 'value', value: 14850, max: 56250 });
    const inTurn = describeProgress(input(run(progress('training', 1200, 1))));
    expect(inTurn.text).toMatch(/^Seed 2 of 3 · Epoch 3\/10/);
    expect(inTurn.bar).toEqual({ kind: 'value', value: 18750 + 4950, max: 56250 });
  });

  it('says when it validates, and before the first report that the run is starting', () => {
    expect(describeProgress(input(at(...TRAINING, ev(progress('validating', 1875))))).text).toBe(
      'Epoch 3/10 · step 1,875/1,875 · Validating…',
    );
    expect(describeProgress(input(at(...TRAINING))).bar.kind).toBe('indeterminate');
    expect(describeProgress(input(at(...TRAINING))).text).toBe('Starting the run: building both networks…');
    const five = { ...CONFIG, norms: ['none', 'batch', 'layer', 'group', 'rms'] as const };
    const starting = at(...READY, { type: 'train-requested', runId: 1, config: { ...five, norms: [...five.norms] } });
    expect(describeProgress(input(starting)).text).toBe('Starting the run: building the 5 networks…');
  });

  it('keeps the final position after a stop, with the time taken', () => {
    const stopped = at(...TRAINING, ev(progress('training')), { type: 'stop-requested' });
    expect(describeProgress(input(stopped)).text).toBe('Stopping… · Epoch 3/10 · step 1,200/1,875');
    const done = reducer(stopped, ev({ type: 'run-finished', runId: 1, reason: 'stopped', elapsedMs: 61_000 }));
    expect(describeProgress(input(done)).text).toBe('Stopped · Epoch 3/10 · step 1,200/1,875 · took 1m 1s');
  });

  it('reports a finished run and a data failure', () => {
    const finished = at(
      ...TRAINING,
      ev(progress('validating', 1875)),
      ev({ type: 'run-finished', runId: 1, reason: 'completed', elapsedMs: 5000 }),
    );
    expect(describeProgress(input(finished)).text).toBe('Finished · Epoch 3/10 · step 1,875/1,875 · took 5s');
    const failed = at(ev({ type: 'error', runId: null, scope: 'data', message: 'truncated' }));
    expect(describeProgress(input(failed)).text).toMatch(/could not load the data/);
  });

  it('says which seed of how many, with the bar over all seeds', () => {
    const config = { ...CONFIG, seeds: 3 };
    const state = at(...READY, { type: 'train-requested', runId: 1, config }, ev(progress('training', 1200, 1)));
    expect(describeProgress(input(state)).text).toMatch(
      /^Seed 2 of 3 · Epoch 3\/10 · step 1,200\/1,875 · 5,400 samples\/s · ETA /,
    );
    expect(describeProgress(input(state)).bar).toEqual({ kind: 'value', value: 18750 + 4950, max: 3 * 18750 });
  });

  it('names the net still training when the other is off or has diverged', () => {
    const plainOnly = at(
      ...READY,
      { type: 'train-requested', runId: 1, config: { ...CONFIG, nets: 'plain' } },
      ev(progress('training')),
    );
    expect(describeProgress(input(plainOnly)).text).toMatch(/step 1,200\/1,875 · training No BN only · 5,400/);
    const diverged = at(
      ...TRAINING,
      ev(progress('training')),
      ev({ type: 'diverged', runId: 1, net: 'plain', seedIndex: 0, epoch: 3, step: 1100 }),
    );
    expect(describeProgress(input(diverged)).text).toContain('· training With BN only ·');
    expect(describeProgress(input(at(...TRAINING, ev(progress('training'))))).text).not.toContain('only');
  });
});

describe('describeProgress while paused or in slow motion', () => {
  it('says Pausing… until the worker holds the run, then Paused with the exact position', () => {
    expect(describeProgress(input(at(...TRAINING, ev(progress('training')), { type: 'pause-requested' }))).text).toBe(
      'Pausing… · Epoch 3/10 · step 1,200/1,875',
    );
    const paused = at(
      ...TRAINING,
      ev(progress('training')),
      { type: 'pause-requested' },
      ev({ type: 'run-paused', runId: 1 }),
    );
    expect(describeProgress(input(paused)).text).toBe('Paused · Epoch 3/10 · step 1,200/1,875');
    expect(describeProgress(input(at(...TRAINING, ev({ type: 'run-paused', runId: 1 })))).text).toBe(
      'Paused before the first step.',
    );
  });

  it('names the slow-motion speed instead of the ETA', () => {
    const slow = at(
      ...READY,
      { type: 'speed-chosen', stepsPerSecond: 0.5 },
      { type: 'train-requested', runId: 1, config: CONFIG },
      ev(progress('training')),
    );
    expect(describeProgress(input(slow)).text).toBe('Epoch 3/10 · step 1,200/1,875 · slow motion, 1 step every 2 s');
    expect(speedLabel(10)).toBe('10 steps/s');
    expect(speedLabel(1)).toBe('1 step/s');
  });
});
