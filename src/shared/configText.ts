// Settings as text, both ways: the query string of a shareable link, the settings form's fields, and the whole-config
// check the worker runs on what it receives. All three read through the field table. Dependency-free.
import { defaultConfig, DEFAULT_CONFIG, type TrainConfig } from './config';
import { trainedNets } from './netNames';
import { FIELDS, fieldSpec, type FieldKey } from './configFields';
import { checkValue, formatField, parseField } from './fieldText';

export interface ConfigProblem {
  key: FieldKey;
  /** The URL key (or the field's label) as the user sees it. */
  name: string;
  /** What was given, as text. */
  given: string;
  message: string;
  /** The value used instead, as text. */
  used: string;
}

export type FieldTexts = Record<FieldKey, string>;
export type FieldErrors = Partial<Record<FieldKey, string>>;

/** Rules that tie two fields together; each is reported on the field to change. */
export function crossCheck(config: TrainConfig): FieldErrors {
  const errors: FieldErrors = {};
  if (Array.isArray(config.bnLayers) && Array.isArray(config.layers)) {
    const missing = config.bnLayers.filter((n) => n > config.layers.length);
    if (missing.length > 0) {
      const count = config.layers.length;
      errors.bnLayers = `The net has ${count} hidden layer${count === 1 ? '' : 's'}: there is no layer ${missing.join(', ')}.`;
    }
  }
  if (Array.isArray(config.norms) && Array.isArray(config.layers)) {
    if (config.norms.includes('group')) {
      const uneven = config.layers.filter((w) => w % config.groups !== 0);
      if (uneven.length > 0) {
        errors.groups = `GroupNorm's ${config.groups} groups must divide every hidden width; ${uneven.join(', ')} ${uneven.length === 1 ? 'does' : 'do'} not divide by ${config.groups}.`;
      }
    }
    if (trainedNets(config).length === 0) {
      errors.nets =
        config.nets === 'plain'
          ? 'Plain only keeps the net without normalization, but the normalizations do not list none.'
          : 'Normalized only leaves out the plain net, but the normalizations list none alone.';
    }
  }
  return errors;
}

function assign(config: TrainConfig, key: FieldKey, value: unknown): void {
  // Every value reaching here has passed its field's check, which is what makes this write type-correct.
  (config as unknown as Record<FieldKey, unknown>)[key] = value;
}

function defaultText(key: FieldKey): string {
  const spec = FIELDS.find((f) => f.key === key);
  return spec ? formatField(spec, DEFAULT_CONFIG[key]) : '';
}

/** Reads settings from a query string. Unknown keys are ignored; each bad value is reported and its default used. */
export function parseConfig(search: string): { config: TrainConfig; problems: ConfigProblem[] } {
  const params = new URLSearchParams(search);
  const config = defaultConfig();
  const problems: ConfigProblem[] = [];
  for (const spec of FIELDS) {
    const name = [spec.url, ...(spec.aliases ?? [])].find((k) => params.has(k));
    if (name === undefined) continue;
    const given = params.get(name) ?? '';
    const parsed = parseField(spec, given);
    if (parsed.ok) assign(config, spec.key, parsed.value);
    else problems.push({ key: spec.key, name, given, message: parsed.message, used: defaultText(spec.key) });
  }
  for (const [key, message] of Object.entries(crossCheck(config)) as Array<[FieldKey, string]>) {
    const spec = FIELDS.find((f) => f.key === key);
    if (!spec) continue;
    problems.push({ key, name: spec.url, given: formatField(spec, config[key]), message, used: defaultText(key) });
    assign(config, key, structuredClone(DEFAULT_CONFIG[key]));
  }
  // A default can still clash (GroupNorm's 8 default groups with a width of 60): then the nets fall back to the pair.
  const left = Object.values(crossCheck(config));
  if (left.length > 0) {
    const spec = fieldSpec('norms');
    const given = formatField(spec, config.norms);
    problems.push({ key: 'norms', name: spec.url, given, message: left.join(' '), used: defaultText('norms') });
    config.norms = [...DEFAULT_CONFIG.norms];
  }
  return { config, problems };
}

/** Writes the settings that differ from the defaults, in the table's order, so links stay short and stable. */
export function serializeConfig(config: TrainConfig): string {
  const params = new URLSearchParams();
  for (const spec of FIELDS) {
    const text = formatField(spec, config[spec.key]);
    if (text !== defaultText(spec.key)) params.set(spec.url, text);
  }
  // Commas and the like read better unescaped, and URLSearchParams reads them back either way.
  return params.toString().replace(/%2C/g, ',');
}

/** A received value as text; never throws (a message may carry a BigInt or a cycle, which JSON.stringify refuses). */
function describe(value: unknown): string {
  try {
    return JSON.stringify(value) ?? 'nothing';
  } catch {
    return String(typeof value);
  }
}

/** Validates a whole config received from elsewhere (the worker does this); returns every problem found. */
export function validateConfig(config: unknown): ConfigProblem[] {
  if (typeof config !== 'object' || config === null) {
    return [
      {
        key: 'epochs',
        name: 'settings',
        given: String(config),
        message: 'The settings are missing.',
        used: 'defaults',
      },
    ];
  }
  const record = config as Record<string, unknown>;
  const problems: ConfigProblem[] = [];
  for (const spec of FIELDS) {
    const message = checkValue(spec, record[spec.key]);
    if (message !== null) {
      problems.push({
        key: spec.key,
        name: spec.url,
        given: describe(record[spec.key]),
        message,
        used: defaultText(spec.key),
      });
    }
  }
  if (problems.length > 0) return problems;
  const checked = config as TrainConfig;
  return (Object.entries(crossCheck(checked)) as Array<[FieldKey, string]>).map(([key, message]) => ({
    key,
    name: fieldSpec(key).url,
    given: describe(checked[key]),
    message,
    used: defaultText(key),
  }));
}

export function configToTexts(config: TrainConfig): FieldTexts {
  const texts = {} as FieldTexts;
  for (const spec of FIELDS) texts[spec.key] = formatField(spec, config[spec.key]);
  return texts;
}

/** The config the form's texts describe, or null with a reason per refused field. */
export function configFromTexts(texts: FieldTexts): { config: TrainConfig | null; errors: FieldErrors } {
  const config = defaultConfig();
  const errors: FieldErrors = {};
  for (const spec of FIELDS) {
    const parsed = parseField(spec, texts[spec.key]);
    if (parsed.ok) assign(config, spec.key, parsed.value);
    else errors[spec.key] = parsed.message;
  }
  // A field's own refusal says more than a rule that ties it to another field.
  for (const [key, message] of Object.entries(crossCheck(config)) as Array<[FieldKey, string]>) errors[key] ??= message;
  return Object.keys(errors).length === 0 ? { config, errors } : { config: null, errors };
}
