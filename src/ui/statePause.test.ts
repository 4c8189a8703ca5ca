// The reducer and Pause / Step / slow motion: the page follows what the worker says, a stale run's pause events are
// dropped, the chosen speed outlives a run, and a paused run is never called stalled.
import { describe, expect, it } from 'vitest';
import { isPaused, runPosition, stepsDone } from './runStatus';
import { reducer } from './state';
import { CONFIG, ev, progress, ready, run, training } from './state.fixture';

describe('pause, step and slow motion', () => {
  it('follows the worker: Pause is pending until run-paused, Resume until run-resumed', () => {
    let s = run(training(), ev(progress(1, 1, 30)));
    expect(isPaused(s.run)).toBe(false);
    s = reducer(s, { type: 'pause-requested' });
    expect(s.run.pause).toEqual({ paused: false, pending: 'pause' });
    expect(isPaused(s.run)).toBe(false);
    s = run(s, ev({ type: 'run-paused', runId: 1 }));
    expect(s.run.pause).toEqual({ paused: true, pending: null });
    expect(isPaused(s.run)).toBe(true);
    // Steps taken while paused move the progress; the run stays paused.
    s = run(s, ev(progress(1, 1, 31)), ev(progress(1, 1, 32)));
    expect(isPaused(s.run)).toBe(true);
    expect(stepsDone(runPosition(s.run, s.progress))).toBe(32);
    s = reducer(s, { type: 'resume-requested' });
    expect(s.run.pause).toEqual({ paused: true, pending: 'resume' });
    s = run(s, ev({ type: 'run-resumed', runId: 1 }));
    expect(s.run.pause).toEqual({ paused: false, pending: null });
  });

  it('ignores a stale run’s pause events, and requests when no run is going', () => {
    const s = run(training(2), ev({ type: 'run-paused', runId: 1 }));
    expect(s.run.pause.paused).toBe(false);
    expect(reducer(ready(), { type: 'pause-requested' }).run.pause.pending).toBeNull();
    expect(reducer(training(), { type: 'resume-requested' }).run.pause.pending).toBeNull();
  });

  it('ends the pause with the run (stopped while paused, or failed), and a new run starts unpaused', () => {
    const paused = run(training(), ev({ type: 'run-paused', runId: 1 }));
    const stopped = run(
      paused,
      { type: 'stop-requested' },
      ev({ type: 'run-finished', runId: 1, reason: 'stopped', elapsedMs: 100 }),
    );
    expect(stopped.run.status).toBe('stopped');
    expect(stopped.run.pause).toEqual({ paused: false, pending: null });
    expect(isPaused(run(paused, { type: 'stop-requested' }).run)).toBe(false);
    const failed = run(paused, ev({ type: 'error', runId: 1, scope: 'training', message: 'boom' }));
    expect(failed.run.pause.paused).toBe(false);
    const pending = run(training(), { type: 'pause-requested' });
    expect(reducer(pending, { type: 'train-requested', runId: 2, config: CONFIG }).run.pause).toEqual({
      paused: false,
      pending: null,
    });
  });

  it('keeps the chosen speed for the next runs', () => {
    const s = run(
      ready(),
      { type: 'speed-chosen', stepsPerSecond: 2 },
      { type: 'train-requested', runId: 1, config: CONFIG },
    );
    expect(s.run.stepsPerSecond).toBe(2);
    expect(reducer(s, { type: 'speed-chosen', stepsPerSecond: null }).run.stepsPerSecond).toBeNull();
  });

  it('counts the mini-batches trained over epochs and seeds', () => {
    expect(stepsDone(null)).toBe(0);
    expect(stepsDone({ seedIndex: 0, epoch: 1, epochs: 2, step: 5, stepsPerEpoch: 63 })).toBe(5);
    expect(stepsDone({ seedIndex: 0, epoch: 2, epochs: 2, step: 5, stepsPerEpoch: 63 })).toBe(68);
    expect(stepsDone({ seedIndex: 1, epoch: 1, epochs: 2, step: 5, stepsPerEpoch: 63 })).toBe(131);
  });
});

describe('a paused run and the stall watch', () => {
  it('is not called stalled while paused (it sends nothing on purpose), but is once it goes on', () => {
    const paused = run(training(), ev({ type: 'run-paused', runId: 1 }));
    expect(reducer(paused, { type: 'worker-stalled', seconds: 30 }).worker.fault).toBeNull();
    const resumed = run(paused, ev({ type: 'run-resumed', runId: 1 }), { type: 'worker-stalled', seconds: 30 });
    expect(resumed.worker.fault?.kind).toBe('stalled');
  });
});
