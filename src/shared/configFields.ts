// Every setting once: its group, label, URL key, range or choices and hint (fieldText.ts reads and writes it as text).
// The URL, the settings form and the worker's validation all go through this table. Dependency-free.
import { MAX_HIDDEN_LAYERS, TRAIN_SET_MAX, type TrainConfig } from './config';

export type FieldKey = keyof TrainConfig;
export type FieldGroup = 'training' | 'network' | 'batchnorm' | 'experiment';

export const GROUP_LABELS: Record<FieldGroup, string> = {
  training: 'Training',
  network: 'Network (both nets)',
  batchnorm: 'BatchNorm (the BN net)',
  experiment: 'Experiment',
};

export interface ChoiceOption {
  value: string;
  label: string;
}

export type FieldKind =
  | {
      kind: 'number';
      min: number;
      max: number;
      integer: boolean;
      /** Shown and stepped on a log scale. */ log?: boolean;
    }
  | { kind: 'choice'; options: readonly ChoiceOption[] }
  | { kind: 'flag' }
  | { kind: 'widths'; min: number; max: number; maxCount: number }
  | { kind: 'layerSet' }
  /** A comma list of distinct options, at least one, in the options' order. */
  | { kind: 'choiceSet'; options: readonly ChoiceOption[] };

export type FieldSpec = {
  key: FieldKey;
  /** The query-string key: short and readable. */
  url: string;
  /** Older keys still read from links (never written). */
  aliases?: readonly string[];
  group: FieldGroup;
  label: string;
  hint: string;
} & FieldKind;

export type Parsed = { ok: true; value: unknown } | { ok: false; message: string };

const choice = (...pairs: Array<[string, string]>): readonly ChoiceOption[] =>
  pairs.map(([value, label]) => ({ value, label }));

export const FIELDS: readonly FieldSpec[] = [
  {
    key: 'optimizer',
    url: 'opt',
    group: 'training',
    label: 'Optimizer',
    kind: 'choice',
    options: choice(['adam', 'Adam'], ['sgd', 'SGD'], ['momentum', 'Momentum 0.9'], ['rmsprop', 'RMSProp']),
    hint: 'Keras defaults for each (Adam β 0.9/0.999, ε 1e-7; momentum 0.9; RMSProp ρ 0.9).',
  },
  {
    key: 'lr',
    url: 'lr',
    group: 'training',
    label: 'Learning rate',
    kind: 'number',
    min: 1e-5,
    max: 1,
    integer: false,
    log: true,
    hint: 'Step size; the blog uses 0.001 with Adam.',
  },
  {
    key: 'batchSize',
    url: 'batch',
    aliases: ['batchSize'],
    group: 'training',
    label: 'Batch size',
    kind: 'number',
    min: 1,
    max: 1024,
    integer: true,
    hint: 'Examples per step; BN normalizes over each batch.',
  },
  {
    key: 'epochs',
    url: 'epochs',
    group: 'training',
    label: 'Epochs',
    kind: 'number',
    min: 1,
    max: 100,
    integer: true,
    hint: 'Passes over the training set.',
  },
  {
    key: 'trainSize',
    url: 'train',
    aliases: ['trainSize'],
    group: 'training',
    label: 'Training examples',
    kind: 'number',
    min: 100,
    max: TRAIN_SET_MAX,
    integer: true,
    hint: 'Use the first N of the 60,000 for quicker runs.',
  },
  {
    key: 'seed',
    url: 'seed',
    group: 'training',
    label: 'Seed',
    kind: 'number',
    min: 0,
    max: 2 ** 31 - 1,
    integer: true,
    hint: 'Same seed, same initial weights and batch order, same curves.',
  },
  {
    key: 'layers',
    url: 'layers',
    group: 'network',
    label: 'Hidden layers',
    kind: 'widths',
    min: 4,
    max: 1024,
    maxCount: MAX_HIDDEN_LAYERS,
    hint: 'Widths, input side first, e.g. 128,64 (1–5 layers).',
  },
  {
    key: 'activation',
    url: 'act',
    group: 'network',
    label: 'Activation',
    kind: 'choice',
    options: choice(['relu', 'ReLU'], ['sigmoid', 'Sigmoid'], ['tanh', 'Tanh']),
    hint: 'Sigmoid and tanh saturate; BN keeps their inputs in the useful range.',
  },
  {
    key: 'init',
    url: 'init',
    group: 'network',
    label: 'Weight init',
    kind: 'choice',
    options: choice(['glorot', 'Glorot (Keras)'], ['he', 'He normal'], ['gauss', 'Gauss σ 0.01']),
    hint: 'Glorot uniform as Keras, He normal, or N(0, 0.01²) as in the BN paper; every net starts from the same weights.',
  },
  {
    key: 'denseBias',
    url: 'bias',
    group: 'network',
    label: 'Bias before BN',
    kind: 'flag',
    hint: 'Off as the paper advises: BN’s β does the bias’s job.',
  },
  {
    key: 'bnLayers',
    url: 'bn',
    group: 'batchnorm',
    label: 'BN on layers',
    kind: 'layerSet',
    hint: '"all", or hidden layer numbers such as 1,3.',
  },
  {
    key: 'bnPlace',
    url: 'bnpos',
    group: 'batchnorm',
    label: 'BN position',
    kind: 'choice',
    options: choice(['before', 'Before act.'], ['after', 'After act.']),
    hint: 'The paper and the blog put BN before the nonlinearity.',
  },
  {
    key: 'bnMomentum',
    url: 'mom',
    group: 'batchnorm',
    label: 'Momentum',
    kind: 'number',
    min: 0,
    max: 0.9999,
    integer: false,
    hint: 'How slowly the running mean and variance follow the batches (Keras 0.99).',
  },
  {
    key: 'bnEpsilon',
    url: 'eps',
    group: 'batchnorm',
    label: 'ε',
    kind: 'number',
    min: 1e-8,
    max: 1,
    integer: false,
    log: true,
    hint: 'Added to the variance before the square root (Keras 0.001).',
  },
  {
    key: 'bnScale',
    url: 'gamma',
    group: 'batchnorm',
    label: 'Learnable γ',
    kind: 'flag',
    hint: 'Off: the scale stays 1.',
  },
  {
    key: 'bnCenter',
    url: 'beta',
    group: 'batchnorm',
    label: 'Learnable β',
    kind: 'flag',
    hint: 'Off: the shift stays 0.',
  },
  {
    key: 'bnImpl',
    url: 'bnimpl',
    group: 'batchnorm',
    label: 'BN layer',
    kind: 'choice',
    options: choice(['layers', 'TF.js built-in'], ['scratch', 'From scratch']),
    hint: 'The library’s layer, or the one written out here (hand-written backward pass): same results.',
  },
  {
    key: 'groups',
    url: 'groups',
    group: 'batchnorm',
    label: 'GroupNorm groups',
    kind: 'number',
    min: 1,
    max: 64,
    integer: true,
    hint: 'The GroupNorm net normalizes each example over this many groups of units; it must divide every width.',
  },
  {
    key: 'norms',
    url: 'norms',
    group: 'experiment',
    label: 'Normalizations',
    kind: 'choiceSet',
    options: choice(
      ['none', 'None'],
      ['batch', 'BatchNorm'],
      ['layer', 'LayerNorm'],
      ['group', 'GroupNorm'],
      ['rms', 'RMSNorm'],
    ),
    hint: 'One net per choice, all from the same weights and batches; ε, position and layers as for BN.',
  },
  {
    key: 'nets',
    url: 'nets',
    group: 'experiment',
    label: 'Nets to train',
    kind: 'choice',
    options: choice(['both', 'All listed'], ['bn', 'Normalized only'], ['plain', 'Plain only']),
    hint: 'Drop nets to save time: “Normalized only” leaves out the plain net, “Plain only” keeps just it.',
  },
  {
    key: 'seeds',
    url: 'seeds',
    group: 'experiment',
    label: 'Seeds',
    kind: 'number',
    min: 1,
    max: 10,
    integer: true,
    hint: '2–10 runs with seeds seed, seed+1…: mean curves with a min–max band.',
  },
  {
    key: 'xAxis',
    url: 'x',
    group: 'experiment',
    label: 'x-axis',
    kind: 'choice',
    options: choice(['epochs', 'Epochs'], ['steps', 'Steps']),
    hint: 'Steps, as the BN paper plots.',
  },
  {
    key: 'backend',
    url: 'backend',
    group: 'experiment',
    label: 'Backend',
    kind: 'choice',
    options: choice(
      ['auto', 'auto'],
      ['webgl', 'webgl (GPU)'],
      ['wasm', 'wasm (CPU)'],
      ['cpu', 'cpu (slowest)'],
      ['webgpu', 'webgpu (GPU, new)'],
    ),
    hint: 'auto times webgpu, webgl and wasm here and picks the fastest. Changing it reloads the page.',
  },
];

export function fieldSpec(key: FieldKey): FieldSpec {
  const spec = FIELDS.find((f) => f.key === key);
  if (!spec) throw new Error(`No setting named ${key}`);
  return spec;
}
