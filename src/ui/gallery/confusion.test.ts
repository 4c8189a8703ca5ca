import { describe, expect, it } from 'vitest';
import type { TestInspection } from '../../shared/protocol';
import {
  accuracyOf,
  confusedPairText,
  confusionMatrix,
  correctCount,
  disagreements,
  filterCounts,
  galleryItems,
  inspectionProblem,
  matchesFilter,
  matrixTotal,
  mostConfused,
  recallPerDigit,
  rowShare,
  shadeStrength,
  MAX_SHADE,
} from './confusion';

const zeros = (): number[][] => Array.from({ length: 10 }, () => new Array<number>(10).fill(0));

/** A matrix from a few (truth, predicted, count) cells. */
function matrixOf(cells: [number, number, number][]): number[][] {
  const m = zeros();
  for (const [t, p, n] of cells) {
    const row = m[t];
    if (row) row[p] = n;
  }
  return m;
}

const LABELS = Uint8Array.from([0, 1, 4, 4, 4, 9, 7, 7]);
const BN = Uint8Array.from([0, 1, 4, 9, 4, 9, 7, 2]);
const PLAIN = Uint8Array.from([0, 7, 9, 9, 4, 4, 7, 1]);

function inspection(predicted: TestInspection['predicted'], indices = [1, 3, 4, 7]): TestInspection {
  return {
    labels: LABELS,
    predicted,
    sample: { indices: Int32Array.from(indices), pixels: new Uint8Array(indices.length * 784) },
  };
}

describe('confusionMatrix', () => {
  it('counts each image in row = true digit, column = predicted digit', () => {
    expect(confusionMatrix(LABELS, BN)).toEqual(
      matrixOf([
        [0, 0, 1],
        [1, 1, 1],
        [4, 4, 2],
        [4, 9, 1],
        [9, 9, 1],
        [7, 7, 1],
        [7, 2, 1],
      ]),
    );
    expect(confusionMatrix([], [])).toEqual(zeros());
  });

  it('refuses labels and predictions that do not line up or are not digits', () => {
    expect(() => confusionMatrix([1, 2], [1])).toThrow(/2 labels but 1 predictions/);
    expect(() => confusionMatrix([1, 10], [1, 1])).toThrow(/Label 1 is 10/);
    expect(() => confusionMatrix([1, 1], [1, 1.5])).toThrow(/Prediction 1/);
  });
});

describe('accuracy, recall and shares', () => {
  const m = confusionMatrix(LABELS, PLAIN);

  it('reads accuracy off the diagonal', () => {
    expect(matrixTotal(m)).toBe(8);
    expect(correctCount(m)).toBe(3);
    expect(accuracyOf(m)).toBe(3 / 8);
    expect(accuracyOf(zeros())).toBeNull();
  });

  it('gives each true digit its recall, and none to a digit without images', () => {
    expect(recallPerDigit(m)).toEqual([1, 0, null, null, 1 / 3, null, null, 0.5, null, 0]);
  });

  it("shades by a cell's share of its row", () => {
    expect(rowShare(m, 4, 9)).toBeCloseTo(2 / 3, 12);
    expect(rowShare(m, 4, 4)).toBeCloseTo(1 / 3, 12);
    expect(rowShare(m, 3, 3)).toBe(0);
  });

  it('shades the diagonal by its share and errors on a ten-times stretched scale, both capped', () => {
    expect(shadeStrength(1, true)).toBeCloseTo(MAX_SHADE, 12);
    expect(shadeStrength(0.5, true)).toBeCloseTo(MAX_SHADE / 2, 12);
    expect(shadeStrength(0.05, false)).toBeCloseTo(MAX_SHADE / 2, 12);
    expect(shadeStrength(0.3, false)).toBeCloseTo(MAX_SHADE, 12);
    expect(shadeStrength(0, false)).toBe(0);
  });
});

describe('mostConfused', () => {
  const m = matrixOf([
    [4, 4, 900],
    [4, 9, 23],
    [7, 2, 15],
    [3, 5, 15],
    [9, 4, 2],
    [1, 1, 1000],
  ]);

  it('lists the largest off-diagonal cells first, ties in digit order, never the diagonal or empty cells', () => {
    expect(mostConfused(m, 3)).toEqual([
      { truth: 4, predicted: 9, count: 23 },
      { truth: 3, predicted: 5, count: 15 },
      { truth: 7, predicted: 2, count: 15 },
    ]);
    expect(mostConfused(m, 10)).toHaveLength(4);
    expect(mostConfused(m, 0)).toEqual([]);
    expect(mostConfused(matrixOf([[2, 2, 5]]), 3)).toEqual([]);
  });

  it('says a pair in words', () => {
    expect(confusedPairText({ truth: 4, predicted: 9, count: 1234 })).toBe('4 read as 9: 1,234');
  });
});

describe('the gallery', () => {
  it("gives each sample image its label, each net's reading, its mistakes and whether the nets disagree", () => {
    expect(galleryItems(inspection({ bn: BN, plain: PLAIN }))).toEqual([
      { position: 0, index: 1, label: 1, predicted: { bn: 1, plain: 7 }, wrong: ['plain'], disagree: true },
      { position: 1, index: 3, label: 4, predicted: { bn: 9, plain: 9 }, wrong: ['bn', 'plain'], disagree: false },
      { position: 2, index: 4, label: 4, predicted: { bn: 4, plain: 4 }, wrong: [], disagree: false },
      { position: 3, index: 7, label: 7, predicted: { bn: 2, plain: 1 }, wrong: ['bn', 'plain'], disagree: true },
    ]);
  });

  it('counts what each filter shows', () => {
    const items = galleryItems(inspection({ bn: BN, plain: PLAIN }));
    expect(filterCounts(items)).toEqual({ all: 4, mistakes: 3, disagree: 2 });
    expect(items.filter((i) => matchesFilter(i, 'disagree')).map((i) => i.index)).toEqual([1, 7]);
  });

  it('with one net, shows its mistakes and never a disagreement', () => {
    const items = galleryItems(inspection({ bn: BN }));
    expect(items.map((i) => i.predicted)).toEqual([{ bn: 1 }, { bn: 9 }, { bn: 4 }, { bn: 2 }]);
    expect(filterCounts(items)).toEqual({ all: 4, mistakes: 2, disagree: 0 });
  });
});

describe('disagreements', () => {
  it('counts, over the whole test set, where the nets differ and who is right there', () => {
    expect(disagreements(inspection({ bn: BN, plain: PLAIN }), 'bn', 'plain')).toEqual({
      net: 'bn',
      against: 'plain',
      count: 4,
      netRight: 3,
      againstRight: 0,
      neitherRight: 1,
    });
    expect(disagreements(inspection({ ln: PLAIN, plain: BN }), 'ln', 'plain')).toMatchObject({
      count: 4,
      netRight: 0,
      againstRight: 3,
    });
    expect(disagreements(inspection({ plain: PLAIN }), 'bn', 'plain')).toBeNull();
  });
});

describe('inspectionProblem', () => {
  it('accepts a sound inspection and names what is wrong with a broken one', () => {
    expect(inspectionProblem(inspection({ bn: BN, plain: PLAIN }))).toBeNull();
    expect(inspectionProblem(inspection({ bn: BN.subarray(1) }))).toMatch(/bn net has 7 predictions for 8/);
    expect(inspectionProblem(inspection({ bn: Uint8Array.from([0, 1, 4, 9, 4, 9, 7, 12]) }))).toMatch(/not a digit/);
    expect(inspectionProblem(inspection({ bn: BN }, [1, 8]))).toMatch(/not in the test set/);
    const short = inspection({ bn: BN });
    expect(inspectionProblem({ ...short, sample: { ...short.sample, pixels: new Uint8Array(10) } })).toMatch(
      /10 pixels for 4 images/,
    );
  });
});
