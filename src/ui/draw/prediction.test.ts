import { describe, expect, it } from 'vitest';
import {
  agreement,
  barFraction,
  confidenceText,
  netPrediction,
  percentText,
  predictionData,
  topClass,
} from './prediction';

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
    expect(agreement({ digit: 3, probability: 0.9 }, { digit: 3, probability: 0.6 })).toEqual({
      kind: 'agree',
      digit: 3,
    });
    expect(agreement({ digit: 3, probability: 0.9 }, { digit: 8, probability: 0.6 })).toEqual({
      kind: 'disagree',
      bn: 3,
      plain: 8,
    });
    expect(agreement(null, { digit: 8, probability: 0.6 })).toBeNull();
  });
});

describe('netPrediction', () => {
  const both = { bn: SEVEN, plain: [...SEVEN].reverse() };

  it('shows nothing without a model or with an empty pad, whatever answers are around', () => {
    expect(netPrediction('no-model', both, 'bn')).toEqual({ kind: 'no-model' });
    expect(netPrediction('empty', both, 'plain')).toEqual({ kind: 'empty' });
  });

  it("shows each net's answer, and keeps it while the next one is pending", () => {
    expect(netPrediction('ready', both, 'bn')).toEqual({
      kind: 'ready',
      probabilities: SEVEN,
      top: { digit: 7, probability: 0.97 },
    });
    expect(netPrediction('pending', both, 'plain')).toMatchObject({
      kind: 'ready',
      top: { digit: 2, probability: 0.97 },
    });
  });

  it('waits for a first answer, and names a net the run did not train', () => {
    expect(netPrediction('pending', null, 'bn')).toEqual({ kind: 'waiting' });
    expect(netPrediction('ready', {}, 'bn')).toEqual({ kind: 'waiting' });
    expect(netPrediction('ready', { plain: SEVEN }, 'bn')).toEqual({ kind: 'untrained' });
  });

  it("says when a net's output is not usable (a diverged net outputs NaN)", () => {
    expect(netPrediction('ready', { bn: Array.from({ length: 10 }, () => Number.NaN) }, 'bn')).toEqual({
      kind: 'invalid',
    });
  });
});

describe('predictionData', () => {
  it('gives the top digit and its probability, or empty strings', () => {
    expect(predictionData(netPrediction('ready', { bn: SEVEN }, 'bn'))).toEqual({ digit: '7', confidence: '0.9700' });
    expect(predictionData({ kind: 'empty' })).toEqual({ digit: '', confidence: '' });
    expect(predictionData({ kind: 'invalid' })).toEqual({ digit: '', confidence: '' });
  });
});
