// The nets named by their settings ("With BN (before ReLU)", "No BN"), for the legend, the epoch log and exports.
// Dependency-free.
import { hasBn, type Activation, type TrainConfig } from './config';
import type { NetId } from './metrics';

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

/** A short name for tight places (table cells, file headers). */
export const NET_SHORT_NAMES: Record<NetId, string> = { bn: 'With BN', plain: 'No BN' };
