// The worker's runs, one at a time: a new Train replaces the run in progress (stopped first), a stop that arrives
// before its run has started still stops it, Pause/Step/slow motion reach the latest run only, a failed run is
// reported, and a lost backend ends the run on it (abandoned after a grace period if a readback never settles) before
// the worker moves on. A class with its dependencies passed in, so all of that is unit-tested in Node.
import type { ActiveBackend } from '../core/backend';
import type { StepObserver } from '../core/inside/stepObserver';
import type { RunHooks, RunOutcome } from '../core/experiment';
import type { Mnist } from '../data/mnist';
import type { TrainConfig } from '../shared/config';
import { validateConfig } from '../shared/configText';
import { validSpeed } from '../shared/pace';
import type { SomeNets, WorkerCommand, WorkerEvent } from '../shared/protocol';
import type { CurrentNets } from './currentNets';
import { RunPacer } from './runPacer';

export type TrainCommand = Extract<WorkerCommand, { type: 'train' }>;
/** Commands that steer the run in progress. */
export type RunCommand = Extract<WorkerCommand, { type: 'stop' | 'pause' | 'resume' | 'step' | 'speed' }>;

export interface LifecycleDeps {
  post: (event: WorkerEvent) => void;
  /** The data, once `init` has started loading it; null before. */
  data: () => Promise<Mnist> | null;
  /** The training loop (core/experiment's runExperiment). */
  runExperiment: (data: Mnist, config: TrainConfig, hooks: RunHooks) => Promise<RunOutcome>;
  currentNets: Pick<CurrentNets, 'training' | 'adopt' | 'runFailed' | 'clear'>;
  /** The inspectors' recorder for a run (records every step when `everyStep` says so). */
  observerFor: (runId: number, config: TrainConfig, data: Mnist, everyStep: () => boolean) => StepObserver;
  /** The backend whose context was lost, until the worker has moved on; null while all is well. */
  lostBackend: () => string | null;
  /** Activates the next backend of the plan after a loss. */
  failover: () => Promise<ActiveBackend>;
  yieldControl: () => Promise<void>;
  now?: () => number;
  /** How long a run on a lost context gets to end by itself: a readback on it may never settle (seen in Chromium). */
  lostRunGraceMs?: number;
}

interface Run {
  runId: number;
  stop: boolean;
  done: Promise<void>;
  pacer: RunPacer;
}

export const LOST_RUN_GRACE_MS = 3000;

function messageOf(e: unknown): string {
  return e instanceof Error ? e.message : String(e);
}

export class RunLifecycle {
  private current: Run | null = null;
  /**
   * The pace (Pause, Step, slow motion) of the latest run asked for: made when its train command arrives, so a pause
   * sent before the run has started (it may wait for the previous run or the data) still holds it at its first step.
   */
  private pacing: { runId: number; pacer: RunPacer } | null = null;
  /** Stops that arrived while their run was still waiting for the previous run or the data to be ready. */
  private readonly earlyStops = new Set<number>();
  private readonly now: () => number;

  constructor(private readonly deps: LifecycleDeps) {
    this.now = deps.now ?? (() => performance.now());
  }

  /** The run in progress, if any (for tests and the debug hooks). */
  get runningId(): number | null {
    return this.current?.runId ?? null;
  }

  /** Trains `command.config`, replacing any run in progress; resolves when this run has ended. */
  async train(command: TrainCommand): Promise<void> {
    const { post } = this.deps;
    const { runId, config } = command;
    const problems = validateConfig(config);
    if (problems.length > 0) {
      post({
        type: 'error',
        runId,
        scope: 'config',
        message: `The worker refused the settings: ${problems.map((p) => p.message).join(' ')}`,
      });
      return;
    }
    const ready = this.deps.data();
    if (!ready) {
      post({
        type: 'error',
        runId,
        scope: 'worker',
        message: 'The worker was asked to train before it was initialised.',
      });
      return;
    }
    const pacer = new RunPacer(
      { speed: validSpeed(command.stepsPerSecond) },
      { onHeld: () => post({ type: 'run-paused', runId }), onResumed: () => post({ type: 'run-resumed', runId }) },
    );
    this.pacing?.pacer.stop();
    this.pacing = { runId, pacer };
    if (this.current) {
      this.stopRun(this.current);
      await this.current.done;
    }
    let data: Mnist;
    try {
      data = await ready;
    } catch {
      post({ type: 'error', runId, scope: 'data', message: 'Cannot train: the MNIST data did not load.' });
      return;
    }
    if (this.earlyStops.delete(runId) || pacer !== this.pacerFor(runId)) {
      // Stopped before it started, or a newer run was asked for while it waited: it never starts.
      post({ type: 'run-finished', runId, reason: 'stopped', elapsedMs: 0 });
      return;
    }
    const run: Run = { runId, stop: false, done: Promise.resolve(), pacer };
    this.current = run;
    run.done = this.execute(run, data, config);
    await run.done;
  }

  /** Stop, Pause, Resume, Step and speed: for the latest run only; a command for any other run is stale. */
  command(command: RunCommand): void {
    const pacer = this.pacerFor(command.runId);
    switch (command.type) {
      case 'stop':
        pacer?.stop();
        if (this.current && this.current.runId === command.runId) this.stopRun(this.current);
        else this.earlyStops.add(command.runId);
        return;
      case 'pause':
        pacer?.pause();
        return;
      case 'resume':
        pacer?.resume();
        return;
      case 'step':
        pacer?.step();
        return;
      case 'speed':
        pacer?.setSpeed(validSpeed(command.stepsPerSecond));
        return;
    }
  }

  /**
   * After the backend's context was lost: the run on it ends (it sees the loss between two batches; one stuck in a
   * readback is abandoned after the grace period — the page moves to a new run id, so anything it might still say is
   * dropped there), the nets that answered are let go, and the worker moves to the next backend.
   */
  async recoverBackend(): Promise<void> {
    const { post } = this.deps;
    const run = this.current;
    if (run) {
      // A paused run is released so that it sees the loss.
      run.pacer.stop();
      const grace = this.deps.lostRunGraceMs ?? LOST_RUN_GRACE_MS;
      await Promise.race([run.done, new Promise((resolve) => setTimeout(resolve, grace))]);
      if (this.current === run) this.current = null;
    }
    const interrupted = run?.runId ?? null;
    this.deps.currentNets.clear();
    try {
      const active = await this.deps.failover();
      post({ type: 'backend', runId: null, info: { ...active, renderer: null, probe: null, probeSource: null } });
      post({
        type: 'backend-lost',
        runId: null,
        lost: 'webgl',
        message: `The WebGL context was lost; training moved to ${active.backend}.`,
        interruptedRunId: interrupted,
      });
    } catch (e) {
      post({
        type: 'error',
        runId: null,
        scope: 'backend',
        message: `The WebGL context was lost and no other backend could start: ${messageOf(e)}`,
      });
    }
  }

  private async execute(run: Run, data: Mnist, config: TrainConfig): Promise<void> {
    const { post, currentNets } = this.deps;
    const { runId, pacer } = run;
    const start = this.now();
    // Each seed's latest val_accuracy per net, saved with that seed's nets when the run leaves them behind (seeds
    // trained together report their epochs interleaved).
    const valAccuracy = new Map<number, SomeNets<number>>();
    try {
      const outcome = await this.deps.runExperiment(data, config, {
        onStart: ({ stepsPerEpoch, params }) => post({ type: 'run-started', runId, config, stepsPerEpoch, params }),
        onNetsBuilt: (seedIndex, models) => {
          valAccuracy.delete(seedIndex);
          currentNets.training(runId, config, models);
        },
        adoptModels: (seedIndex, models) => currentNets.adopt(runId, config, models, valAccuracy.get(seedIndex) ?? {}),
        onProgress: (report) =>
          post({ type: 'progress', runId, ...report, elapsedMs: report.elapsedMs - pacer.pausedMs() }),
        onEpoch: (seedIndex, epoch, metrics) => {
          valAccuracy.set(seedIndex, {
            ...valAccuracy.get(seedIndex),
            ...Object.fromEntries(Object.entries(metrics).map(([net, m]) => [net, m.valAccuracy])),
          });
          post({ type: 'epoch', runId, seedIndex, epoch, metrics });
        },
        onDiverged: (divergence) => post({ type: 'diverged', runId, ...divergence }),
        // Not the run's error: it goes on (a seed lane failed and its seed is trained here instead).
        onNotice: (message) => post({ type: 'error', runId: null, scope: 'worker', message }),
        shouldStop: () => run.stop || this.deps.lostBackend() !== null,
        yieldControl: this.deps.yieldControl,
        awaitTurn: () => pacer.turn(),
        // A step taken by hand or in slow motion is one a learner watches: the inspectors record every one.
        stepObserver: this.deps.observerFor(runId, config, data, () => pacer.isPaused || pacer.stepsPerSecond !== null),
      });
      post({ type: 'run-finished', runId, reason: outcome, elapsedMs: this.now() - start - pacer.pausedMs() });
    } catch (e) {
      currentNets.runFailed();
      // An op on a lost context may throw before the loop sees the loss; the backend-lost event explains it.
      if (this.deps.lostBackend() === null)
        post({ type: 'error', runId, scope: 'training', message: `Training failed: ${messageOf(e)}` });
    } finally {
      pacer.stop();
      if (this.current === run) this.current = null;
      if (this.pacing?.pacer === pacer) this.pacing = null;
    }
  }

  /** The pacer of this run if it is the latest one; commands for any other run are stale and ignored. */
  private pacerFor(runId: number): RunPacer | null {
    return this.pacing !== null && this.pacing.runId === runId ? this.pacing.pacer : null;
  }

  /** Asks a run to end after the batch in hand; a paused run is released so that it can see the stop. */
  private stopRun(run: Run): void {
    run.stop = true;
    run.pacer.stop();
  }
}
