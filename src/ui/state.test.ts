// The reducer's promises to users: stale runs never leak in, Train again starts clean, errors are shown and the app
// stays usable, and the ETA follows the pace so far.
import { describe, expect, it } from 'vitest';
import { DEFAULT_CONFIG } from '../shared/config';
import type { WorkerEvent } from '../shared/protocol';
import { canTrain, estimateEtaMs, runPosition } from './runStatus';
import { initState, MAX_MESSAGES, reducer } from './state';
import { CONFIG, ev, fresh, metrics, progress, ready, run, training } from './state.fixture';

describe('data and backend', () => {
  it('starts idle, loads, then is ready to train', () => {
    expect(fresh().run.status).toBe('idle');
    const loading = run(fresh(), ev({ type: 'data-progress', runId: null, loadedBytes: 5, totalBytes: 50 }));
    expect(loading.run.status).toBe('loading-data');
    expect(loading.worker.data).toMatchObject({ phase: 'loading', loadedBytes: 5, totalBytes: 50 });
    const s = ready();
    expect(s.run.status).toBe('ready');
    expect(s.worker.backend?.backend).toBe('wasm');
    expect(s.worker.data).toMatchObject({ phase: 'ready', trainCount: 60000, testCount: 10000 });
    expect(canTrain(s, true)).toBe(true);
    expect(canTrain(s, false)).toBe(false);
  });

  it('shows a data error and keeps Train disabled', () => {
    const s = run(
      fresh(),
      ev({ type: 'error', runId: null, scope: 'data', message: 'train-labels-idx1-ubyte is truncated' }),
    );
    expect(s.run.status).toBe('error');
    expect(s.worker.data.phase).toBe('error');
    expect(s.messages.list.map((m) => m.text)).toEqual(['train-labels-idx1-ubyte is truncated']);
    expect(canTrain(s, true)).toBe(false);
  });

  it('flags a backend that could not start', () => {
    const s = run(fresh(), ev({ type: 'error', runId: null, scope: 'backend', message: 'no backend' }));
    expect(s.worker.backendFailed).toBe(true);
    expect(s.worker.data.phase).toBe('error');
  });
});

describe('a run', () => {
  it('goes running → finished, accumulating one row per net and epoch', () => {
    let s = training();
    expect(s.run.status).toBe('running');
    expect(s.run.stepsPerEpoch).toBe(63);
    expect(canTrain(s, true)).toBe(false);
    s = run(
      s,
      ev({
        type: 'run-started',
        runId: 1,
        config: CONFIG,
        stepsPerEpoch: 63,
        params: { bn: { total: 1, trainable: 1 }, plain: { total: 1, trainable: 1 } },
      }),
      ev(progress(1, 1, 30)),
      ev({ type: 'epoch', runId: 1, seedIndex: 0, epoch: 1, metrics: metrics(0.3) }),
      ev({ type: 'epoch', runId: 1, seedIndex: 0, epoch: 2, metrics: metrics(0.2) }),
      ev({ type: 'run-finished', runId: 1, reason: 'completed', elapsedMs: 5000 }),
    );
    expect(s.run.status).toBe('finished');
    expect(s.run.finishedMs).toBe(5000);
    expect(s.results.seedRuns.at(-1)?.bn.map((r) => [r.epoch, r.loss])).toEqual([
      [1, 0.3],
      [2, 0.2],
    ]);
    expect(s.results.seedRuns.at(-1)?.plain.map((r) => [r.epoch, r.loss])).toEqual([
      [1, 0.6],
      [2, 0.4],
    ]);
    expect(canTrain(s, true)).toBe(true);
  });

  it('keeps the history sorted and replaces a repeated epoch', () => {
    const s = run(
      training(),
      ev({ type: 'epoch', runId: 1, seedIndex: 0, epoch: 2, metrics: metrics(0.2) }),
      ev({ type: 'epoch', runId: 1, seedIndex: 0, epoch: 1, metrics: metrics(0.3) }),
      ev({ type: 'epoch', runId: 1, seedIndex: 0, epoch: 2, metrics: metrics(0.25) }),
    );
    expect(s.results.seedRuns.at(-1)?.bn.map((r) => [r.epoch, r.loss])).toEqual([
      [1, 0.3],
      [2, 0.25],
    ]);
  });

  it('derives progress with the run length and an ETA', () => {
    const s = run(training(), ev(progress(1, 2, 63, 2000)));
    const position = runPosition(s.run, s.progress);
    expect(position).toMatchObject({ epoch: 2, epochs: 2, step: 63, stepsPerEpoch: 63, samplesPerSec: 5400 });
    expect(position === null ? null : estimateEtaMs(position)).toBe(0);
  });

  it('keeps the steps of an epoch in one place and changes only the progress on a progress message', () => {
    const before = run(training(), ev(progress(1, 1, 10)));
    const after = reducer(before, ev(progress(1, 1, 20)));
    expect(after.progress?.step).toBe(20);
    for (const concern of ['worker', 'run', 'results', 'settings', 'messages', 'inside', 'currentNets'] as const)
      expect(after[concern], concern).toBe(before[concern]);
    expect(after.run.stepsPerEpoch).toBe(63);
  });

  it('stops: running → stopping → stopped, and ignores Stop when nothing runs', () => {
    expect(reducer(ready(), { type: 'stop-requested' }).run.status).toBe('ready');
    let s = run(training(), ev(progress(1, 1, 10)), { type: 'stop-requested' });
    expect(s.run.status).toBe('stopping');
    expect(canTrain(s, true)).toBe(false);
    s = run(s, ev(progress(1, 1, 11)), ev({ type: 'run-finished', runId: 1, reason: 'stopped', elapsedMs: 900 }));
    expect(s.run.status).toBe('stopped');
    expect(s.progress?.step).toBe(11);
    // Nothing of that run moves the screen afterwards.
    expect(
      run(s, ev(progress(1, 1, 12)), ev({ type: 'epoch', runId: 1, seedIndex: 0, epoch: 1, metrics: metrics(0.3) })),
    ).toBe(s);
  });
});

describe('Train again', () => {
  it('clears the charts, the log and the progress, and drops errors of earlier runs only', () => {
    const before = run(
      training(1),
      ev({ type: 'epoch', runId: 1, seedIndex: 0, epoch: 1, metrics: metrics(0.3) }),
      ev(progress(1, 2, 5)),
      ev({ type: 'error', runId: null, scope: 'worker', message: 'worker hiccup' }),
      ev({ type: 'error', runId: 1, scope: 'training', message: 'Training failed: NaN' }),
    );
    expect(before.run.status).toBe('error');
    expect(before.messages.list).toHaveLength(2);
    const after = reducer(before, { type: 'train-requested', runId: 2, config: { ...CONFIG, epochs: 5 } });
    expect(after.run).toMatchObject({ status: 'running', id: 2, finishedMs: null });
    expect(after.progress).toBeNull();
    expect(after.results.seedRuns).toEqual([{ bn: [], plain: [] }]);
    expect(after.run.config?.epochs).toBe(5);
    expect(after.messages.list.map((m) => m.text)).toEqual(['worker hiccup']);
  });

  it('drops every event of a run it has left', () => {
    const s = run(training(1), ev(progress(1, 1, 3)), { type: 'train-requested', runId: 2, config: CONFIG });
    const stale: WorkerEvent[] = [
      progress(1, 1, 40),
      { type: 'epoch', runId: 1, seedIndex: 0, epoch: 1, metrics: metrics(0.3) },
      { type: 'run-finished', runId: 1, reason: 'stopped', elapsedMs: 10 },
      { type: 'error', runId: 1, scope: 'training', message: 'late failure' },
      {
        type: 'run-started',
        runId: 1,
        config: CONFIG,
        stepsPerEpoch: 99,
        params: { bn: { total: 1, trainable: 1 }, plain: { total: 1, trainable: 1 } },
      },
    ];
    expect(run(s, ...stale.map(ev))).toBe(s);
    // Events of the current run and of the worker itself still count.
    expect(run(s, ev(progress(2, 1, 7))).progress?.step).toBe(7);
    expect(run(s, ev({ type: 'error', runId: null, scope: 'worker', message: 'x' })).messages.list).toHaveLength(1);
  });
});

describe('errors', () => {
  it('ends the current run on its error and leaves Train usable', () => {
    const s = run(
      training(),
      ev({ type: 'error', runId: 1, scope: 'config', message: 'Settings refused: Epochs must be between 1 and 100.' }),
    );
    expect(s.run.status).toBe('error');
    expect(s.messages.list[0]).toMatchObject({
      scope: 'config',
      runId: 1,
      text: 'Settings refused: Epochs must be between 1 and 100.',
    });
    expect(canTrain(s, true)).toBe(true);
  });

  it('keeps a run going through a worker message error, and caps and dismisses messages', () => {
    let s = training();
    for (let i = 0; i < MAX_MESSAGES + 3; i++)
      s = reducer(s, ev({ type: 'error', runId: null, scope: 'worker', message: `m${i}` }));
    expect(s.run.status).toBe('running');
    expect(s.messages.list).toHaveLength(MAX_MESSAGES);
    expect(s.messages.list.at(-1)?.text).toBe(`m${MAX_MESSAGES + 2}`);
    const id = s.messages.list[0]?.id ?? -1;
    s = reducer(s, { type: 'message-dismissed', id });
    expect(s.messages.list.some((m) => m.id === id)).toBe(false);
    expect(new Set(s.messages.list.map((m) => m.id)).size).toBe(s.messages.list.length);
  });

  it('records page errors and lets the URL notice be dismissed', () => {
    const s = initState({
      config: CONFIG,
      problems: [{ key: 'lr', name: 'lr', given: 'banana', message: 'Learning rate must be a number.', used: '0.001' }],
    });
    expect(s.settings.problems).toHaveLength(1);
    expect(reducer(s, { type: 'config-problems-dismissed' }).settings.problems).toEqual([]);
    expect(reducer(s, { type: 'ui-error', message: 'no PNG' }).messages.list[0]).toMatchObject({
      scope: 'ui',
      text: 'no PNG',
    });
  });
});

describe('settings form', () => {
  it('holds the typed text per field', () => {
    const s = reducer(fresh(), { type: 'config-edited', key: 'epochs', text: '3' });
    expect(s.settings.draft.text).toMatchObject({ epochs: '3', batchSize: '32', lr: '0.001', trainSize: '2000' });
  });
});

describe('ETA', () => {
  it('extrapolates the pace so far over the remaining steps', () => {
    // A quarter of 2 × 100 steps in 10 s: 30 s to go.
    expect(estimateEtaMs({ epoch: 1, epochs: 2, step: 50, stepsPerEpoch: 100, elapsedMs: 10_000 })).toBe(30_000);
    expect(estimateEtaMs({ epoch: 2, epochs: 2, step: 50, stepsPerEpoch: 100, elapsedMs: 30_000 })).toBe(10_000);
    expect(estimateEtaMs({ epoch: 2, epochs: 2, step: 100, stepsPerEpoch: 100, elapsedMs: 30_000 })).toBe(0);
  });

  it('has no estimate before the first step', () => {
    expect(estimateEtaMs({ epoch: 1, epochs: 2, step: 0, stepsPerEpoch: 100, elapsedMs: 500 })).toBeNull();
    expect(estimateEtaMs({ epoch: 1, epochs: 2, step: 5, stepsPerEpoch: 100, elapsedMs: 0 })).toBeNull();
  });

  it("keeps each seed's epochs apart, and shows the seed in progress", () => {
    const config = { ...CONFIG, seeds: 2 };
    const s = run(
      ready(),
      { type: 'train-requested', runId: 1, config },
      ev({ type: 'epoch', runId: 1, seedIndex: 0, epoch: 1, metrics: metrics(0.3) }),
      ev({ type: 'epoch', runId: 1, seedIndex: 0, epoch: 2, metrics: metrics(0.2) }),
      ev({ ...progress(1, 1, 30), seedIndex: 1 } as WorkerEvent),
      ev({ type: 'epoch', runId: 1, seedIndex: 1, epoch: 1, metrics: metrics(0.4) }),
    );
    expect(s.results.seedRuns.map((r) => r.bn.map((e) => e.loss))).toEqual([[0.3, 0.2], [0.4]]);
    expect(s.results.seedRuns.at(-1)).toBe(s.results.seedRuns[1]);
    const position = runPosition(s.run, s.progress);
    expect(position).toMatchObject({ seedIndex: 1, seeds: 2 });
    // Halfway through the second of two seeds' runs of 2 × 63 steps: 156 of 252 steps done.
    expect(position === null ? null : estimateEtaMs(position)).toBeCloseTo((1000 * (252 - 156)) / 156, 6);
  });

  it('records a divergence and keeps the net that still trains', () => {
    const s = run(
      ready(),
      { type: 'train-requested', runId: 1, config: CONFIG },
      ev({ type: 'diverged', runId: 1, net: 'plain', seedIndex: 0, epoch: 1, step: 17 }),
      ev({ type: 'epoch', runId: 1, seedIndex: 0, epoch: 1, metrics: { bn: metrics(0.3).bn } }),
    );
    expect(s.results.divergences).toEqual([{ net: 'plain', seedIndex: 0, epoch: 1, step: 17 }]);
    expect(s.results.seedRuns.at(-1)?.bn).toHaveLength(1);
    expect(s.results.seedRuns.at(-1)?.plain).toEqual([]);
    const again = reducer(s, { type: 'train-requested', runId: 2, config: CONFIG });
    expect(again.results.divergences).toEqual([]);
  });

  it('replaces the form with a preset without touching the run on screen', () => {
    const s = run(ready(), { type: 'train-requested', runId: 1, config: CONFIG });
    const next = reducer(s, { type: 'settings-replaced', config: { ...DEFAULT_CONFIG, lr: 0.03 } });
    expect(next.settings.draft.text.lr).toBe('0.03');
    expect(next.run.config).toBe(CONFIG);
    expect(next.run.status).toBe('running');
  });
});
