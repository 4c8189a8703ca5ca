// The running (within-epoch) training curves: appended in place as progress events arrive, and announced to the
// charts at most once per animation frame, so a long run never re-sends its history (no quadratic redraw).
import { NET_IDS, type RunningMetrics } from '../../shared/metrics';
import type { PerNet } from '../../shared/protocol';

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

/** Where a progress report sits on the epoch axis: the end of epoch 1 is x = 1, matching that epoch's point. */
export function fractionalEpoch(epoch: number, step: number, stepsPerEpoch: number): number {
  return epoch - 1 + (stepsPerEpoch > 0 ? Math.min(step, stepsPerEpoch) / stepsPerEpoch : 0);
}

export class LiveSeries {
  /** Stable arrays: Chart.js holds them by reference, so they are emptied in place, never replaced. */
  readonly points: PerNet<Record<MetricKind, Point[]>> = {
    bn: { loss: [], accuracy: [] },
    plain: { loss: [], accuracy: [] },
  };
  private readonly listeners = new Set<() => void>();
  private pending: number | null = null;

  constructor(private readonly frames: FrameScheduler = animationFrames) {}

  append(x: number, running: PerNet<RunningMetrics>): void {
    for (const net of NET_IDS) {
      const series = this.points[net];
      const last = series.loss[series.loss.length - 1];
      // Chart.js is told the data is sorted (normalized), so a repeated or late report is skipped.
      if (last !== undefined && x <= last.x) continue;
      if (last !== undefined && Math.ceil(x) > Math.ceil(last.x)) {
        // The running mean restarts with each epoch: a gap (NaN breaks a Chart.js line) keeps the sawtooth's
        // vertical drop from being drawn as if it were data.
        const gap = { x: (last.x + x) / 2, y: Number.NaN };
        series.loss.push(gap);
        series.accuracy.push({ ...gap });
      }
      series.loss.push({ x, y: running[net].loss });
      series.accuracy.push({ x, y: running[net].accuracy });
    }
    this.schedule();
  }

  reset(): void {
    // splice(start, deleteCount) with both arguments: Chart.js intercepts splice and counts its arguments.
    for (const net of NET_IDS) for (const kind of METRIC_KINDS) this.points[net][kind].splice(0, this.points[net][kind].length);
    this.schedule();
  }

  subscribe(listener: () => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  /** Cancels a pending announcement; listeners leave through their own unsubscribe (StrictMode re-runs effects). */
  dispose(): void {
    if (this.pending !== null) this.frames.cancel(this.pending);
    this.pending = null;
  }

  private schedule(): void {
    if (this.pending !== null) return;
    this.pending = this.frames.request(() => {
      this.pending = null;
      for (const listener of this.listeners) listener();
    });
  }
}
