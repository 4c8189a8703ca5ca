// The header's opening sentence: what the current settings train (two nets that differ only by BN by default, or one
// net per chosen normalization), and what pressing Train draws. Pure, so every combination is tested.
import type { NetId } from '../shared/metrics';
import { countWord } from './netComparisons';

/** The normalization each net has, written out, for prose. */
const NORMALIZATION: Record<NetId, string> = {
  bn: 'Batch Normalization',
  plain: 'no normalization',
  ln: 'Layer Normalization',
  gn: 'Group Normalization',
  rms: 'RMS Normalization',
};

/** The short names in a list of normalizations. */
const LIST_NAME: Record<NetId, string> = {
  bn: 'BatchNorm',
  plain: 'none',
  ln: 'LayerNorm',
  gn: 'GroupNorm',
  rms: 'RMSNorm',
};

export interface Lede {
  /** What trains: "Two MNIST networks, identical but for Batch Normalization, train side by side …". */
  nets: string;
  /** What Train draws: "the blog’s figure" for the blog's pair, the nets' curves otherwise. */
  draws: string;
}

/** `nets` in the figure's order (trainedNets); `seeds` the number of seeds each net trains with. */
export function ledeText(nets: readonly NetId[], seeds: number): Lede {
  const seedsNote = seeds > 1 ? `, each with ${seeds} seeds` : '';
  const blogPair = nets.length === 2 && nets.includes('bn') && nets.includes('plain');
  const [only] = nets;
  if (nets.length === 1 && only !== undefined) {
    const which = only === 'plain' ? 'without normalization' : `with ${NORMALIZATION[only]}`;
    return {
      nets: `One MNIST network ${which} trains in your browser${seeds > 1 ? ` with ${seeds} seeds` : ''}.`,
      draws: 'draw its loss and accuracy live',
    };
  }
  const same = `from the same weights on the same batches${seedsNote}.`;
  const normalized = nets.filter((net) => net !== 'plain');
  const [other] = normalized;
  if (nets.length === 2 && nets.includes('plain') && other !== undefined) {
    return {
      nets: `Two MNIST networks, identical but for ${NORMALIZATION[other]}, train side by side in your browser ${same}`,
      draws: blogPair ? 'draw the blog’s figure live' : 'draw their loss and accuracy live',
    };
  }
  // "none" first, as the settings list them: the others are variations on it.
  const listed = [...nets.filter((n) => n === 'plain'), ...normalized].map((n) => LIST_NAME[n]).join(', ');
  return {
    nets:
      `${countWord(nets.length)} MNIST networks, one per normalization (${listed}), ` +
      `train side by side in your browser ${same}`,
    draws: 'draw their loss and accuracy live',
  };
}
