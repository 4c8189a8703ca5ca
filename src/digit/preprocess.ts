// Turns a drawn grey image (1 = ink) into a 28×28 input built the way MNIST's images were: crop to the ink, area-average
// the longer side to 20 px, centre the intensity-weighted centre of mass on a 28×28 black field. Dependency-free: no DOM, no TF.js.

/** A rectangle of whole pixels: left/top column and row, and its size. */
export interface Box {
  x: number;
  y: number;
  w: number;
  h: number;
}

export interface Point2 {
  x: number;
  y: number;
}

export type DigitResult = { kind: 'digit'; pixels: Float32Array; box: Box; scale: number } | { kind: 'empty' };

/** Side of the network's input, and of MNIST's images. */
export const FIELD_SIDE = 28;
/** MNIST normalised each digit so that its longer side fits 20 px. */
export const DIGIT_SIDE = 20;
/**
 * Where the centre of mass goes, in pixel-index coordinates (pixel (i, j) sits at (i, j)). Measured on the 60,000
 * training images: the centre of mass rounds to (14, 14) in all but 3, and its mean is (14.01, 14.00). That is
 * MNIST's "centre of the 28×28 field" as the data actually has it (not 13.5, the geometric middle of the indices),
 * and the spread of ±0.5 px around it says the shift was a whole number of pixels, which is what we do too:
 * a sub-pixel (bilinear) shift would blur the strokes and make them unlike the training data.
 */
export const FIELD_CENTRE = 14;
/** Faint anti-aliased fringes below this do not count as ink for the bounding box. */
export const INK_THRESHOLD = 0.1;

/** When a drawing is too little to be a digit (both are fractions, so they hold at any pad resolution). */
export interface EmptyGuard {
  /** The ink's box must span at least this fraction of the image's longer side: a tap of the pen (STROKE_WIDTH, 0.085) is not a digit. */
  minExtent: number;
  /** Total ink must be at least this fraction of the image's area: a few stray pixels are not a digit. */
  minInk: number;
}

export const DEFAULT_GUARD: Readonly<EmptyGuard> = Object.freeze({ minExtent: 0.1, minInk: 0.002 });

/** The smallest box holding every pixel above `threshold`, or null if there is none. */
export function inkBounds(image: Float32Array, w: number, h: number, threshold: number = INK_THRESHOLD): Box | null {
  let x0 = w;
  let y0 = h;
  let x1 = -1;
  let y1 = -1;
  for (let y = 0; y < h; y++) {
    for (let x = 0; x < w; x++) {
      if ((image[y * w + x] ?? 0) <= threshold) continue;
      if (x < x0) x0 = x;
      if (x > x1) x1 = x;
      if (y < y0) y0 = y;
      if (y > y1) y1 = y;
    }
  }
  return x1 < 0 ? null : { x: x0, y: y0, w: x1 - x0 + 1, h: y1 - y0 + 1 };
}

export function totalInk(image: Float32Array): number {
  let sum = 0;
  for (const v of image) sum += v;
  return sum;
}

/** True when there is no ink, or too little of it (in extent or amount) to be a digit. */
export function isTooLittleInk(
  image: Float32Array,
  w: number,
  h: number,
  box: Box | null,
  guard: EmptyGuard = DEFAULT_GUARD,
): boolean {
  if (!box) return true;
  if (Math.max(box.w, box.h) < guard.minExtent * Math.max(w, h)) return true;
  return totalInk(image) < guard.minInk * w * h;
}

/** The pixels of `box` as an image of its own (box.w × box.h, row-major). */
export function cropTo(image: Float32Array, w: number, box: Box): Float32Array {
  const out = new Float32Array(box.w * box.h);
  for (let y = 0; y < box.h; y++) {
    const start = (box.y + y) * w + box.x;
    out.set(image.subarray(start, start + box.w), y * box.w);
  }
  return out;
}

/**
 * For each output cell along one axis, the input cells it covers and the fraction of the output cell each fills.
 * Output cell i spans [i·n/m, (i+1)·n/m) in input units; the weights are overlap lengths over that span, so they sum to 1.
 */
function coverageWeights(n: number, m: number): Array<Array<[number, number]>> {
  const span = n / m;
  const weights: Array<Array<[number, number]>> = [];
  for (let i = 0; i < m; i++) {
    const start = i * span;
    const end = start + span;
    const row: Array<[number, number]> = [];
    for (let j = Math.floor(start); j < Math.min(n, Math.ceil(end)); j++) {
      const overlap = Math.min(end, j + 1) - Math.max(start, j);
      if (overlap > 1e-12) row.push([j, overlap / span]);
    }
    weights.push(row);
  }
  return weights;
}

/**
 * Area-averaging resize (a box filter with fractional coverage): every output pixel is the exact mean of the input area
 * it covers. Works for any ratio, down (anti-aliased grey levels, as MNIST's) or up (a tiny drawing). The box filter is
 * separable, so rows are resampled first, then columns, in double precision.
 */
export function resizeArea(image: Float32Array, w: number, h: number, outW: number, outH: number): Float32Array {
  const across = coverageWeights(w, outW);
  const down = coverageWeights(h, outH);
  const rows = new Float64Array(h * outW);
  for (let y = 0; y < h; y++) {
    across.forEach((cells, x) => {
      let sum = 0;
      for (const [j, weight] of cells) sum += (image[y * w + j] ?? 0) * weight;
      rows[y * outW + x] = sum;
    });
  }
  const out = new Float32Array(outW * outH);
  down.forEach((cells, y) => {
    for (let x = 0; x < outW; x++) {
      let sum = 0;
      for (const [j, weight] of cells) sum += (rows[j * outW + x] ?? 0) * weight;
      out[y * outW + x] = sum;
    }
  });
  return out;
}

/** The size a w×h box takes when its longer side becomes `side`, keeping the aspect ratio (at least 1 px across). */
export function fitSize(w: number, h: number, side: number = DIGIT_SIDE): { w: number; h: number; scale: number } {
  const scale = side / Math.max(w, h);
  return { w: Math.max(1, Math.round(w * scale)), h: Math.max(1, Math.round(h * scale)), scale };
}

/** The intensity-weighted mean position in pixel-index coordinates, or null for an all-black image. */
export function centreOfMass(image: Float32Array, w: number, h: number): Point2 | null {
  let mass = 0;
  let mx = 0;
  let my = 0;
  for (let y = 0; y < h; y++) {
    for (let x = 0; x < w; x++) {
      const v = image[y * w + x] ?? 0;
      mass += v;
      mx += v * x;
      my += v * y;
    }
  }
  return mass > 0 ? { x: mx / mass, y: my / mass } : null;
}

/**
 * Copies a w×h image onto a side×side black field, shifted by whole pixels so its centre of mass lands on
 * (`centre`, `centre`) to within half a pixel; ink shifted off the field is dropped. Values are clamped to [0,1].
 */
export function placeByCentreOfMass(
  image: Float32Array,
  w: number,
  h: number,
  side: number = FIELD_SIDE,
  centre: number = FIELD_CENTRE,
): Float32Array {
  const field = new Float32Array(side * side);
  const com = centreOfMass(image, w, h) ?? { x: (w - 1) / 2, y: (h - 1) / 2 };
  const dx = Math.round(centre - com.x);
  const dy = Math.round(centre - com.y);
  for (let y = 0; y < h; y++) {
    const fy = y + dy;
    if (fy < 0 || fy >= side) continue;
    for (let x = 0; x < w; x++) {
      const fx = x + dx;
      if (fx < 0 || fx >= side) continue;
      const v = image[y * w + x] ?? 0;
      field[fy * side + fx] = v > 0 ? Math.min(1, v) : 0;
    }
  }
  return field;
}

/**
 * The whole pipeline: a w×h drawing (values in [0,1], 1 = ink) to 784 pixels in [0,1], row-major like the training
 * data, or `empty` when there is too little ink to be a digit. `box` is the ink's box in the drawing; `scale` is how
 * many output pixels one drawing pixel became.
 */
export function preprocessDigit(
  raw: Float32Array,
  w: number,
  h: number,
  guard: EmptyGuard = DEFAULT_GUARD,
): DigitResult {
  if (raw.length !== w * h) throw new RangeError(`A ${w}×${h} image has ${w * h} pixels, not ${raw.length}.`);
  // `v > 0` is false for NaN: a bad pixel becomes background instead of poisoning every sum after it.
  const image = raw.map((v) => (v > 0 ? Math.min(1, v) : 0));
  const box = inkBounds(image, w, h);
  if (!box || isTooLittleInk(image, w, h, box, guard)) return { kind: 'empty' };
  const size = fitSize(box.w, box.h);
  const digit = resizeArea(cropTo(image, w, box), box.w, box.h, size.w, size.h);
  return { kind: 'digit', pixels: placeByCentreOfMass(digit, size.w, size.h), box, scale: size.scale };
}
