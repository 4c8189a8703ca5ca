// The nets named by their settings ("With BN (before ReLU)", "No BN"), for the legend, the epoch log and exports,
// and which nets a run trains. Dependency-free.
import { hasBn, type Activation, type NetsChoice, type TrainConfig } from './config';
import { NET_IDS, type NetId } from './metrics';

const ACTIVATION_NAMES: Record<Activation, string> = { relu: 'ReLU', sigmoid: 'sigmoid', tanh: 'tanh' };

type NamingConfig = Pick<TrainConfig, 'bnLayers' | 'bnPlace' | 'activation' | 'layers' | 'bnScale' | 'bnCenter'>;

/** The BN net's distinguishing settings in a few words: where BN sits, on which layers, and γ/β if not learnable. */
function bnDetails(config: NamingConfig): string {
  const parts = [`${config.bnPlace} ${ACTIVATION_NAMES[config.activation]}`];
  const count = config.layers.length;
  const on = config.layers.map((_, i) => i).filter((i) => hasBn(config, i));
  if (on.length < count) parts.push(`layer${on.length === 1 ? '' : 's'} ${on.map((i) => i + 1).join(', ')} only`);
  if (!config.bnScale && !config.bnCenter) parts.push('no γ, β');
  else if (!config.bnScale) parts.push('no γ');
  else if (!config.bnCenter) parts.push('no β');
  return parts.join('; ');
}

export function netName(net: NetId, config: NamingConfig | null): string {
  if (net === 'plain') return 'No BN';
  return config ? `With BN (${bnDetails(config)})` : 'With BN';
}

/** Both nets' names at once, for components that label every net. */
export function netNames(config: NamingConfig | null): Record<NetId, string> {
  return { bn: netName('bn', config), plain: netName('plain', config) };
}

/** A short name for tight places (table cells, file headers). */
export const NET_SHORT_NAMES: Record<NetId, string> = { bn: 'With BN', plain: 'No BN' };

/** The nets a run trains, in the figure's order (a net switched off has no curves, rows or legend entries). */
export function trainedNets(config: { nets: NetsChoice } | null): readonly NetId[] {
  if (config === null || config.nets === 'both') return NET_IDS;
  return [config.nets];
}
