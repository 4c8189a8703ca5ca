// What a net's ten output probabilities say: the top digit and its probability, each bar's percent, and whether the
// two nets agree, and what each net's panel shows in each state of the pad. Pure, so the texts and data attributes the
// page promises are tested without a browser.
import { assertNever } from '../../shared/assertNever';
import { NET_IDS, type NetId } from '../../shared/metrics';

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
  return bn.digit === plain.digit
    ? { kind: 'agree', digit: bn.digit }
    : { kind: 'disagree', bn: bn.digit, plain: plain.digit };
}

/** Where the pad and the models are: no model trained yet, nothing drawn, a prediction asked for, or one in hand. */
export type DrawStatus = 'no-model' | 'empty' | 'pending' | 'ready';

/** Each net's output (ten probabilities, softmax), when it has answered; a net the run did not train is absent. */
export type Predictions = Partial<Record<NetId, readonly number[]>>;

/** What one net's panel shows. */
export type NetPrediction =
  | { kind: 'no-model' }
  | { kind: 'empty' }
  /** Drawn, asked, no answer yet. */
  | { kind: 'waiting' }
  /** Another net answered and this one did not: the last run did not train it. */
  | { kind: 'untrained' }
  /** An answer that is not ten finite probabilities: a diverged net outputs NaN. */
  | { kind: 'invalid' }
  | { kind: 'ready'; probabilities: readonly number[]; top: TopClass };

export function netPrediction(status: DrawStatus, predictions: Predictions | null, net: NetId): NetPrediction {
  switch (status) {
    case 'no-model':
      return { kind: 'no-model' };
    // An empty pad shows no prediction, even if an answer for the last drawing is still around.
    case 'empty':
      return { kind: 'empty' };
    // While a newer prediction is on its way, the last one stays: bars that blank on every stroke would flicker.
    case 'pending':
    case 'ready': {
      const probabilities = predictions?.[net];
      if (probabilities === undefined) {
        const others = NET_IDS.some((id) => id !== net && predictions?.[id] !== undefined);
        return others ? { kind: 'untrained' } : { kind: 'waiting' };
      }
      const top = topClass(probabilities);
      return top === null ? { kind: 'invalid' } : { kind: 'ready', probabilities, top };
    }
    default:
      return assertNever(status, 'draw status');
  }
}

/** The automation hooks of a net's panel: the top digit and its probability, '' when there is none. */
export function predictionData(view: NetPrediction): { digit: string; confidence: string } {
  if (view.kind !== 'ready') return { digit: '', confidence: '' };
  return { digit: String(view.top.digit), confidence: confidenceText(view.top.probability) };
}
