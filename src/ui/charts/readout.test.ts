// The hover readout's difference lines: one per kind of curve where both nets have a value, signed with a true minus.
import { describe, expect, it } from 'vitest';
import { differenceLines, signed } from './readout';

describe('the hover readout', () => {
  it('signs differences with + and a true minus, and shows zero unsigned', () => {
    expect(signed(0.0123)).toBe('+0.0123');
    expect(signed(-0.0104)).toBe('\u22120.0104');
    expect(signed(0.00001)).toBe('0.0000');
  });

  it('gives BN − plain per kind of curve shown, naming the kind only when there are several', () => {
    expect(
      differenceLines([
        { net: 'bn', role: 'running', value: 0.25 },
        { net: 'plain', role: 'running', value: 0.262 },
      ]),
    ).toEqual(['With BN \u2212 No BN: \u22120.0120']);
    expect(
      differenceLines([
        { net: 'bn', role: 'train', value: 0.11 },
        { net: 'plain', role: 'train', value: 0.1 },
        { net: 'bn', role: 'validation', value: 0.08 },
        { net: 'plain', role: 'validation', value: 0.09 },
        { net: 'plain', role: 'earlier', value: 0.5 },
      ]),
    ).toEqual(['With BN \u2212 No BN (training): +0.0100', 'With BN \u2212 No BN (validation): \u22120.0100']);
  });

  it('says nothing when one net is missing or not finite (switched off, diverged)', () => {
    expect(differenceLines([{ net: 'bn', role: 'validation', value: 0.9 }])).toEqual([]);
    expect(
      differenceLines([
        { net: 'bn', role: 'running', value: Number.NaN },
        { net: 'plain', role: 'running', value: 0.3 },
      ]),
    ).toEqual([]);
  });
});
