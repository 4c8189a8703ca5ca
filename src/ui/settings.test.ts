// The settings form: typed text becomes a config only when every field is valid, with a reason per bad field; and the
// rules behind the widgets (fields that do not apply, BN layer checkboxes, +/− layer, the log slider).
import { describe, expect, it } from 'vitest';
import { defaultConfig } from '../shared/config';
import { FIELDS, type FieldSpec } from '../shared/configFields';
import {
  bnTextWithin,
  bnTextWithLayer,
  draftFromConfig,
  groupLabel,
  groupSummary,
  inapplicableReason,
  isBnLayerChecked,
  layerCount,
  logPosition,
  rangeHint,
  readDraft,
  valueAtLogPosition,
  widthsWithLayerAdded,
  widthsWithLayerRemoved,
} from './settings';

function draftWith(changes: Partial<ReturnType<typeof draftFromConfig>['text']>) {
  const draft = draftFromConfig(defaultConfig());
  return { text: { ...draft.text, ...changes } };
}

describe('settings draft', () => {
  it('round-trips a config with every field changed', () => {
    const config = {
      ...defaultConfig(),
      optimizer: 'momentum' as const,
      lr: 0.0005,
      layers: [300, 100, 50],
      activation: 'sigmoid' as const,
      init: 'gauss' as const,
      denseBias: false,
      bnLayers: [1, 3],
      bnPlace: 'after' as const,
      bnMomentum: 0.9,
      bnEpsilon: 1e-5,
      bnScale: false,
      bnCenter: false,
      nets: 'bn' as const,
      seeds: 4,
      xAxis: 'steps' as const,
      backend: 'wasm' as const,
    };
    expect(readDraft(draftFromConfig(config))).toEqual({ config, errors: {} });
  });

  it('refuses blank, non-numeric, fractional and out-of-range text, field by field', () => {
    const { config, errors } = readDraft(
      draftWith({ epochs: '', batchSize: '12.5', lr: 'fast', trainSize: '99', layers: '64,abc' }),
    );
    expect(config).toBeNull();
    expect(errors).toEqual({
      epochs: 'Epochs must be a number.',
      batchSize: 'Batch size must be a whole number.',
      lr: 'Learning rate must be a number.',
      trainSize: 'Training examples must be between 100 and 60,000.',
      layers: 'Each layer width must be a whole number from 4 to 1,024 (got abc).',
    });
  });

  it('reports BN on a layer the net lacks on the BN field, and only there', () => {
    const { config, errors } = readDraft(draftWith({ layers: '128,64', bnLayers: '1,3' }));
    expect(config).toBeNull();
    expect(errors).toEqual({ bnLayers: 'The net has 2 hidden layers: there is no layer 3.' });
    expect(readDraft(draftWith({ layers: '128,64,32', bnLayers: '1,3' })).errors).toEqual({});
  });

  it('writes ranges as a user would type them', () => {
    const numbers = FIELDS.filter((f): f is Extract<FieldSpec, { kind: 'number' }> => f.kind === 'number');
    expect(Object.fromEntries(numbers.map((f) => [f.key, rangeHint(f)]))).toEqual({
      lr: '0.00001–1',
      batchSize: '1–1,024',
      epochs: '1–100',
      trainSize: '100–60,000',
      seed: '0–2,147,483,647',
      bnMomentum: '0–0.9999',
      bnEpsilon: '1e-8–1',
      groups: '1–64',
      seeds: '1–10',
    });
  });
});

describe('fields that do not apply', () => {
  it('marks the BN fields and the bias before BN as unused when only the plain net trains', () => {
    const text = draftWith({ nets: 'plain' }).text;
    const unused = FIELDS.filter((f) => inapplicableReason(f.key, text) !== null).map((f) => f.key);
    expect(unused).toEqual([
      'denseBias',
      'bnLayers',
      'bnPlace',
      'bnMomentum',
      'bnEpsilon',
      'bnScale',
      'bnCenter',
      'bnImpl',
      'groups',
    ]);
    // GroupNorm's groups matter only when a GroupNorm net trains.
    const unusedByDefault = FIELDS.filter((f) => inapplicableReason(f.key, draftWith({}).text) !== null);
    expect(unusedByDefault.map((f) => f.key)).toEqual(['groups']);
  });

  it('marks the BN-only fields unused when the normalized nets are LayerNorm and RMSNorm only', () => {
    const text = draftWith({ norms: 'none,layer,rms' }).text;
    const unused = FIELDS.filter((f) => inapplicableReason(f.key, text) !== null).map((f) => f.key);
    expect(unused).toEqual(['denseBias', 'bnMomentum', 'bnImpl', 'groups']);
    expect(inapplicableReason('bnMomentum', text)).toBe('Not used: no BN net trains.');
    expect(inapplicableReason('groups', draftWith({ norms: 'group' }).text)).toBeNull();
  });

  it('marks the bias before BN as unused when BN comes after the activation', () => {
    expect(inapplicableReason('denseBias', draftWith({ bnPlace: 'after' }).text)).toMatch(/after the activation/);
  });
});

describe('BN layer checkboxes', () => {
  it('follow the widths being typed, between 1 and 5 boxes', () => {
    expect(layerCount('128,64')).toBe(2);
    expect(layerCount('128, 64 x 32,')).toBe(3);
    expect(layerCount('')).toBe(1);
    expect(layerCount('1,2,3,4,5,6,7')).toBe(5);
  });

  it('read "all" as every box ticked', () => {
    expect([1, 2, 3].map((n) => isBnLayerChecked('all', n, 3))).toEqual([true, true, true]);
    expect([1, 2, 3].map((n) => isBnLayerChecked('1,3', n, 3))).toEqual([true, false, true]);
  });

  it('write every box ticked as "all", and drop layers the net no longer has', () => {
    expect(bnTextWithLayer('all', 2, false, 3)).toBe('1,3');
    expect(bnTextWithLayer('1,3', 2, true, 3)).toBe('all');
    expect(bnTextWithLayer('3', 1, true, 2)).toBe('1');
    expect(bnTextWithLayer('1', 1, false, 2)).toBe('');
  });

  it('lose the removed layer when − drops one', () => {
    expect(bnTextWithin('1,3', 2)).toBe('1');
    expect(bnTextWithin('all', 1)).toBe('all');
    expect(bnTextWithin('3', 2)).toBe('3');
  });
});

describe('− and + on the widths', () => {
  it('repeat the last layer up to 5 layers and drop the last down to 1', () => {
    expect(widthsWithLayerAdded('128,64')).toBe('128,64,64');
    expect(widthsWithLayerAdded('8,8,8,8,8')).toBeNull();
    expect(widthsWithLayerRemoved('128, 64')).toBe('128');
    expect(widthsWithLayerRemoved('128')).toBeNull();
  });

  it('do nothing while the widths are refused', () => {
    expect(widthsWithLayerAdded('64,abc')).toBeNull();
    expect(widthsWithLayerRemoved('2000,64')).toBeNull();
  });
});

describe('the log-scale slider', () => {
  const lr = { min: 1e-5, max: 1 };

  it('sits at log10 of the typed value, clamped, or at the fallback while the text is not a number', () => {
    expect(logPosition('0.001', lr, 0.1)).toBeCloseTo(-3);
    expect(logPosition('5', lr, 0.1)).toBe(0);
    expect(logPosition('0', lr, 0.1)).toBeCloseTo(-1);
    expect(logPosition('fast', lr, 0.001)).toBeCloseTo(-3);
  });

  it('writes round values that the field accepts', () => {
    expect(valueAtLogPosition(-2.5)).toBe('0.003');
    expect(valueAtLogPosition(-3)).toBe('0.001');
    expect(valueAtLogPosition(0)).toBe('1');
    expect(valueAtLogPosition(-5)).toBe('0.00001');
    expect(valueAtLogPosition(-7.5)).toBe('3e-8');
    for (let p = -5; p <= 0; p += 0.05) {
      const text = valueAtLogPosition(p);
      expect(readDraft(draftWith({ lr: text })).errors).toEqual({});
    }
  });
});

describe('group titles', () => {
  it('keep the pair’s titles and fit more nets or other normalizations', () => {
    expect(groupLabel('network', draftWith({}).text)).toBe('Network (both nets)');
    expect(groupLabel('batchnorm', draftWith({}).text)).toBe('BatchNorm (the BN net)');
    const five = draftWith({ norms: 'none,batch,layer,group,rms' }).text;
    expect(groupLabel('network', five)).toBe('Network (all 5 nets)');
    expect(groupLabel('batchnorm', five)).toBe('Normalization (the normalized nets)');
    expect(groupLabel('network', draftWith({ norms: 'batch' }).text)).toBe('Network');
    expect(groupLabel('training', five)).toBe('Training');
  });
});

describe('group summaries', () => {
  it('say in one line what a collapsed group holds', () => {
    expect(groupSummary('network', draftWith({ denseBias: '0' }).text)).toBe(
      '128,64 · ReLU · Glorot (Keras) · Bias before BN off',
    );
    expect(groupSummary('batchnorm', draftWith({}).text)).toBe(
      'BN on layers all · Before act. · Momentum 0.99 · ε 0.001 · Learnable γ on · Learnable β on · TF.js built-in · GroupNorm groups 8',
    );
  });
});
