// The worker's run lifecycle without a worker, TF.js or data: a fake training loop that steps until it is told to
// stop stands in for runExperiment, so replacing a run, stopping one before it starts, a run overtaken while it
// waits, a failing run, Pause/Step routing, and a lost backend (a run that ends, and one stuck in a readback) are
// checked event by event.
import { describe, expect, it, vi } from 'vitest';
import type { ActiveBackend } from '../core/backend';
import type { StepObserver } from '../core/inside/stepObserver';
import type { RunHooks, RunOutcome } from '../core/experiment';
import type { Mnist } from '../data/mnist';
import { DEFAULT_CONFIG, type TrainConfig } from '../shared/config';
import type { WorkerEvent } from '../shared/protocol';
import { RunLifecycle, type LifecycleDeps } from './runLifecycle';

const DATA = {} as Mnist;
const CONFIG: TrainConfig = { ...DEFAULT_CONFIG, epochs: 1, trainSize: 1000 };
const OBSERVER: StepObserver = { beforeStep: () => null };
const tick = (): Promise<void> => new Promise((resolve) => setTimeout(resolve, 0));

/** A loop that takes `steps` steps (forever when Infinity), honouring turns and stops between them. */
function fakeLoop(steps: number, counted: number[] = []) {
  return async (_data: Mnist, _config: TrainConfig, hooks: RunHooks): Promise<RunOutcome> => {
    hooks.onStart?.({ stepsPerEpoch: 10, params: {} });
    for (let step = 0; step < steps; step++) {
      const turn = hooks.awaitTurn?.() ?? null;
      if (turn) await turn;
      if (hooks.shouldStop?.()) return 'stopped';
      counted.push(step);
      await hooks.yieldControl?.();
    }
    return 'completed';
  };
}

function setup(overrides: Partial<LifecycleDeps> = {}) {
  const events: WorkerEvent[] = [];
  const currentNets = { training: vi.fn(), adopt: vi.fn(), runFailed: vi.fn(), clear: vi.fn() };
  let lost: string | null = null;
  let data: Promise<Mnist> | null = Promise.resolve(DATA);
  const deps: LifecycleDeps = {
    post: (e) => events.push(e),
    data: () => data,
    runExperiment: fakeLoop(Infinity),
    currentNets,
    observerFor: () => OBSERVER,
    lostBackend: () => lost,
    failover: async (): Promise<ActiveBackend> => {
      lost = null;
      return { backend: 'wasm', reason: 'the next backend' };
    },
    yieldControl: tick,
    lostRunGraceMs: 30,
    ...overrides,
  };
  const runs = new RunLifecycle(deps);
  const kinds = (): string[] => events.map((e) => `${e.type}:${e.runId ?? '-'}`);
  return {
    runs,
    events,
    kinds,
    currentNets,
    loseBackend: () => (lost = 'webgl'),
    setData: (d: Promise<Mnist> | null): void => {
      data = d;
    },
  };
}

const train = (runId: number, config: TrainConfig = CONFIG) => ({ type: 'train' as const, runId, config });

describe('RunLifecycle', () => {
  it('runs to the end and reports start and finish', async () => {
    const { runs, kinds } = setup({ runExperiment: fakeLoop(3) });
    await runs.train(train(1));
    expect(kinds()).toEqual(['run-started:1', 'run-finished:1']);
    expect(runs.runningId).toBeNull();
  });

  it('replaces a run in progress: the old one is stopped before the new one starts', async () => {
    const { runs, events, kinds } = setup();
    const first = runs.train(train(1));
    await tick();
    expect(runs.runningId).toBe(1);
    const second = runs.train(train(2));
    await first;
    await tick();
    expect(kinds()).toEqual(['run-started:1', 'run-finished:1', 'run-started:2']);
    expect(events[1]).toMatchObject({ reason: 'stopped' });
    runs.command({ type: 'stop', runId: 2 });
    await second;
    expect(kinds().at(-1)).toBe('run-finished:2');
  });

  it('a stop that arrives before its run has started keeps it from starting', async () => {
    let release: (d: Mnist) => void = () => {};
    const loop = vi.fn(fakeLoop(3));
    const { runs, kinds, setData } = setup({ runExperiment: loop });
    setData(new Promise<Mnist>((resolve) => (release = resolve)));
    const run = runs.train(train(7));
    runs.command({ type: 'stop', runId: 7 });
    release(DATA);
    await run;
    expect(kinds()).toEqual(['run-finished:7']);
    expect(loop).not.toHaveBeenCalled();
    expect(runs.runningId).toBeNull();
  });

  it('a run overtaken by a newer Train while it waited for the data never starts', async () => {
    let release: (d: Mnist) => void = () => {};
    const { runs, kinds, setData } = setup({ runExperiment: fakeLoop(2) });
    setData(new Promise<Mnist>((resolve) => (release = resolve)));
    const first = runs.train(train(1));
    const second = runs.train(train(2));
    release(DATA);
    await Promise.all([first, second]);
    expect(kinds()).toEqual(['run-finished:1', 'run-started:2', 'run-finished:2']);
  });

  it('refuses settings the worker does not accept, and training before init', async () => {
    const { runs, events, setData } = setup();
    await runs.train(train(1, { ...CONFIG, epochs: 0 }));
    expect(events[0]).toMatchObject({ type: 'error', runId: 1, scope: 'config' });
    setData(null);
    await runs.train(train(2));
    expect(events[1]).toMatchObject({ type: 'error', runId: 2, scope: 'worker' });
  });

  it('reports a data failure to the run that waited for it', async () => {
    const { runs, events, setData } = setup();
    setData(Promise.reject(new Error('404')));
    await runs.train(train(3));
    expect(events).toEqual([
      { type: 'error', runId: 3, scope: 'data', message: 'Cannot train: the MNIST data did not load.' },
    ]);
  });

  it('a failing run is reported with its message and lets its nets go', async () => {
    const { runs, events, currentNets } = setup({
      runExperiment: async () => {
        throw new Error('out of memory');
      },
    });
    await runs.train(train(4));
    expect(events).toEqual([{ type: 'error', runId: 4, scope: 'training', message: 'Training failed: out of memory' }]);
    expect(currentNets.runFailed).toHaveBeenCalledTimes(1);
    expect(runs.runningId).toBeNull();
  });

  it('routes Pause, Step and Resume to the latest run and ignores stale ones', async () => {
    const counted: number[] = [];
    const { runs, kinds } = setup({ runExperiment: fakeLoop(Infinity, counted) });
    const run = runs.train(train(5));
    await tick();
    runs.command({ type: 'pause', runId: 4 });
    await tick();
    expect(kinds()).not.toContain('run-paused:5');
    runs.command({ type: 'pause', runId: 5 });
    await tick();
    await tick();
    expect(kinds()).toContain('run-paused:5');
    const held = counted.length;
    await tick();
    expect(counted.length).toBe(held);
    runs.command({ type: 'step', runId: 5 });
    await tick();
    await tick();
    expect(counted.length).toBe(held + 1);
    runs.command({ type: 'resume', runId: 5 });
    await tick();
    await tick();
    expect(kinds()).toContain('run-resumed:5');
    expect(counted.length).toBeGreaterThan(held + 1);
    runs.command({ type: 'stop', runId: 5 });
    await run;
    expect(kinds().at(-1)).toBe('run-finished:5');
  });

  it('a paused run still stops', async () => {
    const { runs, kinds } = setup();
    const run = runs.train(train(6));
    await tick();
    runs.command({ type: 'pause', runId: 6 });
    await tick();
    await tick();
    runs.command({ type: 'stop', runId: 6 });
    await run;
    expect(kinds().slice(-1)).toEqual(['run-finished:6']);
  });

  it('after a lost backend the run on it ends, the nets are let go and the worker moves on', async () => {
    const { runs, events, kinds, currentNets, loseBackend } = setup();
    const run = runs.train(train(8));
    await tick();
    loseBackend();
    await runs.recoverBackend();
    await run;
    expect(currentNets.clear).toHaveBeenCalledTimes(1);
    expect(kinds()).toEqual(['run-started:8', 'run-finished:8', 'backend:-', 'backend-lost:-']);
    expect(events.at(-1)).toMatchObject({ lost: 'webgl', interruptedRunId: 8 });
  });

  it('abandons a run stuck in a readback after the grace period', async () => {
    const { runs, events, kinds, loseBackend } = setup({
      runExperiment: async (_d, _c, hooks) => {
        hooks.onStart?.({ stepsPerEpoch: 10, params: {} });
        // A readback on a lost context that never settles.
        return new Promise<RunOutcome>(() => {});
      },
    });
    void runs.train(train(9));
    await tick();
    loseBackend();
    await runs.recoverBackend();
    expect(runs.runningId).toBeNull();
    expect(kinds()).toEqual(['run-started:9', 'backend:-', 'backend-lost:-']);
    expect(events.at(-1)).toMatchObject({ interruptedRunId: 9 });
  });

  it('says so when no other backend can start', async () => {
    const { runs, events } = setup({
      failover: async () => {
        throw new Error('no backend left');
      },
    });
    await runs.recoverBackend();
    expect(events).toEqual([
      {
        type: 'error',
        runId: null,
        scope: 'backend',
        message: 'The WebGL context was lost and no other backend could start: no backend left',
      },
    ]);
  });

  it('an error thrown on a lost context is explained by the backend loss, not reported as a training failure', async () => {
    const { runs, events, loseBackend } = setup({
      runExperiment: async () => {
        loseBackend();
        throw new Error('context lost');
      },
    });
    await runs.train(train(10));
    expect(events).toEqual([]);
  });
});
