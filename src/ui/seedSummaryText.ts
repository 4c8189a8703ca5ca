// The seeds summary's words: the rule behind its verdicts and each verdict's text, for the BN/plain pair (one column)
// and for more nets (a line in each compared net's cell, against the plain net). Pure, so both are tested.
import type { NetId } from '../shared/metrics';
import { NET_SHORT_NAMES } from '../shared/netNames';
import type { Gap } from './charts/seedStats';
import type { NetPair } from './netComparisons';

export const VERDICT_RULE =
  'The gap exceeds the spread at an epoch when the two nets’ min–max ranges of val_accuracy over the seeds do not overlap.';

/** The rule when each net is compared with one reference net (the plain one, or the first when none is plain). */
export function verdictRule(pairs: readonly NetPair[]): string {
  const [first, second] = pairs;
  if (first === undefined) return '';
  if (second === undefined) return VERDICT_RULE;
  const against = NET_SHORT_NAMES[first.against];
  return `Under each net but ${against}: whether its gap to ${against} exceeds the spread (their min–max ranges of val_accuracy over the seeds do not overlap).`;
}

/**
 * One verdict: "gap exceeds spread (With BN higher)", "within spread", "needs 2 seeds" or "—". With several
 * comparisons it names the net compared with: "vs No BN: within spread".
 */
export function gapText(gap: Gap, seedsDone: number, several: boolean): string {
  const prefix = several ? `vs ${NET_SHORT_NAMES[gap.against]}: ` : '';
  if (seedsDone < 2) return `${prefix}needs 2 seeds`;
  if (gap.verdict === null) return several ? `${prefix}—` : '—';
  if (gap.verdict === 'within') return `${prefix}within spread`;
  const higher: NetId | null = gap.higher;
  return `${prefix}gap exceeds spread${higher ? ` (${NET_SHORT_NAMES[higher]} higher)` : ''}`;
}
