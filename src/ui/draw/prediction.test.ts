import { describe, expect, it } from 'vitest';
import { agreement, barFraction, confidenceText, percentText, topClass } from './prediction';

const SEVEN = [0.001, 0.002, 0.01, 0.003, 0.0001, 0.0009, 0.001, 0.97, 0.01, 0.002];

describe('topClass', () => {
  it('finds the most probable digit', () => {
    expect(topClass(SEVEN)).toEqual({ digit: 7, probability: 0.97 });
  });

  it('takes the first of equal probabilities', () => {
    expect(topClass(Array.from({ length: 10 }, () => 0.1))).toEqual({ digit: 0, probability: 0.1 });
  });

  it('refuses outputs that are not ten finite numbers', () => {
    expect(topClass([])).toBeNull();
    expect(topClass(SEVEN.slice(0, 9))).toBeNull();
    expect(topClass([...SEVEN.slice(0, 9), Number.NaN])).toBeNull();
  });
});

describe('texts', () => {
  it('writes the confidence as a plain decimal', () => {
    expect(confidenceText(0.97)).toBe('0.9700');
    expect(Number(confidenceText(0.123456))).toBeCloseTo(0.1235, 6);
  });

  it('writes percents, without calling a tiny probability zero', () => {
    expect(percentText(0.973)).toBe('97.3%');
    expect(percentText(0)).toBe('0.0%');
    expect(percentText(0.0001)).toBe('<0.1%');
    expect(percentText(1)).toBe('100.0%');
  });

  it('clamps bar widths', () => {
    expect(barFraction(0.5)).toBe(0.5);
    expect(barFraction(1.0000001)).toBe(1);
    expect(barFraction(-0.1)).toBe(0);
    expect(barFraction(Number.NaN)).toBe(0);
  });
});

describe('agreement', () => {
  it('says whether both nets read the same digit', () => {
    expect(agreement({ digit: 3, probability: 0.9 }, { digit: 3, probability: 0.6 })).toEqual({ kind: 'agree', digit: 3 });
    expect(agreement({ digit: 3, probability: 0.9 }, { digit: 8, probability: 0.6 })).toEqual({ kind: 'disagree', bn: 3, plain: 8 });
    expect(agreement(null, { digit: 8, probability: 0.6 })).toBeNull();
  });
});
