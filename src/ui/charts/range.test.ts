// The y range focuses on the epoch curves, so the early running curve cannot flatten the BN vs no-BN gap.
import { describe, expect, it } from 'vitest';
import { focusRange } from './range';

const epochCurve = (ys: number[]) => ({ role: 'train' as const, data: ys.map((y, i) => ({ x: i + 1, y })) });

describe('focusRange', () => {
  it('lets the axis fit the running curve until an epoch has ended', () => {
    expect(focusRange([{ role: 'running', data: [{ x: 0.1, y: 2.3 }] }, epochCurve([])], 'loss')).toBeNull();
  });

  it('ignores the first epoch of the running curve and NaN, and pads the epoch curves', () => {
    const range = focusRange(
      [
        epochCurve([0.25, 0.1]),
        {
          role: 'validation',
          data: [
            { x: 1, y: 0.12 },
            { x: 2, y: Number.NaN },
          ],
        },
        {
          role: 'running',
          data: [
            { x: 0.05, y: 2.3 },
            { x: 1.5, y: 0.3 },
          ],
        },
      ],
      'loss',
    );
    expect(range?.min).toBeCloseTo(0.1 - 0.2 * 0.08);
    expect(range?.max).toBeCloseTo(0.3 + 0.2 * 0.08);
  });

  it('keeps loss at or above 0 and accuracy at or below 1', () => {
    expect(focusRange([epochCurve([0.001, 0.5])], 'loss')?.min).toBe(0);
    expect(focusRange([epochCurve([0.96, 1])], 'accuracy')?.max).toBe(1);
  });
});

describe('focusRange with diverging nets and the steps axis', () => {
  it('is not blown up by ±∞ or NaN running points', () => {
    const range = focusRange(
      [
        epochCurve([0.3, 0.2]),
        {
          role: 'running',
          data: [
            { x: 1.5, y: Number.POSITIVE_INFINITY },
            { x: 1.6, y: Number.NaN },
            { x: 1.7, y: Number.NEGATIVE_INFINITY },
          ],
        },
        { role: 'diverged', data: [{ x: 1.4, y: 0.25 }] },
      ],
      'loss',
    );
    expect(range?.min).toBeCloseTo(0.2 - 0.1 * 0.08);
    expect(range?.max).toBeCloseTo(0.3 + 0.1 * 0.08);
    expect(focusRange([{ role: 'running', data: [{ x: 5, y: Number.POSITIVE_INFINITY }] }], 'loss')).toBeNull();
  });

  it('ignores the first epoch of the running curve up to the first epoch end in steps', () => {
    const range = focusRange(
      [
        { role: 'train', data: [{ x: 100, y: 0.5 }] },
        {
          role: 'running',
          data: [
            { x: 90, y: 2.3 },
            { x: 150, y: 0.6 },
          ],
        },
      ],
      'loss',
      100,
    );
    expect(range?.max).toBeCloseTo(0.6 + 0.1 * 0.08);
  });

  it('lets earlier runs and bands set the range when no epoch of this run has ended', () => {
    expect(focusRange([{ role: 'earlier', data: [{ x: 1, y: 0.9 }] }], 'accuracy')).not.toBeNull();
    expect(
      focusRange(
        [
          {
            role: 'band',
            data: [
              { x: 1, y: 0.5 },
              { x: 2, y: 0.7 },
            ],
          },
        ],
        'loss',
      )?.max,
    ).toBeCloseTo(0.7 + 0.2 * 0.08);
  });
});
