import { describe, expect, it } from 'vitest';
import { defaultConfig } from '../../shared/config';
import { checkModelName } from '../../shared/modelName';
import { accuracySummary, savedWhen, settingsSummary, suggestName } from './naming';

// Built from local parts, so the expected text holds in every time zone.
const WHEN = new Date(2026, 10, 27, 5, 40, 59);

describe('suggestName', () => {
  it('names the training settings and the local time, to the minute', () => {
    expect(suggestName(defaultConfig(), WHEN)).toBe('adam-0.001-b32-e10 2026-11-27 05:40');
    expect(
      suggestName({ optimizer: 'momentum', lr: 0.00001, batchSize: 1024, epochs: 100 }, new Date(2027, 0, 2, 23, 5)),
    ).toBe('momentum-0.00001-b1024-e100 2027-01-02 23:05');
  });

  it('is always a name the store accepts', () => {
    const longest = suggestName({ optimizer: 'momentum', lr: 0.000123456789, batchSize: 1024, epochs: 100 }, WHEN);
    expect(checkModelName(longest)).toEqual({ ok: true, name: longest });
  });
});

describe('savedWhen', () => {
  it('writes the saved time like the suggested names, and keeps text that is not a date', () => {
    expect(savedWhen(WHEN.toISOString())).toBe('2026-11-27 05:40');
    expect(savedWhen('some day')).toBe('some day');
  });
});

describe('settingsSummary', () => {
  it('says the shape and training of the nets in one line', () => {
    expect(settingsSummary(defaultConfig())).toBe('128×64 relu · adam lr 0.001 · batch 32 · 10 epochs');
    expect(
      settingsSummary({
        ...defaultConfig(),
        layers: [100, 100, 100],
        activation: 'sigmoid',
        epochs: 1,
        trainSize: 3000,
        nets: 'plain',
      }),
    ).toBe('100×100×100 sigmoid · adam lr 0.001 · batch 32 · 1 epoch · 3,000 examples · No BN only');
  });
});

describe('accuracySummary', () => {
  it('gives each recorded net its val_accuracy as a percentage', () => {
    expect(accuracySummary({ bn: 0.9781, plain: 0.97104 })).toBe('With BN 97.8% · No BN 97.1%');
    expect(accuracySummary({ plain: 0.5 })).toBe('No BN 50.0%');
    expect(accuracySummary({})).toBe('');
  });
});
