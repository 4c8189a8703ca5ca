// The settings form: typed text becomes a config only when every field is valid, with a reason per bad field.
import { describe, expect, it } from 'vitest';
import { DEFAULT_CONFIG, NUMERIC_FIELDS, parseNumberText } from '../shared/config';
import { draftFromConfig, rangeHint, readDraft } from './settings';

describe('settings draft', () => {
  it('round-trips a config', () => {
    const config = { ...DEFAULT_CONFIG, lr: 0.0005, backend: 'wasm' as const };
    expect(readDraft(draftFromConfig(config))).toEqual({ config, errors: {} });
  });

  it('refuses blank, non-numeric, fractional and out-of-range text, field by field', () => {
    const draft = draftFromConfig(DEFAULT_CONFIG);
    draft.text = { ...draft.text, epochs: '', batchSize: '12.5', lr: 'fast', trainSize: '99' };
    const { config, errors } = readDraft(draft);
    expect(config).toBeNull();
    expect(errors).toEqual({
      epochs: 'Epochs must be a number.',
      batchSize: 'Batch size must be a whole number.',
      lr: 'Learning rate must be a number.',
      trainSize: 'Training examples must be between 100 and 60,000.',
    });
  });

  it('reads numbers as typed, including exponents', () => {
    expect(parseNumberText(' 1e-4 ')).toBe(0.0001);
    expect(parseNumberText('   ')).toBeNaN();
  });

  it('writes ranges as a user would type them', () => {
    expect(NUMERIC_FIELDS.map(rangeHint)).toEqual(['1–100', '1–1,024', '0.00001–1', '100–60,000', '0–2,147,483,647']);
  });
});
