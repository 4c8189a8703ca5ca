// Every setting once: its group, label, URL key, range or choices, hint, and how it is read from and written as text.
// The URL, the settings form and the worker's validation all go through this table. Dependency-free.
import { BACKEND_NAMES, MAX_HIDDEN_LAYERS, TRAIN_SET_MAX, type BackendChoice, type TrainConfig } from './config';

/** A value from a link or a saved run, as text for a message (it may be anything, even an object with a cycle). */
function shown(value: unknown): string {
  if (typeof value === 'object' && value !== null) return Array.isArray(value) ? 'a list' : 'an object';
  return typeof value === 'function' ? 'a function' : String(value);
}

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
  | { kind: 'layerSet' };

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
    hint: 'Glorot uniform as Keras, He normal, or N(0, 0.01²) as in the BN paper; both nets start equal.',
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
    key: 'nets',
    url: 'nets',
    group: 'experiment',
    label: 'Nets to train',
    kind: 'choice',
    options: choice(['both', 'Both nets'], ['bn', 'BN net only'], ['plain', 'Plain only']),
    hint: 'Drop a net to halve the time.',
  },
  {
    key: 'repeats',
    url: 'seeds',
    group: 'experiment',
    label: 'Repeat with seeds',
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
    options: choice(['auto', 'auto'], ['webgl', 'webgl (GPU)'], ['wasm', 'wasm (CPU)'], ['cpu', 'cpu (slowest)']),
    hint: 'auto picks the fastest here (webgl on a GPU, else wasm). Changing it reloads the page.',
  },
];

export function fieldSpec(key: FieldKey): FieldSpec {
  const spec = FIELDS.find((f) => f.key === key);
  if (!spec) throw new Error(`No setting named ${key}`);
  return spec;
}

/** A range limit as a user would type it: "60,000", "0.00001" (toLocaleString would round fractions to 3 digits). */
export function formatLimit(n: number): string {
  return Number.isInteger(n) ? n.toLocaleString('en-US') : String(n);
}

/** Plain decimal notation with an optional exponent: what people type and what String(number) writes. */
const NUMBER_TEXT = /^[+-]?(\d+\.?\d*|\.\d+)(e[+-]?\d+)?$/i;
/** "60,000" as the hints write it. */
const GROUPED_THOUSANDS = /^\d{1,3}(,\d{3})+$/;

/** A setting typed as text. Stricter than Number(), which would read blank text as 0 and "0x20" as 32. */
export function parseNumberText(text: string): number {
  const trimmed = text.trim();
  const plain = GROUPED_THOUSANDS.test(trimmed) ? trimmed.replace(/,/g, '') : trimmed;
  return NUMBER_TEXT.test(plain) ? Number(plain) : Number.NaN;
}

/** A list item as a number, or the item itself, so the message can quote what was typed ("got abc", not "got NaN"). */
function listItem(text: string): number | string {
  const n = parseNumberText(text);
  return Number.isNaN(n) ? text : n;
}

const FLAG_TEXT: Record<string, boolean> = {
  '1': true,
  true: true,
  on: true,
  yes: true,
  '0': false,
  false: false,
  off: false,
  no: false,
};

/** Why a value is refused by its field, or null. Takes unknown: the worker checks messages it did not build. */
export function checkValue(spec: FieldSpec, value: unknown): string | null {
  switch (spec.kind) {
    case 'number':
      if (typeof value !== 'number' || !Number.isFinite(value)) return `${spec.label} must be a number.`;
      if (spec.integer && !Number.isInteger(value)) return `${spec.label} must be a whole number.`;
      if (value < spec.min || value > spec.max)
        return `${spec.label} must be between ${formatLimit(spec.min)} and ${formatLimit(spec.max)}.`;
      return null;
    case 'choice':
      return typeof value === 'string' && spec.options.some((o) => o.value === value)
        ? null
        : `${spec.label} must be one of ${spec.options.map((o) => o.value).join(', ')}.`;
    case 'flag':
      return typeof value === 'boolean' ? null : `${spec.label} must be on or off.`;
    case 'widths': {
      if (!Array.isArray(value) || value.length < 1 || value.length > spec.maxCount) {
        return `${spec.label} must list 1 to ${spec.maxCount} widths.`;
      }
      const bad = (value as unknown[]).find(
        (w) => typeof w !== 'number' || !Number.isInteger(w) || w < spec.min || w > spec.max,
      );
      return bad === undefined
        ? null
        : `Each layer width must be a whole number from ${spec.min} to ${formatLimit(spec.max)} (got ${shown(bad)}).`;
    }
    case 'layerSet': {
      if (value === 'all') return null;
      if (!Array.isArray(value) || value.length === 0)
        return `${spec.label} must be "all" or at least one layer number.`;
      const bad = (value as unknown[]).find(
        (n) => typeof n !== 'number' || !Number.isInteger(n) || n < 1 || n > MAX_HIDDEN_LAYERS,
      );
      if (bad !== undefined)
        return `${spec.label}: ${shown(bad)} is not a hidden layer number (1–${MAX_HIDDEN_LAYERS}).`;
      return new Set(value).size === value.length ? null : `${spec.label} lists a layer twice.`;
    }
  }
}

/** Reads a field from text (the URL's or the form's); the value is checked as well as parsed. */
export function parseField(spec: FieldSpec, text: string): Parsed {
  const value = readText(spec, text.trim());
  if (value === undefined) return { ok: false, message: notReadable(spec) };
  const message = checkValue(spec, value);
  return message === null ? { ok: true, value } : { ok: false, message };
}

function readText(spec: FieldSpec, text: string): unknown {
  switch (spec.kind) {
    case 'number':
      return parseNumberText(text);
    case 'choice':
      return text.toLowerCase();
    case 'flag':
      return FLAG_TEXT[text.toLowerCase()];
    case 'widths':
      return text
        .split(/[\s,x×]+/)
        .filter((s) => s !== '')
        .map(listItem);
    case 'layerSet':
      if (text.toLowerCase() === 'all') return 'all';
      return text
        .split(/[\s,]+/)
        .filter((s) => s !== '')
        .map(listItem);
  }
}

function notReadable(spec: FieldSpec): string {
  return spec.kind === 'flag' ? `${spec.label} must be on or off (1 or 0).` : `${spec.label} could not be read.`;
}

/** A value as text: what the URL holds and the form shows. */
export function formatField(spec: FieldSpec, value: unknown): string {
  if (spec.kind === 'flag') return value ? '1' : '0';
  if (Array.isArray(value)) return value.join(',');
  return String(value);
}

export function isBackendChoice(value: string): value is BackendChoice {
  return value === 'auto' || (BACKEND_NAMES as readonly string[]).includes(value);
}
