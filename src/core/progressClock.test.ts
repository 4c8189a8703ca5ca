import { afterEach, describe, expect, it, vi } from 'vitest';
import { ProgressClock, stepPosition } from './progressClock';

afterEach(() => vi.useRealTimers());

describe('stepPosition', () => {
  it('places a run’s n-th step in its epoch', () => {
    expect(stepPosition(1, 10)).toEqual({ epoch: 1, step: 1 });
    expect(stepPosition(10, 10)).toEqual({ epoch: 1, step: 10 });
    expect(stepPosition(11, 10)).toEqual({ epoch: 2, step: 1 });
    expect(stepPosition(25, 10)).toEqual({ epoch: 3, step: 5 });
  });
});

describe('ProgressClock', () => {
  it('says when a report is due, the rate since the last one, and the time since the run began', () => {
    vi.useFakeTimers({ toFake: ['performance'] });
    const runStart = performance.now();
    vi.advanceTimersByTime(1000);
    const clock = new ProgressClock(runStart, 250);
    expect(clock.pending).toBe(false);
    clock.count(64);
    expect(clock.pending).toBe(true);
    vi.advanceTimersByTime(200);
    expect(clock.due()).toBe(false);
    clock.count(64);
    vi.advanceTimersByTime(50);
    expect(clock.due()).toBe(true);
    expect(clock.take()).toEqual({ samplesPerSec: 512, elapsedMs: 1250 });
    expect(clock.pending).toBe(false);
    expect(clock.due()).toBe(false);
  });
});
