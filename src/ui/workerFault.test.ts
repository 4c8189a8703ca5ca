// The page's promises when the worker fails: the message is shown with Restart, a run in progress ends, Restart
// keeps the charts' history and waits for the fresh worker's data; a stall is noticed and cleared by progress; a lost
// WebGL context is said aloud.
import { describe, expect, it } from 'vitest';
import { DEFAULT_CONFIG, type TrainConfig } from '../shared/config';
import type { WorkerEvent } from '../shared/protocol';
import { canTrain } from './runStatus';
import type { UiAction, UiState } from './stateTypes';
import { initState, reducer } from './state';

const CONFIG: TrainConfig = { ...DEFAULT_CONFIG, epochs: 2, trainSize: 2000 };
const ev = (event: WorkerEvent): UiAction => ({ type: 'worker-event', event });
const run = (state: UiState, ...actions: UiAction[]): UiState => actions.reduce(reducer, state);

const ready = () =>
  run(
    initState({ config: CONFIG, problems: [] }),
    ev({
      type: 'backend',
      runId: null,
      info: { backend: 'wasm', reason: 'test', renderer: null, probe: null, probeSource: null },
    }),
    ev({ type: 'data-ready', runId: null, trainCount: 60000, testCount: 10000, ms: 150 }),
  );
const metrics = { loss: 0.3, accuracy: 0.9, valLoss: 0.2, valAccuracy: 0.93, seconds: 1 };
const withEpoch = () =>
  run(
    ready(),
    { type: 'train-requested', runId: 1, config: CONFIG },
    ev({ type: 'epoch', runId: 1, seedIndex: 0, epoch: 1, metrics: { bn: metrics, plain: metrics } }),
  );
const progress = (runId: number): WorkerEvent => ({
  type: 'progress',
  runId,
  seedIndex: 0,
  epoch: 2,
  step: 3,
  stepsPerEpoch: 63,
  samplesPerSec: 100,
  elapsedMs: 10,
  running: {},
  phase: 'training',
});

describe('a worker that crashes', () => {
  it('ends the run, shows the message and a fault to restart from, and blocks Train', () => {
    const s = run(withEpoch(), { type: 'worker-lost', message: 'The training worker failed: boom.' });
    expect(s.run.status).toBe('error');
    expect(s.worker.fault).toEqual({ kind: 'crashed', message: 'The training worker failed: boom.' });
    expect(s.messages.list).toEqual([]); // said once, in the fault notice
    expect(s.results.seedRuns.at(-1)?.bn).toHaveLength(1);
  });

  it('Restart keeps the history, forgets the backend and data, and is ready again when the fresh worker is', () => {
    const restarted = run(withEpoch(), { type: 'worker-lost', message: 'x' }, { type: 'worker-restarted' });
    expect(restarted.worker.fault).toBeNull();
    expect(restarted.worker.backend).toBeNull();
    expect(restarted.worker.data.phase).toBe('waiting');
    expect(restarted.run.status).toBe('loading-data');
    expect(restarted.results.seedRuns.at(-1)?.bn).toHaveLength(1);
    expect(canTrain(restarted, true)).toBe(false);
    const again = run(
      restarted,
      ev({
        type: 'backend',
        runId: null,
        info: { backend: 'wasm', reason: 'test', renderer: null, probe: null, probeSource: null },
      }),
      ev({ type: 'data-ready', runId: null, trainCount: 60000, testCount: 10000, ms: 150 }),
    );
    expect(again.run.status).toBe('ready');
    expect(again.worker.backend?.backend).toBe('wasm');
    expect(canTrain(again, true)).toBe(true);
    expect(again.results.seedRuns.at(-1)?.bn).toHaveLength(1);
  });

  it('before the data arrived, marks the data as failed', () => {
    const s = run(initState({ config: CONFIG, problems: [] }), { type: 'worker-lost', message: 'x' });
    expect(s.run.status).toBe('error');
    expect(s.worker.data.phase).toBe('error');
  });
});

describe('a stalled run', () => {
  it('is flagged while a run is active, and cleared by progress from that run only', () => {
    expect(run(ready(), { type: 'worker-stalled', seconds: 30 }).worker.fault).toBeNull();
    const stalled = run(withEpoch(), { type: 'worker-stalled', seconds: 30 });
    expect(stalled.worker.fault?.kind).toBe('stalled');
    expect(stalled.worker.fault?.message).toMatch(/30 s/);
    expect(run(stalled, ev(progress(99))).worker.fault?.kind).toBe('stalled');
    expect(run(stalled, ev(progress(1))).worker.fault).toBeNull();
  });
});

describe('a lost WebGL context', () => {
  it('is said in a notice, with the run starting again when it interrupted the one on screen', () => {
    const lost = (interruptedRunId: number | null): WorkerEvent => ({
      type: 'backend-lost',
      runId: null,
      lost: 'webgl',
      message: 'The WebGL context was lost; training moved to wasm.',
      interruptedRunId,
    });
    expect(run(withEpoch(), ev(lost(1))).messages.list.at(-1)?.text).toMatch(/moved to wasm\. The run starts again/);
    expect(run(ready(), ev(lost(null))).messages.list.at(-1)?.text).toBe(
      'The WebGL context was lost; training moved to wasm.',
    );
  });
});
