// Number and duration formatting shared by the progress line, the epoch log and the exports (fixed en-US so that
// the text is the same on every machine and the log's cells stay plain decimals).

export function formatInt(n: number): string {
  return Math.round(n).toLocaleString('en-US');
}

/** A metric as a plain decimal that Number() reads back, e.g. "0.2345" (NaN stays "NaN": a diverged run says so). */
export function formatMetric(value: number, digits = 4): string {
  return value.toFixed(digits);
}

/** "45s", "1m 20s", "2h 05m": coarse enough to read at a glance, exact enough for an ETA. */
export function formatDuration(ms: number): string {
  const total = Math.max(0, Math.round(ms / 1000));
  if (total < 60) return `${total}s`;
  const minutes = Math.floor(total / 60);
  if (minutes < 60) return `${minutes}m ${total % 60}s`;
  const hours = Math.floor(minutes / 60);
  return `${hours}h ${String(minutes % 60).padStart(2, '0')}m`;
}

export function formatMegabytes(bytes: number): string {
  return `${(bytes / 1e6).toFixed(1)} MB`;
}
