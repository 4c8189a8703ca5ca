import { describe, expect, it } from 'vitest';
import { StallWatch } from './stallWatch';

describe('StallWatch', () => {
  it('reports a silence longer than the threshold once, and again after the run sends something', () => {
    const watch = new StallWatch(1000);
    expect(watch.check(0)).toBe(false);
    watch.start(0);
    expect(watch.check(999)).toBe(false);
    expect(watch.check(1000)).toBe(true);
    expect(watch.check(5000)).toBe(false);
    watch.beat(5000);
    expect(watch.check(5500)).toBe(false);
    expect(watch.check(6000)).toBe(true);
  });

  it('watches nothing once the run ended', () => {
    const watch = new StallWatch(1000);
    watch.start(0);
    watch.end();
    watch.beat(10);
    expect(watch.check(10_000)).toBe(false);
  });
});
