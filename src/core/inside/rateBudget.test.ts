import { describe, expect, it } from 'vitest';
import { RateBudget } from './rateBudget';

describe('RateBudget', () => {
  it('is due at once, then not before the minimum interval', () => {
    const b = new RateBudget({ minIntervalMs: 200, share: 0.5 });
    expect(b.due(0)).toBe(true);
    b.spent(0, 1, 1);
    expect(b.due(150)).toBe(false);
    expect(b.due(200)).toBe(true);
  });

  it('waits long enough that the work stays under its share of the time', () => {
    const b = new RateBudget({ minIntervalMs: 10, share: 0.05 });
    b.spent(1000, 50, 1050);
    // 50 ms of work at 5% needs 950 ms of rest: 50 / (50 + 950) = 5%.
    expect(b.due(1999)).toBe(false);
    expect(b.due(2000)).toBe(true);
    b.reset();
    expect(b.due(0)).toBe(true);
  });
});
