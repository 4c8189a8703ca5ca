// A repeated experiment's seeds trained side by side on several CPU cores: this thread trains one seed with everything
// the page watches (progress, inspectors, predictions, the models it keeps), while lanes — other workers, each with
// its own backend and copy of the data — train the next seeds at the same time, in waves of (lanes + 1) seeds. Seeds
// are independent runs, so nothing crosses between lanes during a wave; each lane's seed gives the epochs its
// one-seed run gives. A lane that fails is reported and its seed trained here after the wave. Imports no TF.js: the
// lanes are given (worker/seedLaneWorkers.ts in the app, in-thread fakes in tests).
import { trainSeed, type ExperimentContext, type RunHooks, type RunOutcome } from './experiment';
import type { TrainConfig } from '../shared/config';
import type { EpochMetrics } from '../shared/metrics';
import type { Divergence, ProgressReport, SomeNets } from '../shared/protocol';

/** What a lane tells about the seed it trains, as it goes. */
export interface LaneEvents {
  onEpoch(seedIndex: number, epoch: number, metrics: SomeNets<EpochMetrics>): void;
  onDiverged(divergence: Divergence): void;
  /** Where the lane's seed is: the epoch in progress (1-based) and the steps done in it. */
  onPosition(epoch: number, step: number): void;
}

/** One other worker that trains one seed at a time. */
export interface SeedLane {
  /** Trains seed `seedIndex` of `config`; rejects, with a reason for the page, if the lane fails. */
  train(config: TrainConfig, seedIndex: number, events: LaneEvents): Promise<RunOutcome>;
  /** Pause and go on: the lane holds between two mini-batches while the run here is held. */
  hold(): void;
  release(): void;
  /** Ends the seed in hand after its current mini-batch (train resolves 'stopped'). */
  stop(): void;
}

/** The lanes open for one run; disposed when the run ends, however it ends. */
export interface SeedLanes {
  lanes: readonly SeedLane[];
  dispose(): void;
}

/** How long the wait for the lanes of a finished wave sleeps between looks at Stop and Pause. */
const WAIT_SLICE_MS = 100;

interface Position {
  epoch: number;
  step: number;
}

const before = (a: Position, b: Position): boolean => a.epoch < b.epoch || (a.epoch === b.epoch && a.step < b.step);

/** Trains every seed of the run, (lanes + 1) at a time; this thread trains the first seed of each wave. */
export async function runSeedsInLanes(lanes: readonly SeedLane[], ctx: ExperimentContext): Promise<RunOutcome> {
  const { config } = ctx;
  const width = lanes.length + 1;
  for (let first = 0; first < config.seeds; first += width) {
    const wave = new Wave(ctx, lanes, first, Math.min(width, config.seeds - first));
    if ((await wave.run()) === 'stopped') return 'stopped';
    for (const seedIndex of wave.failed) {
      if ((await trainSeed(ctx, seedIndex)) === 'stopped') return 'stopped';
    }
  }
  return 'completed';
}

interface LaneSeed {
  lane: SeedLane;
  seedIndex: number;
  /** Updated by the lane's events. */
  state: { position: Position; settled: boolean };
  outcome: Promise<RunOutcome | 'failed'>;
}

/** Seeds first … first + size − 1: the first here, the others on the lanes. */
class Wave {
  readonly failed: number[] = [];
  private readonly others: LaneSeed[];
  private here: Position = { epoch: 1, step: 0 };
  /** Whether the seed trained here has ended (the wave then waits for its lanes). */
  private hereDone = false;
  private lastReport: ProgressReport | null = null;
  private holding = false;
  /** The run failed here: the lanes are being let go, and their ending is no news for the page. */
  private failedHere = false;

  constructor(
    private readonly ctx: ExperimentContext,
    lanes: readonly SeedLane[],
    private readonly first: number,
    private readonly size: number,
  ) {
    this.others = [];
    for (let k = 1; k < size; k++) {
      const lane = lanes[k - 1];
      if (lane) this.others.push(this.start(lane, first + k));
    }
  }

  async run(): Promise<RunOutcome> {
    let outcome: RunOutcome;
    try {
      outcome = await trainSeed({ ...this.ctx, hooks: this.hooksHere() }, this.first);
    } catch (e) {
      // The run fails with this error; the lanes stop, and their seeds are not trained again.
      this.failedHere = true;
      await this.stopAll();
      throw e;
    }
    this.hereDone = true;
    if (outcome === 'stopped' || this.stopAsked()) return this.stopAll();
    return this.waitForLanes();
  }

  private start(lane: SeedLane, seedIndex: number): LaneSeed {
    const { hooks, config } = this.ctx;
    const state: LaneSeed['state'] = { position: { epoch: 1, step: 0 }, settled: false };
    const outcome = lane
      .train(config, seedIndex, {
        onEpoch: (s, epoch, metrics) => hooks.onEpoch?.(s, epoch, metrics),
        onDiverged: (d) => hooks.onDiverged?.(d),
        onPosition: (epoch, step) => {
          state.position = { epoch, step };
          // While the seed here trains, its own reports carry the wave's position.
          if (this.hereDone) this.report();
        },
      })
      .catch((e: unknown) => {
        if (this.failedHere) return 'failed' as const;
        this.failed.push(seedIndex);
        const reason = e instanceof Error ? e.message : String(e);
        hooks.onNotice?.(
          `The worker training seed ${seedIndex + 1} beside this one stopped (${reason}); that seed is trained ` +
            'again here, after the others.',
        );
        return 'failed' as const;
      })
      .finally(() => {
        state.settled = true;
      });
    return { lane, seedIndex, state, outcome };
  }

  /** The run's hooks for the seed trained here, with the wave's position in its progress and its pauses shared. */
  private hooksHere(): RunHooks {
    const { hooks } = this.ctx;
    return {
      ...hooks,
      onProgress: (report) => {
        this.here = { epoch: report.epoch, step: report.step };
        this.lastReport = report;
        this.report();
      },
      awaitTurn: () => this.turn(),
    };
  }

  /** Asks the run's pace; while it holds this thread, the lanes hold too. */
  private turn(): Promise<void> | null {
    const turn = this.ctx.hooks.awaitTurn?.() ?? null;
    if (turn === null) {
      this.setHolding(false);
      return null;
    }
    this.setHolding(true);
    return turn;
  }

  private setHolding(holding: boolean): void {
    if (holding === this.holding) return;
    this.holding = holding;
    for (const o of this.others) {
      if (o.state.settled) continue;
      if (holding) o.lane.hold();
      else o.lane.release();
    }
  }

  /**
   * The wave's progress: the position of its slowest seed (so the bar and the time left count every seed's steps),
   * with the running means of the seed trained here.
   */
  private report(): void {
    const last = this.lastReport;
    if (last === null) return;
    let slowest = this.hereDone ? null : this.here;
    for (const { state } of this.others) {
      if (state.settled) continue;
      if (slowest === null || before(state.position, slowest)) slowest = state.position;
    }
    if (slowest === null) return;
    this.ctx.hooks.onProgress?.({
      ...last,
      seedIndex: this.first,
      seedsTogether: this.size,
      epoch: slowest.epoch,
      step: slowest.step,
      elapsedMs: performance.now() - this.ctx.runStart,
    });
  }

  /** After the seed here: waits for the lanes, still obeying Stop and Pause. */
  private async waitForLanes(): Promise<RunOutcome> {
    const all = Promise.all(this.others.map((o) => o.outcome));
    for (;;) {
      if (this.others.every((o) => o.state.settled)) break;
      const turn = this.turn();
      if (turn !== null) await turn;
      if (this.stopAsked()) return this.stopAll();
      await Promise.race([all, new Promise((resolve) => setTimeout(resolve, WAIT_SLICE_MS))]);
    }
    this.setHolding(false);
    const outcomes = await all;
    return outcomes.includes('stopped') ? this.stopAll() : 'completed';
  }

  private stopAsked(): boolean {
    return this.ctx.hooks.shouldStop?.() ?? false;
  }

  private async stopAll(): Promise<'stopped'> {
    for (const o of this.others) if (!o.state.settled) o.lane.stop();
    this.setHolding(false);
    await Promise.all(this.others.map((o) => o.outcome));
    return 'stopped';
  }
}
