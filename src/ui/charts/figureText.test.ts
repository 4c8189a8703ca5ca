// The PNG's subtitle and the figure key describe the run's own settings, not the blog's net.
import { describe, expect, it } from 'vitest';
import { DEFAULT_CONFIG, type TrainConfig } from '../../shared/config';
import { describeLayers, describeRun, figureKey, figureTitle } from './figureText';

const BLOG: TrainConfig = { ...DEFAULT_CONFIG, layers: [128, 64], epochs: 2 };

describe('describeRun', () => {
  it("describes the blog's recipe", () => {
    expect(describeRun(BLOG, 'wasm')).toBe(
      'Dense(128)→[BN]→ReLU→Dense(64)→[BN]→ReLU→Dense(10) · Adam lr 0.001 · batch 32 · 2 epochs · 60,000 training examples · Glorot (Keras) init · seed 42 · BN momentum 0.99, ε 0.001 · TF.js wasm',
    );
  });

  it('follows the optimizer, activation, BN placement and layers, and names the seeds of a several-seed run', () => {
    const config: TrainConfig = {
      ...BLOG,
      optimizer: 'sgd',
      lr: 0.1,
      activation: 'sigmoid',
      bnPlace: 'after',
      bnLayers: [2],
      layers: [32, 16, 8],
      seeds: 3,
      bnScale: false,
    };
    expect(describeLayers(config)).toBe('Dense(32)→Sigmoid→Dense(16)→Sigmoid→[BN]→Dense(8)→Sigmoid→Dense(10)');
    const text = describeRun(config, null);
    expect(text).toContain('SGD lr 0.1');
    expect(text).toContain('seeds 42–44');
    expect(text).toContain('no γ');
    expect(text).not.toContain('TF.js');
  });

  it('leaves BN out when only the plain net trains', () => {
    const config: TrainConfig = { ...BLOG, nets: 'plain' };
    expect(describeRun(config, null)).not.toContain('BN');
    expect(figureTitle(config)).toBe('MNIST: without Batch Normalization');
    expect(figureTitle(null)).toBe('MNIST: with vs without Batch Normalization');
  });
});

describe('figureKey', () => {
  it('names the nets by their settings and mentions bands and earlier runs only when drawn', () => {
    const key = figureKey({ ...BLOG, bnPlace: 'after', activation: 'tanh' }, 1, false);
    expect(key).toContain('● With BN (after tanh) · ▲ No BN.');
    expect(key).not.toContain('band');
    expect(key).not.toContain('earlier');
    expect(figureKey({ ...BLOG, nets: 'bn' }, 3, true)).toMatch(
      /mean of 3 seeds.*min–max.*earlier runs.*● With BN \(before ReLU\)\.$/,
    );
  });
});
