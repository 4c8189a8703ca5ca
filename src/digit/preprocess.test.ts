import { describe, expect, it } from 'vitest';
import {
  centreOfMass,
  cropTo,
  DEFAULT_GUARD,
  fitSize,
  FIELD_CENTRE,
  inkBounds,
  isTooLittleInk,
  placeByCentreOfMass,
  preprocessDigit,
  resizeArea,
  type Box,
} from './preprocess';
import { rasterizeStrokes } from './rasterize';

const PAD = 280;

/** A w×h image with the rectangle [x0, x1) × [y0, y1) set to `value`. */
function withRect(
  w: number,
  h: number,
  x0: number,
  y0: number,
  x1: number,
  y1: number,
  value = 1,
  image = new Float32Array(w * h),
): Float32Array {
  for (let y = y0; y < y1; y++) for (let x = x0; x < x1; x++) image[y * w + x] = value;
  return image;
}

/** Rows and columns of the 28×28 field that hold any ink. */
function inkedBox(pixels: Float32Array): Box | null {
  return inkBounds(pixels, 28, 28, 0);
}

function expectClose(actual: ArrayLike<number>, expected: readonly number[]): void {
  expect(actual.length).toBe(expected.length);
  expected.forEach((v, i) => expect(actual[i]).toBeCloseTo(v, 6));
}

function digitPixels(image: Float32Array, w = PAD, h = PAD): Float32Array {
  const result = preprocessDigit(image, w, h);
  if (result.kind !== 'digit') throw new Error('expected a digit');
  return result.pixels;
}

describe('inkBounds', () => {
  it('is the smallest box around the pixels above the threshold', () => {
    const image = new Float32Array(5 * 4);
    image[1 * 5 + 1] = 0.5;
    image[2 * 5 + 3] = 1;
    image[3 * 5 + 4] = 0.05; // a faint fringe: not ink
    expect(inkBounds(image, 5, 4)).toEqual({ x: 1, y: 1, w: 3, h: 2 });
    expect(inkBounds(image, 5, 4, 0)).toEqual({ x: 1, y: 1, w: 4, h: 3 });
  });

  it('is null on a black image', () => {
    expect(inkBounds(new Float32Array(9), 3, 3)).toBeNull();
  });
});

describe('cropTo', () => {
  it('copies the rows of the box', () => {
    const image = Float32Array.from({ length: 12 }, (_, i) => i);
    expect([...cropTo(image, 4, { x: 1, y: 1, w: 2, h: 2 })]).toEqual([5, 6, 9, 10]);
  });
});

describe('resizeArea', () => {
  it('averages a 2×2 block into one pixel', () => {
    expectClose(resizeArea(Float32Array.of(0.1, 0.2, 0.3, 0.6), 2, 2, 1, 1), [0.3]);
  });

  it('resizes 3 → 2 with fractional coverage: each output pixel covers 1½ input pixels', () => {
    // [0, 1.5) = all of pixel 0 and half of pixel 1; [1.5, 3) = half of pixel 1 and all of pixel 2.
    expectClose(resizeArea(Float32Array.of(0.3, 0.6, 0.9), 3, 1, 2, 1), [(0.3 + 0.3) / 1.5, (0.3 + 0.9) / 1.5]);
  });

  it('resizes 3×3 → 2×2 with the hand-computed area means', () => {
    const image = Float32Array.of(1, 0, 0, 0, 0.9, 0, 0, 0, 0);
    // Each output pixel covers 1.5 × 1.5 = 2.25 input pixels; the centre pixel lies a quarter in each of them.
    expectClose(resizeArea(image, 3, 3, 2, 2), [(1 + 0.25 * 0.9) / 2.25, 0.225 / 2.25, 0.225 / 2.25, 0.225 / 2.25]);
  });

  it('upscales a tiny drawing: 2 → 3 splits the middle pixel between both inputs', () => {
    expectClose(resizeArea(Float32Array.of(0, 1), 2, 1, 3, 1), [0, 0.5, 1]);
    expectClose(resizeArea(Float32Array.of(0.7), 1, 1, 2, 2), [0.7, 0.7, 0.7, 0.7]);
  });

  it('keeps the mean of the image for any ratio', () => {
    const image = Float32Array.from({ length: 17 * 11 }, (_, i) => ((i * 7919) % 101) / 100);
    const mean = (a: Float32Array): number => a.reduce((s, v) => s + v, 0) / a.length;
    for (const [ow, oh] of [
      [5, 3],
      [20, 13],
      [40, 29],
    ] as const) {
      expect(mean(resizeArea(image, 17, 11, ow, oh))).toBeCloseTo(mean(image), 5);
    }
  });
});

describe('fitSize', () => {
  it('makes the longer side 20 px and shrinks the other by the same factor, at least 1 px', () => {
    expect(fitSize(200, 40)).toEqual({ w: 20, h: 4, scale: 0.1 });
    expect(fitSize(21, 200)).toEqual({ w: 2, h: 20, scale: 0.1 });
    expect(fitSize(3, 300)).toEqual({ w: 1, h: 20, scale: 20 / 300 });
    expect(fitSize(7, 5)).toEqual({ w: 20, h: 14, scale: 20 / 7 });
  });
});

describe('centreOfMass', () => {
  it('weights positions by intensity, in pixel-index coordinates', () => {
    const image = new Float32Array(9);
    image[0] = 1; // (0, 0)
    image[8] = 3; // (2, 2)
    expect(centreOfMass(image, 3, 3)).toEqual({ x: 1.5, y: 1.5 });
  });

  it('is null on a black image', () => {
    expect(centreOfMass(new Float32Array(4), 2, 2)).toBeNull();
  });
});

describe('placeByCentreOfMass', () => {
  it('puts a single pixel exactly on the centre', () => {
    const field = placeByCentreOfMass(Float32Array.of(0.8), 1, 1);
    expect(field).toHaveLength(784);
    expect(field[FIELD_CENTRE * 28 + FIELD_CENTRE]).toBeCloseTo(0.8, 6);
    expect(field.reduce((s, v) => s + v, 0)).toBeCloseTo(0.8, 6);
  });

  it('shifts by whole pixels, so a 2×2 block lands within half a pixel of the centre', () => {
    const field = placeByCentreOfMass(Float32Array.of(1, 1, 1, 1), 2, 2);
    expect(inkedBox(field)).toEqual({ x: 14, y: 14, w: 2, h: 2 });
  });

  it('clamps values to [0,1]', () => {
    const field = placeByCentreOfMass(Float32Array.of(1.5, -0.2, 0.5), 3, 1);
    expect(Math.max(...field)).toBe(1);
    expect(Math.min(...field)).toBe(0);
  });
});

describe('the empty guard', () => {
  const empty = (image: Float32Array): boolean => preprocessDigit(image, PAD, PAD).kind === 'empty';

  it('reports a blank pad as empty', () => {
    expect(empty(new Float32Array(PAD * PAD))).toBe(true);
  });

  it('reports a few stray pixels as empty, even far apart', () => {
    const image = new Float32Array(PAD * PAD);
    for (const [x, y] of [
      [10, 10],
      [250, 30],
      [140, 200],
      [30, 270],
      [270, 270],
    ] as const)
      image[y * PAD + x] = 1;
    expect(empty(image)).toBe(true);
  });

  it('reports a tap of the pen (one dot of the default width) and a tiny scribble as empty', () => {
    expect(empty(rasterizeStrokes([[{ x: 0.4, y: 0.6 }]], PAD))).toBe(true);
    expect(empty(withRect(PAD, PAD, 100, 100, 120, 115))).toBe(true);
  });

  it('accepts a short stroke once it spans a tenth of the pad', () => {
    const stroke = rasterizeStrokes(
      [
        [
          { x: 0.5, y: 0.45 },
          { x: 0.5, y: 0.55 },
        ],
      ],
      PAD,
    );
    const box = inkBounds(stroke, PAD, PAD);
    expect(isTooLittleInk(stroke, PAD, PAD, box, DEFAULT_GUARD)).toBe(false);
  });
});

describe('preprocessDigit', () => {
  it('moves a dot in a corner to the centre', () => {
    // A 30 px square blob at the top-left: it becomes 20 × 20, whose centre of mass (9.5, 9.5) moves by round(4.5) = 5.
    const result = preprocessDigit(withRect(PAD, PAD, 5, 5, 35, 35), PAD, PAD);
    expect(result).toMatchObject({ kind: 'digit', box: { x: 5, y: 5, w: 30, h: 30 }, scale: 20 / 30 });
    if (result.kind !== 'digit') return;
    expect(inkedBox(result.pixels)).toEqual({ x: 5, y: 5, w: 20, h: 20 });
    expect(result.pixels.every((v, i) => v === (isInside(i, 5, 25) ? 1 : 0))).toBe(true);
  });

  it('moves a round dot drawn in the bottom-right corner to the centre', () => {
    const pixels = digitPixels(rasterizeStrokes([[{ x: 0.92, y: 0.9 }]], PAD, 0.12));
    const com = centreOfMass(pixels, 28, 28);
    expect(Math.abs((com?.x ?? 0) - FIELD_CENTRE)).toBeLessThanOrEqual(0.5);
    expect(Math.abs((com?.y ?? 0) - FIELD_CENTRE)).toBeLessThanOrEqual(0.5);
  });

  it('keeps a tall thin stroke thin: 20 px tall and at most 3 px wide', () => {
    const pixels = digitPixels(withRect(PAD, PAD, 130, 40, 150, 240));
    expect(inkedBox(pixels)).toEqual({ x: 14, y: 5, w: 2, h: 20 });
    const drawn = digitPixels(
      rasterizeStrokes(
        [
          [
            { x: 0.3, y: 0.1 },
            { x: 0.32, y: 0.9 },
          ],
        ],
        PAD,
      ),
    );
    const box = inkedBox(drawn);
    expect(box?.h).toBe(20);
    expect(box?.w).toBeLessThanOrEqual(3);
  });

  it('fits a wide stroke to 20 px across', () => {
    const pixels = digitPixels(withRect(PAD, PAD, 40, 200, 240, 220));
    expect(inkedBox(pixels)).toEqual({ x: 5, y: 14, w: 20, h: 2 });
  });

  it('upscales a small drawing to 20 px', () => {
    const pixels = digitPixels(withRect(40, 40, 5, 10, 15, 25), 40, 40);
    const box = inkedBox(pixels);
    expect(box?.h).toBe(20);
    expect(box?.w).toBe(13); // 10 × 20/15 = 13.3
  });

  it('puts the centre of mass of drawn digits within half a pixel of the centre, with values in [0,1]', () => {
    const drawings = [
      [
        [
          { x: 0.2, y: 0.2 },
          { x: 0.8, y: 0.2 },
          { x: 0.4, y: 0.9 },
        ],
      ], // a 7: heavy at the top
      [
        [
          { x: 0.6, y: 0.05 },
          { x: 0.1, y: 0.4 },
          { x: 0.5, y: 0.4 },
        ],
        [
          { x: 0.45, y: 0.2 },
          { x: 0.45, y: 0.5 },
        ],
      ], // a small 4
      [
        [
          { x: 0.7, y: 0.6 },
          { x: 0.9, y: 0.7 },
          { x: 0.7, y: 0.95 },
          { x: 0.65, y: 0.75 },
        ],
      ],
    ];
    for (const strokes of drawings) {
      const pixels = digitPixels(rasterizeStrokes(strokes, PAD));
      const com = centreOfMass(pixels, 28, 28);
      expect(Math.abs((com?.x ?? 0) - FIELD_CENTRE)).toBeLessThanOrEqual(0.5);
      expect(Math.abs((com?.y ?? 0) - FIELD_CENTRE)).toBeLessThanOrEqual(0.5);
      expect(Math.min(...pixels)).toBe(0);
      expect(Math.max(...pixels)).toBeLessThanOrEqual(1);
      const sum = pixels.reduce((s, v) => s + v, 0);
      expect(sum).toBeGreaterThan(10);
      expect(sum).toBeLessThan(784);
    }
  });

  it('never returns NaN: bad pixels count as background and values above 1 are clipped', () => {
    const image = withRect(PAD, PAD, 50, 50, 150, 200, 1.7);
    image[0] = Number.NaN;
    image[PAD * PAD - 1] = Number.POSITIVE_INFINITY;
    const pixels = digitPixels(image);
    expect(pixels.some(Number.isNaN)).toBe(false);
    expect(pixels.every((v) => v >= 0 && v <= 1)).toBe(true);
  });

  it('refuses an image whose size does not match its pixels', () => {
    expect(() => preprocessDigit(new Float32Array(10), 3, 3)).toThrow(RangeError);
  });
});

function isInside(i: number, from: number, to: number): boolean {
  const x = i % 28;
  const y = Math.floor(i / 28);
  return x >= from && x < to && y >= from && y < to;
}
