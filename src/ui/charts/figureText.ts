// The figure's words: the exported PNG's title and one-line summary of the run's settings (so a saved PNG is
// self-explanatory), and the key under the charts, which names the nets by their settings.
import { hasBn, seedOf, type TrainConfig } from '../../shared/config';
import { fieldSpec, type FieldKey } from '../../shared/configFields';
import type { NetId } from '../../shared/metrics';
import { netName, trainedNets } from '../../shared/netNames';
import { formatInt } from '../format';
import { NET_GLYPH } from './palette';

const TITLES: Record<TrainConfig['nets'], string> = {
  both: 'MNIST: with vs without Batch Normalization',
  bn: 'MNIST: with Batch Normalization',
  plain: 'MNIST: without Batch Normalization',
};

/** The normalizations compared, by their own names, for the title of a run with more than BN and plain. */
const TITLE_NAMES: Record<NetId, string> = {
  bn: 'BatchNorm',
  plain: 'no normalization',
  ln: 'LayerNorm',
  gn: 'GroupNorm',
  rms: 'RMSNorm',
};

export function figureTitle(config: TrainConfig | null): string {
  const nets = trainedNets(config);
  if (nets.every((net) => net === 'bn' || net === 'plain')) return TITLES[config?.nets ?? 'both'];
  return `MNIST: ${nets.map((net) => TITLE_NAMES[net]).join(' vs ')}`;
}

/** A choice's label from the settings table ("Adam", "ReLU"), or the value itself. */
function choiceLabel(key: FieldKey, value: string): string {
  const spec = fieldSpec(key);
  return spec.kind === 'choice' ? (spec.options.find((o) => o.value === value)?.label ?? value) : value;
}

/**
 * "Dense(128)→[BN]→ReLU→Dense(10)": the layer chain, BN in brackets as only the BN net has it ("[norm]" when the
 * normalized nets differ by which normalization they have).
 */
export function describeLayers(config: TrainConfig): string {
  const act = choiceLabel('activation', config.activation);
  const normalized = trainedNets(config).filter((net) => net !== 'plain');
  const mark = normalized.length === 1 && normalized[0] === 'bn' ? '[BN]' : '[norm]';
  const hidden = config.layers.map((width, i) => {
    if (normalized.length === 0 || !hasBn(config, i)) return `Dense(${width})→${act}`;
    return config.bnPlace === 'before' ? `Dense(${width})→${mark}→${act}` : `Dense(${width})→${act}→${mark}`;
  });
  return [...hidden, 'Dense(10)'].join('→');
}

export function describeRun(config: TrainConfig, backend: string | null): string {
  const seeds = config.seeds > 1 ? `seeds ${config.seed}–${seedOf(config, config.seeds - 1)}` : `seed ${config.seed}`;
  const parts = [
    describeLayers(config),
    `${choiceLabel('optimizer', config.optimizer)} lr ${config.lr}`,
    `batch ${config.batchSize}`,
    `${config.epochs} epoch${config.epochs === 1 ? '' : 's'}`,
    `${formatInt(config.trainSize)} training examples`,
    `${choiceLabel('init', config.init)} init`,
    seeds,
  ];
  const nets = trainedNets(config);
  if (nets.includes('bn')) {
    parts.push(`BN momentum ${config.bnMomentum}, ε ${config.bnEpsilon}`);
  } else if (nets.some((net) => net !== 'plain')) {
    parts.push(`ε ${config.bnEpsilon}`);
  }
  if (nets.some((net) => net !== 'plain')) {
    if (nets.includes('gn')) parts.push(`GroupNorm ${config.groups} groups`);
    if (!config.bnScale) parts.push('no γ');
    if (!config.bnCenter) parts.push('no β');
    if (!config.denseBias && nets.includes('bn')) parts.push('no bias before BN');
  }
  if (config.seeds > 1) parts.push('mean and min–max over seeds');
  if (backend !== null) parts.push(`TF.js ${backend}`);
  return parts.join(' · ');
}

/** The key under the charts: what each line style means and which marker is which net, named by its settings. */
export function figureKey(config: TrainConfig | null, seeds: number, earlierShown: boolean): string {
  const nets = trainedNets(config)
    .map((net) => `${NET_GLYPH[net]} ${netName(net, config)}`)
    .join(' · ');
  const sentences = [
    seeds >= 2
      ? `Solid: training, dashed with hollow markers: validation on the 10,000 test images, each the mean of ${seeds} seeds; the shaded band spans their min–max.`
      : "Solid: training (mean over the epoch's batches). Dashed, hollow markers: validation on the 10,000 test images.",
    'Faint: the running training mean within the current epoch.',
  ];
  if (earlierShown) sentences.push("Thin faded dashes: earlier runs' validation curves.");
  sentences.push(`${nets}.`);
  return sentences.join(' ');
}
