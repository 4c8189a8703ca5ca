// One-click experiments: each sets every setting (from the blog's defaults) and says in one sentence what to watch.
// Dependency-free. The numbers were chosen by running each preset (see docs/settings.md, "Presets").
import { defaultConfig, type TrainConfig } from './config';

export type PresetId =
  'blog' | 'paper' | 'high-lr' | 'deep-sigmoid' | 'tiny-batch' | 'tiny-norms' | 'every-norm' | 'quick';

export interface Preset {
  id: PresetId;
  name: string;
  /** What to watch for, in one sentence. */
  watch: string;
  /** Settings that differ from the blog's recipe; the backend is never part of a preset. */
  changes: Partial<Omit<TrainConfig, 'backend'>>;
}

export const PRESETS: readonly Preset[] = [
  {
    id: 'blog',
    name: 'Blog recipe',
    watch:
      'On this shallow ReLU net with Adam both nets reach about 98%: BN leads on validation in the first epochs and its validation loss stays lower late, though its training loss stays higher.',
    changes: {},
  },
  {
    id: 'paper',
    name: 'BN paper, Figure 1',
    watch:
      'Three sigmoid layers of 100 trained with plain SGD (learning rate 0.5, our choice: the paper gives none): the BN net’s test accuracy climbs well above the plain net’s over the first thousands of steps.',
    changes: {
      layers: [100, 100, 100],
      activation: 'sigmoid',
      init: 'gauss',
      denseBias: false,
      optimizer: 'sgd',
      lr: 0.5,
      batchSize: 60,
      epochs: 50,
      xAxis: 'steps',
    },
  },
  {
    id: 'high-lr',
    name: 'High learning rate',
    watch:
      'At Adam 0.05, 50× the blog’s rate, the plain net stalls or collapses towards chance while the BN net still trains to about 96%.',
    changes: { lr: 0.05, epochs: 3 },
  },
  {
    id: 'deep-sigmoid',
    name: 'Deep sigmoid',
    watch:
      'Five sigmoid layers saturate and the plain net barely moves for a long while; with BN the same net learns at once.',
    changes: { layers: [100, 100, 100, 100, 100], activation: 'sigmoid', optimizer: 'sgd', lr: 0.1, epochs: 3 },
  },
  {
    id: 'tiny-batch',
    name: 'Tiny batches',
    watch:
      'With 4 examples a batch the batch statistics are noisy and unlike the running averages used at test time: here BN is weakest and falls behind the plain net.',
    changes: { batchSize: 4, trainSize: 10_000, epochs: 2 },
  },
  {
    id: 'tiny-norms',
    name: 'Tiny batches: BN vs LayerNorm vs GroupNorm',
    watch:
      'At 4 examples a batch BN’s batch statistics are noisy and it falls behind the plain net; LayerNorm and GroupNorm take their statistics from each example alone, so batch size cannot hurt them, and they do not fall behind.',
    changes: { batchSize: 4, trainSize: 10_000, epochs: 2, norms: ['none', 'batch', 'layer', 'group'] },
  },
  {
    id: 'every-norm',
    name: 'Every normalization',
    watch:
      'The blog recipe with all five nets from the same weights on the same batches: no normalization, BatchNorm (over the batch), LayerNorm and RMSNorm (over each example’s units) and GroupNorm (over groups of them).',
    changes: { norms: ['none', 'batch', 'layer', 'group', 'rms'] },
  },
  {
    id: 'quick',
    name: 'Quick look',
    watch: 'One epoch on 10,000 examples: the whole comparison in well under a minute.',
    changes: { epochs: 1, trainSize: 10_000 },
  },
];

/** The full config of a preset; the backend is the caller's (a preset does not move the run to another backend). */
export function presetConfig(preset: Preset, backend: TrainConfig['backend']): TrainConfig {
  const config: TrainConfig = { ...defaultConfig(), ...preset.changes, backend };
  // A copy: the preset table is shared and must never be changed through a config.
  return { ...config, layers: [...config.layers], norms: [...config.norms] };
}

/** The preset a config is exactly, if any (so the panel can show which one is on). */
export function matchingPreset(config: TrainConfig): Preset | null {
  const same = (a: TrainConfig, b: TrainConfig): boolean =>
    JSON.stringify({ ...a, backend: '' }) === JSON.stringify({ ...b, backend: '' });
  return PRESETS.find((p) => same(presetConfig(p, config.backend), config)) ?? null;
}
