// The run's settings: one typed table, its defaults and ranges, and its (de)serialization to the URL so that a
// link reproduces an experiment. Dependency-free: imported by the UI and validated again in the worker.

export type BackendName = 'webgl' | 'wasm' | 'cpu';
export const BACKEND_NAMES: readonly BackendName[] = ['webgl', 'wasm', 'cpu'];
export type BackendChoice = BackendName | 'auto';

export const TRAIN_SET_MAX = 60_000;
export const TEST_SET_SIZE = 10_000;

export interface TrainConfig {
  epochs: number;
  batchSize: number;
  lr: number;
  /** Train on the first N training examples (quick runs); validation always uses the whole test set. */
  trainSize: number;
  /** Seeds the shared initial weights and the batch order. */
  seed: number;
  backend: BackendChoice;
}

/** The blog's recipe. */
export const DEFAULT_CONFIG: Readonly<TrainConfig> = {
  epochs: 10,
  batchSize: 32,
  lr: 0.001,
  trainSize: TRAIN_SET_MAX,
  seed: 42,
  backend: 'auto',
};

export type NumericKey = Exclude<keyof TrainConfig, 'backend'>;

export interface NumericField {
  key: NumericKey;
  label: string;
  min: number;
  max: number;
  integer: boolean;
  hint: string;
}

export const NUMERIC_FIELDS: readonly NumericField[] = [
  { key: 'epochs', label: 'Epochs', min: 1, max: 100, integer: true, hint: 'Passes over the training set.' },
  { key: 'batchSize', label: 'Batch size', min: 1, max: 1024, integer: true, hint: 'Examples per step; BN normalizes over each batch.' },
  { key: 'lr', label: 'Learning rate', min: 1e-5, max: 1, integer: false, hint: 'Adam step size (the blog uses 0.001).' },
  { key: 'trainSize', label: 'Training examples', min: 100, max: TRAIN_SET_MAX, integer: true, hint: 'Use the first N of the 60,000 for quicker runs.' },
  { key: 'seed', label: 'Seed', min: 0, max: 2 ** 31 - 1, integer: true, hint: 'Same seed, same initial weights and batch order, same curves.' },
];

export interface ConfigProblem {
  key: keyof TrainConfig;
  /** What was given, as text. */
  given: string;
  message: string;
  /** The value used instead, as text. */
  used: string;
}

/** Checks one numeric value; returns a human reason when it is refused. */
export function checkNumeric(field: NumericField, value: number): string | null {
  if (!Number.isFinite(value)) return `${field.label} must be a number.`;
  if (field.integer && !Number.isInteger(value)) return `${field.label} must be a whole number.`;
  if (value < field.min || value > field.max) {
    return `${field.label} must be between ${formatLimit(field.min)} and ${formatLimit(field.max)}.`;
  }
  return null;
}

export function isBackendChoice(value: string): value is BackendChoice {
  return value === 'auto' || (BACKEND_NAMES as readonly string[]).includes(value);
}

/** Validates a whole config (the worker calls this before training); returns every problem found. */
export function validateConfig(config: TrainConfig): ConfigProblem[] {
  const problems: ConfigProblem[] = [];
  for (const field of NUMERIC_FIELDS) {
    const value = config[field.key];
    const reason = typeof value === 'number' ? checkNumeric(field, value) : `${field.label} must be a number.`;
    if (reason !== null) {
      problems.push({ key: field.key, given: String(value), message: reason, used: String(DEFAULT_CONFIG[field.key]) });
    }
  }
  if (typeof config.backend !== 'string' || !isBackendChoice(config.backend)) {
    problems.push({ key: 'backend', given: String(config.backend), message: `Backend must be one of auto, ${BACKEND_NAMES.join(', ')}.`, used: 'auto' });
  }
  return problems;
}

/** Reads settings from a query string. Unknown keys are ignored; a bad value is reported and replaced by its default. */
export function parseConfig(search: string): { config: TrainConfig; problems: ConfigProblem[] } {
  const params = new URLSearchParams(search);
  const config: TrainConfig = { ...DEFAULT_CONFIG };
  const problems: ConfigProblem[] = [];
  for (const field of NUMERIC_FIELDS) {
    const raw = params.get(field.key);
    if (raw === null) continue;
    const value = parseNumberText(raw);
    const reason = checkNumeric(field, value);
    if (reason === null) config[field.key] = value;
    else problems.push({ key: field.key, given: raw, message: reason, used: String(DEFAULT_CONFIG[field.key]) });
  }
  const backend = params.get('backend');
  if (backend !== null) {
    if (isBackendChoice(backend)) config.backend = backend;
    else problems.push({ key: 'backend', given: backend, message: `Backend must be one of auto, ${BACKEND_NAMES.join(', ')}.`, used: 'auto' });
  }
  return { config, problems };
}

/** Writes the settings that differ from the defaults, so links stay short. */
export function serializeConfig(config: TrainConfig): string {
  const params = new URLSearchParams();
  for (const field of NUMERIC_FIELDS) {
    if (config[field.key] !== DEFAULT_CONFIG[field.key]) params.set(field.key, String(config[field.key]));
  }
  if (config.backend !== DEFAULT_CONFIG.backend) params.set('backend', config.backend);
  return params.toString();
}

export function stepsPerEpoch(config: Pick<TrainConfig, 'trainSize' | 'batchSize'>): number {
  // Keras keeps the last, smaller batch: 60,000 / 32 = 1,875 steps.
  return Math.ceil(config.trainSize / config.batchSize);
}

/** A range limit as a user would type it: "60,000", "0.00001" (toLocaleString would round fractions to 3 digits). */
export function formatLimit(n: number): string {
  return Number.isInteger(n) ? n.toLocaleString('en-US') : String(n);
}

/** A setting typed as text, read as Number() does, except that blank text is not zero. */
export function parseNumberText(text: string): number {
  return text.trim() === '' ? Number.NaN : Number(text);
}
