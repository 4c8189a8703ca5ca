// What the test-set inspection says: each net's confusion matrix, accuracy, recall per digit and most confused pairs,
// and the gallery's items and filters (mistakes, disagreements). Pure, so every number the panel shows is tested.
import type { NetId } from '../../shared/metrics';
import { NET_IDS } from '../../shared/metrics';
import type { SomeNets, TestInspection } from '../../shared/protocol';

export const DIGIT_COUNT = 10;
const PIXELS_PER_IMAGE = 28 * 28;

/** matrix[truth][predicted]: how many test images of digit `truth` the net read as `predicted`. */
export type Matrix = number[][];

function checkDigit(value: number | undefined, what: string, i: number): number {
  if (value === undefined || !Number.isInteger(value) || value < 0 || value >= DIGIT_COUNT) {
    throw new RangeError(`${what} ${i} is ${String(value)}, not a digit 0–9.`);
  }
  return value;
}

export function confusionMatrix(labels: ArrayLike<number>, predicted: ArrayLike<number>): Matrix {
  if (labels.length !== predicted.length)
    throw new RangeError(`${labels.length} labels but ${predicted.length} predictions.`);
  const matrix = Array.from({ length: DIGIT_COUNT }, () => new Array<number>(DIGIT_COUNT).fill(0));
  for (let i = 0; i < labels.length; i++) {
    const row = matrix[checkDigit(labels[i], 'Label', i)];
    const col = checkDigit(predicted[i], 'Prediction', i);
    if (row) row[col] = (row[col] ?? 0) + 1;
  }
  return matrix;
}

const sum = (values: readonly number[]): number => values.reduce((a, b) => a + b, 0);

export function matrixTotal(matrix: Matrix): number {
  return sum(matrix.map(sum));
}

function diagonal(matrix: Matrix, digit: number): number {
  return matrix[digit]?.[digit] ?? 0;
}

/** How many images the net read correctly: the diagonal's sum. */
export function correctCount(matrix: Matrix): number {
  return sum(matrix.map((_, d) => diagonal(matrix, d)));
}

/** Share of all images read correctly; null for an empty matrix (nothing to be right about). */
export function accuracyOf(matrix: Matrix): number | null {
  const total = matrixTotal(matrix);
  return total === 0 ? null : correctCount(matrix) / total;
}

/** For each true digit, the share of its images read correctly; null for a digit with no images. */
export function recallPerDigit(matrix: Matrix): (number | null)[] {
  return matrix.map((row, d) => {
    const n = sum(row);
    return n === 0 ? null : diagonal(matrix, d) / n;
  });
}

/** The share of its row (its true digit's images) that a cell holds: what the matrix's shading shows. */
export function rowShare(matrix: Matrix, truth: number, predicted: number): number {
  const row = matrix[truth] ?? [];
  const n = sum(row);
  return n === 0 ? 0 : (row[predicted] ?? 0) / n;
}

/** The strongest shade a cell gets (0–1), so that its printed count stays readable on it in both colour schemes. */
export const MAX_SHADE = 0.6;
/** A tenth of a digit's images read as one wrong digit is as bad as it gets: errors are shaded on this scale. */
export const ERROR_FULL_SHARE = 0.1;

/**
 * How strongly a cell is shaded (0–MAX_SHADE), proportional to its share of the row. Errors are rare, so their
 * scale is stretched: on the diagonal's scale a 2% confusion would be invisible.
 */
export function shadeStrength(share: number, onDiagonal: boolean): number {
  const scaled = onDiagonal ? share : share / ERROR_FULL_SHARE;
  return Math.min(1, Math.max(0, scaled)) * MAX_SHADE;
}

export interface ConfusedPair {
  truth: number;
  predicted: number;
  count: number;
}

/** The `n` largest off-diagonal cells, largest first (ties by true digit, then predicted digit); empty cells never. */
export function mostConfused(matrix: Matrix, n: number): ConfusedPair[] {
  const pairs: ConfusedPair[] = [];
  matrix.forEach((row, truth) =>
    row.forEach((count, predicted) => {
      if (truth !== predicted && count > 0) pairs.push({ truth, predicted, count });
    }),
  );
  pairs.sort((a, b) => b.count - a.count || a.truth - b.truth || a.predicted - b.predicted);
  return pairs.slice(0, Math.max(0, n));
}

export function confusedPairText(pair: ConfusedPair): string {
  return `${pair.truth} read as ${pair.predicted}: ${pair.count.toLocaleString('en-US')}`;
}

/**
 * What is wrong with an inspection that did not come from `inspectTest` as promised (a wiring mistake), in words,
 * so the panel can say it instead of drawing a wrong matrix; null when it is sound.
 */
export function inspectionProblem(inspection: TestInspection): string | null {
  const n = inspection.labels.length;
  for (const id of NET_IDS) {
    const p = inspection.predicted[id];
    if (p !== undefined && p.length !== n) return `The ${id} net has ${p.length} predictions for ${n} test labels.`;
  }
  const all = [inspection.labels, ...NET_IDS.map((id) => inspection.predicted[id] ?? [])];
  if (all.some((values) => values.some((v) => v >= DIGIT_COUNT))) return 'A label or prediction is not a digit 0–9.';
  const { indices, pixels } = inspection.sample;
  if (pixels.length !== indices.length * PIXELS_PER_IMAGE)
    return `The sample has ${pixels.length} pixels for ${indices.length} images.`;
  if (indices.some((i) => i < 0 || i >= n)) return 'A sample image is not in the test set.';
  return null;
}

// ---- The gallery ----

export type GalleryFilter = 'all' | 'mistakes' | 'disagree';
export const GALLERY_FILTERS: readonly GalleryFilter[] = ['all', 'mistakes', 'disagree'];

export interface GalleryItem {
  /** Position in the sample (where its pixels are). */
  position: number;
  /** Index in the test set. */
  index: number;
  label: number;
  predicted: SomeNets<number>;
  /** The present nets that read it wrong. */
  wrong: NetId[];
  /** At least two nets are present and some of them read different digits. */
  disagree: boolean;
}

export function galleryItems(inspection: TestInspection): GalleryItem[] {
  return Array.from(inspection.sample.indices, (index, position) => {
    const label = inspection.labels[index] ?? -1;
    const predicted: SomeNets<number> = {};
    for (const id of NET_IDS) {
      const digit = inspection.predicted[id]?.[index];
      if (digit !== undefined) predicted[id] = digit;
    }
    const wrong = NET_IDS.filter((id) => predicted[id] !== undefined && predicted[id] !== label);
    const digits = NET_IDS.flatMap((id) => (predicted[id] === undefined ? [] : [predicted[id]]));
    const disagree = new Set(digits).size > 1;
    return { position, index, label, predicted, wrong, disagree };
  });
}

export function matchesFilter(item: GalleryItem, filter: GalleryFilter): boolean {
  switch (filter) {
    case 'all':
      return true;
    case 'mistakes':
      return item.wrong.length > 0;
    case 'disagree':
      return item.disagree;
  }
}

export function filterCounts(items: readonly GalleryItem[]): Record<GalleryFilter, number> {
  const counts: Record<GalleryFilter, number> = { all: 0, mistakes: 0, disagree: 0 };
  for (const item of items) for (const f of GALLERY_FILTERS) if (matchesFilter(item, f)) counts[f] += 1;
  return counts;
}

/** Where two nets disagree on the whole test set, and who is right there. */
export interface Disagreements {
  net: NetId;
  against: NetId;
  count: number;
  /** `net` right, `against` wrong. */
  netRight: number;
  againstRight: number;
  neitherRight: number;
}

/** Where `net` and `against` disagree; null unless both are present. */
export function disagreements(inspection: TestInspection, net: NetId, against: NetId): Disagreements | null {
  const a = inspection.predicted[net];
  const b = inspection.predicted[against];
  if (a === undefined || b === undefined) return null;
  const result: Disagreements = { net, against, count: 0, netRight: 0, againstRight: 0, neitherRight: 0 };
  inspection.labels.forEach((label, i) => {
    if (a[i] === b[i]) return;
    result.count += 1;
    if (a[i] === label) result.netRight += 1;
    else if (b[i] === label) result.againstRight += 1;
    else result.neitherRight += 1;
  });
  return result;
}
