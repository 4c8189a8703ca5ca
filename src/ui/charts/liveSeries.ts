// The running (within-epoch) training curves of the seed in progress: appended in place as progress events arrive,
// and announced to the charts, which redraw in a coming animation frame (chartFrames.ts): a long run never re-sends
// its history.
import type { XAxis } from '../../shared/config';
import { NET_IDS, type NetId, type RunningMetrics } from '../../shared/metrics';
import type { ProgressReport } from '../../shared/protocol';
import { stepX } from './xAxis';

export interface Point {
  x: number;
  y: number;
}

export type MetricKind = 'loss' | 'accuracy';
export const METRIC_KINDS: readonly MetricKind[] = ['loss', 'accuracy'];

export type LiveReport = Pick<ProgressReport, 'seedIndex' | 'epoch' | 'step' | 'stepsPerEpoch' | 'running'>;

/** Chart.js breaks a line at NaN but lets ±∞ stretch the axis to nothing: a diverging value becomes a gap. */
function finite(y: number): number {
  return Number.isFinite(y) ? y : Number.NaN;
}

/** A fresh value for every net. */
function perNet<T>(make: () => T): Record<NetId, T> {
  const out = {} as Record<NetId, T>;
  for (const id of NET_IDS) out[id] = make();
  return out;
}

export class LiveSeries {
  /** Stable arrays: Chart.js holds them by reference, so they are emptied in place, never replaced. */
  readonly points: Record<NetId, Record<MetricKind, Point[]>> = perNet(() => ({ loss: [], accuracy: [] }));
  private readonly listeners = new Set<() => void>();
  private mode: XAxis = 'epochs';
  /** The seed the points belong to; a new seed starts its curves afresh. */
  private seedIndex: number | null = null;
  private readonly lastEpoch: Record<NetId, number | null> = perNet(() => null);

  /** The seed whose running curves are on the charts (null before the first report). */
  get currentSeed(): number | null {
    return this.seedIndex;
  }

  append(report: LiveReport): void {
    if (this.seedIndex !== null && report.seedIndex !== this.seedIndex) this.clear();
    this.seedIndex = report.seedIndex;
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
    this.announce();
  }

  /** Empties the curves for a new run, whose x-axis is in `mode`. */
  reset(mode: XAxis = this.mode): void {
    this.mode = mode;
    this.seedIndex = null;
    this.clear();
  }

  subscribe(listener: () => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  private clear(): void {
    // splice(start, deleteCount) with both arguments: Chart.js intercepts splice and counts its arguments.
    for (const net of NET_IDS) {
      for (const kind of METRIC_KINDS) this.points[net][kind].splice(0, this.points[net][kind].length);
      this.lastEpoch[net] = null;
    }
    this.announce();
  }

  private announce(): void {
    for (const listener of [...this.listeners]) listener();
  }
}
