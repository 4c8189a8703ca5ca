// The nets named by their settings ("With BN (before ReLU)", "No BN", "LayerNorm (before ReLU)"), for the legend,
// the epoch log and exports; which normalization each net has; and which nets a run trains. Dependency-free.
import { hasBn, type Activation, type NetsChoice, type NormKind, type TrainConfig } from './config';
import { NET_IDS, type NetId } from './metrics';

const ACTIVATION_NAMES: Record<Activation, string> = { relu: 'ReLU', sigmoid: 'sigmoid', tanh: 'tanh' };

/** The net that has each normalization (the epoch log's data-model values). */
export const NET_OF_NORM: Record<NormKind, NetId> = {
  none: 'plain',
  batch: 'bn',
  layer: 'ln',
  group: 'gn',
  rms: 'rms',
};
export const NORM_OF_NET: Record<NetId, NormKind> = {
  plain: 'none',
  bn: 'batch',
  ln: 'layer',
  gn: 'group',
  rms: 'rms',
};

/** The normalization's own name, for the maths panel and messages. */
export const NORM_NAMES: Record<NormKind, string> = {
  none: 'no normalization',
  batch: 'BatchNorm',
  layer: 'LayerNorm',
  group: 'GroupNorm',
  rms: 'RMSNorm',
};

type NamingConfig = Pick<
  TrainConfig,
  'bnLayers' | 'bnPlace' | 'activation' | 'layers' | 'bnScale' | 'bnCenter' | 'groups'
>;

/** A normalized net's distinguishing settings in a few words: where it sits, on which layers, γ/β if not learnable. */
function normDetails(net: NetId, config: NamingConfig): string {
  const parts = [`${config.bnPlace} ${ACTIVATION_NAMES[config.activation]}`];
  if (net === 'gn') parts.unshift(`${config.groups} groups`);
  const count = config.layers.length;
  const on = config.layers.map((_, i) => i).filter((i) => hasBn(config, i));
  if (on.length < count) parts.push(`layer${on.length === 1 ? '' : 's'} ${on.map((i) => i + 1).join(', ')} only`);
  // RMSNorm has no β at all: only its γ can be switched off.
  const center = net !== 'rms' && config.bnCenter;
  if (!config.bnScale && (net === 'rms' || !center)) parts.push(net === 'rms' ? 'no γ' : 'no γ, β');
  else if (!config.bnScale) parts.push('no γ');
  else if (net !== 'rms' && !center) parts.push('no β');
  return parts.join('; ');
}

const BASE_NAMES: Record<NetId, string> = {
  bn: 'With BN',
  plain: 'No BN',
  ln: 'LayerNorm',
  gn: 'GroupNorm',
  rms: 'RMSNorm',
};

export function netName(net: NetId, config: NamingConfig | null): string {
  if (net === 'plain') return BASE_NAMES.plain;
  return config ? `${BASE_NAMES[net]} (${normDetails(net, config)})` : BASE_NAMES[net];
}

/** Every net's name at once, for components that label every net. */
export function netNames(config: NamingConfig | null): Record<NetId, string> {
  const out = {} as Record<NetId, string>;
  for (const id of NET_IDS) out[id] = netName(id, config);
  return out;
}

/** A short name for tight places (table cells, file headers). */
export const NET_SHORT_NAMES: Record<NetId, string> = BASE_NAMES;

/** The settings that say which nets a run trains. */
export type NetsConfig = { nets: NetsChoice; norms: readonly NormKind[] };

/**
 * The nets a run trains, in the figure's order (NET_IDS): one per entry of `norms`, then filtered by the older `nets`
 * choice — "Normalized only" (bn) keeps the normalized nets, "Plain only" the plain one. A net switched off has no curves,
 * rows or legend entries. Null (no run yet): today's pair.
 */
export function trainedNets(config: NetsConfig | null): readonly NetId[] {
  if (config === null) return ['bn', 'plain'];
  const listed = new Set(config.norms.map((n) => NET_OF_NORM[n]));
  return NET_IDS.filter((id) => {
    if (!listed.has(id)) return false;
    if (config.nets === 'bn') return id !== 'plain';
    if (config.nets === 'plain') return id === 'plain';
    return true;
  });
}
