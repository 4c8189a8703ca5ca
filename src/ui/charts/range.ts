// Chooses a panel's y range. The running curve starts each run near chance (loss ~2.3, accuracy ~0.1); fitting the
// axis to it would flatten the epoch curves, whose BN vs no-BN gap is what the figure is about.
import type { DatasetRole } from './datasets';
import type { MetricKind, Point } from './liveSeries';

export interface Series {
  role: DatasetRole;
  data: readonly Point[];
}

export interface Range {
  min: number;
  max: number;
}

/**
 * The y range over the epoch points (bands, earlier runs and markers included) and the running points after the
 * first epoch (which ends at x = `firstEpochEnd`), padded; null when no epoch point exists (then the axis simply fits
 * the running curve). NaN and ±∞ (a diverging net) are skipped. Loss stays at or above 0, accuracy at or below 1.
 */
export function focusRange(series: readonly Series[], kind: MetricKind, firstEpochEnd = 1): Range | null {
  let lo = Infinity;
  let hi = -Infinity;
  let epochPoints = 0;
  for (const s of series) {
    for (const p of s.data) {
      if (!Number.isFinite(p.y)) continue;
      if (s.role === 'running' && p.x <= firstEpochEnd) continue;
      if (s.role !== 'running') epochPoints++;
      lo = Math.min(lo, p.y);
      hi = Math.max(hi, p.y);
    }
  }
  if (epochPoints === 0) return null;
  const pad = Math.max((hi - lo) * 0.08, Math.abs(hi) * 0.01, 1e-3);
  return kind === 'loss'
    ? { min: Math.max(0, lo - pad), max: hi + pad }
    : { min: Math.max(0, lo - pad), max: Math.min(1, hi + pad) };
}
