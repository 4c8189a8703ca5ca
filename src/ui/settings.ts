// The settings form as typed text: what the user is editing, and the config it yields when every field is valid.
// Kept as text so a half-typed value ("0.") is not rewritten under the user's cursor.
import {
  checkNumeric,
  formatLimit,
  NUMERIC_FIELDS,
  parseNumberText,
  type BackendChoice,
  type NumericField,
  type NumericKey,
  type TrainConfig,
} from '../shared/config';

export interface SettingsDraft {
  text: Record<NumericKey, string>;
  backend: BackendChoice;
}

export type FieldErrors = Partial<Record<NumericKey, string>>;

export function draftFromConfig(config: TrainConfig): SettingsDraft {
  return {
    text: {
      epochs: String(config.epochs),
      batchSize: String(config.batchSize),
      lr: String(config.lr),
      trainSize: String(config.trainSize),
      seed: String(config.seed),
    },
    backend: config.backend,
  };
}

/** The config the draft describes, or null with a reason per invalid field. */
export function readDraft(draft: SettingsDraft): { config: TrainConfig | null; errors: FieldErrors } {
  const errors: FieldErrors = {};
  const values: Partial<Record<NumericKey, number>> = {};
  for (const field of NUMERIC_FIELDS) {
    const value = parseNumberText(draft.text[field.key]);
    const reason = checkNumeric(field, value);
    if (reason === null) values[field.key] = value;
    else errors[field.key] = reason;
  }
  const { epochs, batchSize, lr, trainSize, seed } = values;
  if (epochs === undefined || batchSize === undefined || lr === undefined || trainSize === undefined || seed === undefined) {
    return { config: null, errors };
  }
  return { config: { epochs, batchSize, lr, trainSize, seed, backend: draft.backend }, errors };
}

/** "1–100", "0.00001–1", "100–60,000": the range as the user would type it. */
export function rangeHint(field: Pick<NumericField, 'min' | 'max'>): string {
  return `${formatLimit(field.min)}–${formatLimit(field.max)}`;
}
