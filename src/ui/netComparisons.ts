// Which nets a comparison names when more than the BN/plain pair train: each normalized net against the plain one,
// or, with no plain net, each against the first in the figure's order. Pure, so the seeds summary and the test set say
// the same thing.
import type { NetId } from '../shared/metrics';

export interface NetPair {
  net: NetId;
  against: NetId;
}

/** The pairs to compare, in the figure's order; none with fewer than two nets. `nets` is in NET_IDS order. */
export function comparedPairs(nets: readonly NetId[]): NetPair[] {
  const reference = nets.includes('plain') ? 'plain' : nets[0];
  if (reference === undefined) return [];
  return nets.filter((net) => net !== reference).map((net) => ({ net, against: reference }));
}

const COUNT_WORDS = ['No', 'One', 'Two', 'Three', 'Four', 'Five', 'Six'];

/** "Five" for 5: a count that starts a sentence. */
export function countWord(count: number): string {
  return COUNT_WORDS[count] ?? String(count);
}
