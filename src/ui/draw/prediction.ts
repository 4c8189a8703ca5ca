// What a net's ten output probabilities say: the top digit and its probability, each bar's percent, and whether the
// two nets agree. Pure, so the texts and data attributes the page promises are tested without a browser.

export const DIGITS = [0, 1, 2, 3, 4, 5, 6, 7, 8, 9] as const;

export interface TopClass {
  digit: number;
  probability: number;
}

/** The most probable digit, or null when the output is not ten finite probabilities (nothing honest to show). */
export function topClass(probabilities: readonly number[]): TopClass | null {
  if (probabilities.length !== DIGITS.length || probabilities.some((p) => !Number.isFinite(p))) return null;
  let best: TopClass = { digit: 0, probability: -Infinity };
  for (const digit of DIGITS) {
    const probability = probabilities[digit] ?? -Infinity;
    if (probability > best.probability) best = { digit, probability };
  }
  return best;
}

/** The `data-confidence` text: a plain decimal that Number() reads back. */
export function confidenceText(probability: number): string {
  return probability.toFixed(4);
}

/** A bar's label: "97.3%", "<0.1%" for the tiny ones that would otherwise read as zero. */
export function percentText(probability: number): string {
  if (probability > 0 && probability < 0.0005) return '<0.1%';
  return `${(probability * 100).toFixed(1)}%`;
}

/** A bar's width as a fraction of its track, clamped (softmax outputs can overshoot 1 by rounding). */
export function barFraction(probability: number): number {
  return Number.isFinite(probability) ? Math.min(1, Math.max(0, probability)) : 0;
}

export type Agreement = { kind: 'agree'; digit: number } | { kind: 'disagree'; bn: number; plain: number };

/** Whether both nets read the same digit; null unless both have read one. */
export function agreement(bn: TopClass | null, plain: TopClass | null): Agreement | null {
  if (bn === null || plain === null) return null;
  return bn.digit === plain.digit ? { kind: 'agree', digit: bn.digit } : { kind: 'disagree', bn: bn.digit, plain: plain.digit };
}
