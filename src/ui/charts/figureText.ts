// The figure's words: the exported PNG's title and one-line summary of the run's settings (so a saved PNG is
// self-explanatory), and the key under the charts, which names the nets by their settings.
import { hasBn, repeatSeed, type TrainConfig } from '../../shared/config';
import { fieldSpec, type FieldKey } from '../../shared/configFields';
import { netName, trainedNets } from '../../shared/netNames';
import { formatInt } from '../format';
import { NET_GLYPH } from './palette';

const TITLES: Record<TrainConfig['nets'], string> = {
  both: 'MNIST: with vs without Batch Normalization',
  bn: 'MNIST: with Batch Normalization',
  plain: 'MNIST: without Batch Normalization',
};

export function figureTitle(config: TrainConfig | null): string {
  return TITLES[config?.nets ?? 'both'];
}

/** A choice's label from the settings table ("Adam", "ReLU"), or the value itself. */
function choiceLabel(key: FieldKey, value: string): string {
  const spec = fieldSpec(key);
  return spec.kind === 'choice' ? (spec.options.find((o) => o.value === value)?.label ?? value) : value;
}

/** "Dense(128)→[BN]→ReLU→Dense(10)": the layer chain, BN in brackets as only the BN net has it. */
export function describeLayers(config: TrainConfig): string {
  const act = choiceLabel('activation', config.activation);
  const withBn = config.nets !== 'plain';
  const hidden = config.layers.map((width, i) => {
    if (!withBn || !hasBn(config, i)) return `Dense(${width})→${act}`;
    return config.bnPlace === 'before' ? `Dense(${width})→[BN]→${act}` : `Dense(${width})→${act}→[BN]`;
  });
  return [...hidden, 'Dense(10)'].join('→');
}

export function describeRun(config: TrainConfig, backend: string | null): string {
  const seeds =
    config.repeats > 1 ? `seeds ${config.seed}–${repeatSeed(config, config.repeats - 1)}` : `seed ${config.seed}`;
  const parts = [
    describeLayers(config),
    `${choiceLabel('optimizer', config.optimizer)} lr ${config.lr}`,
    `batch ${config.batchSize}`,
    `${config.epochs} epoch${config.epochs === 1 ? '' : 's'}`,
    `${formatInt(config.trainSize)} training examples`,
    `${choiceLabel('init', config.init)} init`,
    seeds,
  ];
  if (config.nets !== 'plain') {
    parts.push(`BN momentum ${config.bnMomentum}, ε ${config.bnEpsilon}`);
    if (!config.bnScale) parts.push('no γ');
    if (!config.bnCenter) parts.push('no β');
    if (!config.denseBias) parts.push('no bias before BN');
  }
  if (config.repeats > 1) parts.push('mean and min–max over seeds');
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
