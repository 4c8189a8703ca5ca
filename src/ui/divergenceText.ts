// What a divergence notice says: which net, where (epoch, step, seed), what happened, and what the other net did.
import { seedOf, type TrainConfig } from '../shared/config';
import { netName, trainedNets } from '../shared/netNames';
import type { Divergence } from '../shared/protocol';
import { formatInt } from './format';

/** `active`: the run is still training, so the other net "trains on" rather than "trained on". */
export function divergenceText(
  d: Divergence,
  config: TrainConfig | null,
  all: readonly Divergence[],
  active: boolean,
): string {
  const seed = config ? ` (seed ${seedOf(config, d.seedIndex)})` : '';
  const head = `${netName(d.net, config)} diverged at epoch ${d.epoch}, step ${formatInt(d.step)}${seed}: its loss became NaN or infinite, so it stopped`;
  const other = trainedNets(config).find((net) => net !== d.net);
  const otherDiverged = all.some((x) => x.net === other && x.seedIndex === d.seedIndex);
  if (other === undefined || otherDiverged) return `${head}.`;
  return `${head}; ${netName(other, config)} ${active ? 'trains on' : 'trained on'}.`;
}
