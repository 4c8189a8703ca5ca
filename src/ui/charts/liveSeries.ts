// The running (within-epoch) training curves of the seed in progress: appended in place as progress events arrive,
// and announced to the charts at most once per animation frame, so a long run never re-sends its history.
import type { XAxis } from '../../shared/config';
import { NET_IDS, type RunningMetrics } from '../../shared/metrics';
import type { PerNet, ProgressReport } from '../../shared/protocol';
import { stepX } from './xAxis';

export interface Point {
  x: number;
  y: number;
}

export type MetricKind = 'loss' | 'accuracy';
export const METRIC_KINDS: readonly MetricKind[] = ['loss', 'accuracy'];

export interface FrameScheduler {
  request(callback: () => void): number;
  cancel(handle: number): void;
}

const animationFrames: FrameScheduler = {
  request: (callback) => requestAnimationFrame(callback),
  cancel: (handle) => cancelAnimationFrame(handle),
};

export type LiveReport = Pick<ProgressReport, 'repeat' | 'epoch' | 'step' | 'stepsPerEpoch' | 'running'>;

/** Chart.js breaks a line at NaN but lets ±∞ stretch the axis to nothing: a diverging value becomes a gap. */
function finite(y: number): number {
  return Number.isFinite(y) ? y : Number.NaN;
}

export class LiveSeries {
  /** Stable arrays: Chart.js holds them by reference, so they are emptied in place, never replaced. */
  readonly points: PerNet<Record<MetricKind, Point[]>> = {
    bn: { loss: [], accuracy: [] },
    plain: { loss: [], accuracy: [] },
  };
  private readonly listeners = new Set<() => void>();
  private pending: number | null = null;
  /** Listeners still to be told in the current round, one per frame. */
  private round: Array<() => void> = [];
  /** Whether a listener of the current round has been told yet (points arriving after that need another round). */
  private told = false;
  /** New points arrived after the round began telling: another round follows it, so no chart misses them. */
  private dirty = false;
  private mode: XAxis = 'epochs';
  /** The repeat (seed) the points belong to; a new repeat starts its curves afresh. */
  private repeat: number | null = null;
  private readonly lastEpoch: PerNet<number | null> = { bn: null, plain: null };

  constructor(private readonly frames: FrameScheduler = animationFrames) {}

  /** The repeat whose running curves are on the charts (null before the first report). */
  get currentRepeat(): number | null {
    return this.repeat;
  }

  append(report: LiveReport): void {
    if (this.repeat !== null && report.repeat !== this.repeat) this.clear();
    this.repeat = report.repeat;
    const x = stepX({ mode: this.mode, stepsPerEpoch: report.stepsPerEpoch }, report.epoch, report.step);
    for (const net of NET_IDS) {
      // A net that is switched off or has diverged is absent from the report.
      const value: RunningMetrics | undefined = report.running[net];
      if (value === undefined) continue;
      const series = this.points[net];
      const last = series.loss[series.loss.length - 1];
      // Chart.js is told the data is sorted (normalized), so a repeated or late report is skipped.
      if (last !== undefined && x <= last.x) continue;
      const lastEpoch = this.lastEpoch[net];
      if (last !== undefined && lastEpoch !== null && report.epoch > lastEpoch) {
        // The running mean restarts with each epoch: a gap (NaN breaks a Chart.js line) keeps the sawtooth's
        // vertical drop from being drawn as if it were data.
        const gap = { x: (last.x + x) / 2, y: Number.NaN };
        series.loss.push(gap);
        series.accuracy.push({ ...gap });
      }
      this.lastEpoch[net] = report.epoch;
      series.loss.push({ x, y: finite(value.loss) });
      series.accuracy.push({ x, y: finite(value.accuracy) });
    }
    this.schedule();
  }

  /** Empties the curves for a new run, whose x-axis is in `mode`. */
  reset(mode: XAxis = this.mode): void {
    this.mode = mode;
    this.repeat = null;
    this.clear();
  }

  subscribe(listener: () => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  /** Cancels a pending announcement; listeners leave through their own unsubscribe (StrictMode re-runs effects). */
  dispose(): void {
    if (this.pending !== null) this.frames.cancel(this.pending);
    this.pending = null;
    this.round = [];
    this.told = false;
    this.dirty = false;
  }

  private clear(): void {
    // splice(start, deleteCount) with both arguments: Chart.js intercepts splice and counts its arguments.
    for (const net of NET_IDS) {
      for (const kind of METRIC_KINDS) this.points[net][kind].splice(0, this.points[net][kind].length);
      this.lastEpoch[net] = null;
    }
    this.schedule();
  }

  /**
   * Tells each listener in its own animation frame: two Chart.js updates in one frame made a main-thread task of
   * ~50 ms on a 2-core machine; one at a time keeps each frame short, at one frame's delay for the second chart.
   */
  private schedule(): void {
    if (this.pending !== null) {
      if (this.told) this.dirty = true;
      return;
    }
    this.round = [...this.listeners];
    this.told = false;
    this.dirty = false;
    this.next();
  }

  private next(): void {
    this.pending = this.frames.request(() => {
      this.pending = null;
      const listener = this.round.shift();
      this.told = true;
      if (listener && this.listeners.has(listener)) listener();
      if (this.round.length > 0) this.next();
      else if (this.dirty) this.schedule();
    });
  }
}
