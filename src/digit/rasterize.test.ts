import { describe, expect, it } from 'vitest';
import { rasterizeStrokes } from './rasterize';

const at = (image: Float32Array, size: number, x: number, y: number): number => image[y * size + x] ?? Number.NaN;
const sum = (image: Float32Array): number => image.reduce((s, v) => s + v, 0);

describe('rasterizeStrokes', () => {
  it('leaves the field black with no strokes, or with an empty stroke', () => {
    expect(sum(rasterizeStrokes([], 10))).toBe(0);
    expect(sum(rasterizeStrokes([[]], 10))).toBe(0);
  });

  it('draws a horizontal line with full ink inside the radius and a linear 1 px ramp at the edge', () => {
    // 100 px, width 0.085 → radius 4.25 px. Pixel row y has its centre at y + 0.5, the line is at 50.
    const image = rasterizeStrokes(
      [
        [
          { x: 0.2, y: 0.5 },
          { x: 0.8, y: 0.5 },
        ],
      ],
      100,
      0.085,
    );
    const column = (y: number): number => at(image, 100, 50, y);
    expect(column(44)).toBe(0); // distance 5.5 ≥ 4.75
    expect(column(45)).toBeCloseTo(0.25, 6); // distance 4.5: 4.75 − 4.5
    expect(column(46)).toBe(1);
    expect(column(50)).toBe(1);
    expect(column(53)).toBe(1);
    expect(column(54)).toBeCloseTo(0.25, 6);
    expect(column(55)).toBe(0);
  });

  it('caps segment ends with a half disc, so the line reaches one radius past its end points', () => {
    // The line runs through the centres of pixel row 50 (y = 50.5), so distances along the row are exact.
    const image = rasterizeStrokes(
      [
        [
          { x: 0.2, y: 0.505 },
          { x: 0.8, y: 0.505 },
        ],
      ],
      100,
      0.085,
    );
    expect(at(image, 100, 16, 50)).toBe(1); // centre 16.5 is 3.5 px before the start at 20
    expect(at(image, 100, 15, 50)).toBeCloseTo(0.25, 6);
    expect(at(image, 100, 14, 50)).toBe(0);
    expect(at(image, 100, 84, 50)).toBeCloseTo(0.25, 6);
  });

  it('draws a single point as a round dot whose ink is its area', () => {
    const size = 200;
    const image = rasterizeStrokes([[{ x: 0.5, y: 0.5 }]], size, 0.1); // radius 10 px
    expect(at(image, size, 100, 100)).toBe(1);
    expect(at(image, size, 100, 120)).toBe(0);
    expect(at(image, size, 100, 90)).toBe(at(image, size, 90, 100)); // round, not square
    expect(sum(image)).toBeCloseTo(Math.PI * 10 * 10, -1);
  });

  it('never exceeds 1 where strokes cross or segments join', () => {
    const image = rasterizeStrokes(
      [
        [
          { x: 0.1, y: 0.1 },
          { x: 0.9, y: 0.9 },
          { x: 0.9, y: 0.1 },
        ],
        [
          { x: 0.1, y: 0.9 },
          { x: 0.9, y: 0.1 },
        ],
      ],
      64,
      0.1,
    );
    expect(Math.max(...image)).toBe(1);
    expect(Math.min(...image)).toBe(0);
  });

  it('clips strokes that leave the pad instead of failing', () => {
    const image = rasterizeStrokes(
      [
        [
          { x: -0.5, y: 0.5 },
          { x: 1.5, y: 0.5 },
        ],
      ],
      20,
      0.1,
    );
    expect(image).toHaveLength(400);
    expect(at(image, 20, 0, 10)).toBe(1);
    expect(at(image, 20, 19, 10)).toBe(1);
    expect(image.every(Number.isFinite)).toBe(true);
  });
});
