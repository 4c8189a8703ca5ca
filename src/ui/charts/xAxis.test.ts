// The x-axis in epochs (the blog) or steps (the BN paper): epoch points sit where the running curve ends each epoch.
import { describe, expect, it } from 'vitest';
import { axisMax, epochX, stepX } from './xAxis';

describe('x positions', () => {
  it('ends epoch n at x = n on the epoch axis, where its epoch point is drawn', () => {
    const axis = { mode: 'epochs' as const, stepsPerEpoch: 100 };
    expect(stepX(axis, 1, 0)).toBe(0);
    expect(stepX(axis, 1, 50)).toBe(0.5);
    expect(stepX(axis, 3, 100)).toBe(3);
    expect(epochX(axis, 3)).toBe(3);
    expect(stepX({ mode: 'epochs', stepsPerEpoch: 0 }, 2, 5)).toBe(1);
  });

  it('uses the global step on the steps axis, with epoch e at e × stepsPerEpoch', () => {
    const axis = { mode: 'steps' as const, stepsPerEpoch: 1875, epochs: 10 };
    expect(stepX(axis, 2, 317)).toBe(1875 + 317);
    expect(epochX(axis, 2)).toBe(3750);
    expect(stepX(axis, 2, 1875)).toBe(epochX(axis, 2));
    expect(axisMax(axis)).toBe(18750);
    expect(axisMax({ ...axis, mode: 'epochs' })).toBe(10);
  });
});
