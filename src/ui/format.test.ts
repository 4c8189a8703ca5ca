// Formatting: durations for the ETA, plain decimals for the log, byte counts for the download.
import { describe, expect, it } from 'vitest';
import { formatDuration, formatInt, formatMegabytes, formatMetric } from './format';

describe('format', () => {
  it('writes durations at a glance', () => {
    expect(formatDuration(0)).toBe('0s');
    expect(formatDuration(44_600)).toBe('45s');
    expect(formatDuration(80_000)).toBe('1m 20s');
    expect(formatDuration(3_600_000 + 5 * 60_000)).toBe('1h 05m');
    expect(formatDuration(-5)).toBe('0s');
  });

  it('writes metrics as decimals that Number() reads back', () => {
    expect(formatMetric(0.23454)).toBe('0.2345');
    expect(Number(formatMetric(0.98021))).toBe(0.9802);
    expect(formatMetric(12.345, 2)).toBe('12.35');
  });

  it('groups thousands and writes megabytes', () => {
    expect(formatInt(1875)).toBe('1,875');
    expect(formatInt(5399.6)).toBe('5,400');
    expect(formatMegabytes(47_040_016)).toBe('47.0 MB');
  });
});
