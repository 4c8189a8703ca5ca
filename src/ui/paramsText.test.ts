import { describe, expect, it } from 'vitest';
import { DEFAULT_CONFIG } from '../shared/config';
import { paramsText } from './paramsText';

describe('paramsText', () => {
  it('gives each trained net its parameter count, and the trainable part when BN keeps statistics', () => {
    expect(
      paramsText(
        { bn: { total: 110_154, trainable: 109_770 }, plain: { total: 109_386, trainable: 109_386 } },
        DEFAULT_CONFIG,
      ),
    ).toBe('With BN (before ReLU): 110,154 parameters, 109,770 trainable · No BN: 109,386 parameters');
    expect(paramsText({ plain: { total: 109_386, trainable: 109_386 } }, DEFAULT_CONFIG)).toBe(
      'No BN: 109,386 parameters',
    );
    expect(paramsText(null, null)).toBe('');
  });
});
