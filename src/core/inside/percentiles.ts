// Order statistics of recorded values: per-unit percentiles of a [rows × units] matrix (linear interpolation, as
// numpy's default), the "typical" unit of a layer, a histogram, and the share of saturated inputs. Plain numbers only.
import type { Activation } from '../../shared/config';
import { saturationThreshold, type Histogram } from '../../shared/inside';

/** The p-th percentile (0–100) of values sorted ascending, interpolating between neighbours. */
export function percentileOfSorted(sorted: ArrayLike<number>, p: number): number {
  const n = sorted.length;
  if (n === 0) return Number.NaN;
  const rank = (Math.min(Math.max(p, 0), 100) / 100) * (n - 1);
  const lo = Math.floor(rank);
  const hi = Math.min(lo + 1, n - 1);
  const a = sorted[lo] ?? Number.NaN;
  const b = sorted[hi] ?? Number.NaN;
  return a + (b - a) * (rank - lo);
}

/**
 * Percentiles of every column of a row-major [rows × units] matrix: result[u * ps.length + k] is unit u's ps[k]-th
 * percentile.
 */
export function unitPercentiles(
  values: ArrayLike<number>,
  rows: number,
  units: number,
  ps: readonly number[],
): Float32Array {
  const out = new Float32Array(units * ps.length);
  const column = new Float64Array(rows);
  for (let u = 0; u < units; u++) {
    for (let r = 0; r < rows; r++) column[r] = values[r * units + u] ?? Number.NaN;
    column.sort();
    ps.forEach((p, k) => {
      out[u * ps.length + k] = percentileOfSorted(column, p);
    });
  }
  return out;
}

/**
 * A typical unit: the one whose median is the median of all units' medians (ties: the lowest index), so the panel
 * opens on neither an extreme nor a dead unit. `medians[u]` is unit u's median.
 */
export function typicalUnit(medians: ArrayLike<number>): number {
  const order = Array.from({ length: medians.length }, (_, u) => u).sort(
    (a, b) => (medians[a] ?? 0) - (medians[b] ?? 0) || a - b,
  );
  return order[Math.floor((order.length - 1) / 2)] ?? 0;
}

/** Counts of values in `bins` equal bins over [min, max] of the values (a constant layer gets one full bin). */
export function histogram(values: ArrayLike<number>, bins: number): Histogram {
  let min = Number.POSITIVE_INFINITY;
  let max = Number.NEGATIVE_INFINITY;
  for (let i = 0; i < values.length; i++) {
    const v = values[i] ?? Number.NaN;
    if (!Number.isFinite(v)) continue;
    if (v < min) min = v;
    if (v > max) max = v;
  }
  const counts = new Array<number>(bins).fill(0);
  if (min > max) return { min: 0, max: 0, counts };
  const width = (max - min) / bins;
  for (let i = 0; i < values.length; i++) {
    const v = values[i] ?? Number.NaN;
    if (!Number.isFinite(v)) continue;
    const bin = width === 0 ? 0 : Math.min(Math.floor((v - min) / width), bins - 1);
    counts[bin] = (counts[bin] ?? 0) + 1;
  }
  return { min, max, counts };
}

/** Share of the values in the saturated zone, or null when the activation has none. */
export function saturatedShare(values: ArrayLike<number>, activation: Activation): number | null {
  const t = saturationThreshold(activation);
  if (t === null || values.length === 0) return null;
  let n = 0;
  for (let i = 0; i < values.length; i++) if (Math.abs(values[i] ?? 0) > t) n++;
  return n / values.length;
}
