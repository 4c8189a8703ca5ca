import { describe, expect, it } from 'vitest';
import { defaultConfig } from '../../shared/config';
import { PRESETS } from '../../shared/presets';
import type { EpochRecord } from '../epochHistory';
import {
  checkChallenge,
  compareModes,
  compareNets,
  lowestNet,
  stepConfig,
  TOUR_STEPS,
  verdict,
  type PredictStep,
  type TourRun,
} from './tourSteps';

function row(epoch: number, valAccuracy: number): EpochRecord {
  return { epoch, loss: 0.3, accuracy: 0.9, valLoss: 0.2, valAccuracy, seconds: 5 };
}

function run(over: Partial<TourRun> = {}): TourRun {
  return {
    runId: 1,
    config: defaultConfig(),
    ended: true,
    epochs: { bn: [row(1, 0.971)], plain: [row(1, 0.9651)] },
    diverged: [],
    modeAccuracy: { steps: [], train: [], inference: [] },
    ...over,
  };
}

function predictStep(id: string): PredictStep {
  const step = TOUR_STEPS.find((s) => s.id === id);
  if (!step || step.kind !== 'predict') throw new Error(`no predict step ${id}`);
  return step;
}

describe('the tour steps', () => {
  it('has at least five prediction steps, each with a real preset, choices and a shortened run', () => {
    const predict = TOUR_STEPS.filter((s) => s.kind === 'predict');
    expect(predict.length).toBeGreaterThanOrEqual(5);
    for (const step of predict) {
      expect(PRESETS.some((p) => p.id === step.presetId)).toBe(true);
      expect(step.choices.length).toBeGreaterThanOrEqual(2);
      expect(new Set(step.choices.map((c) => c.id)).size).toBe(step.choices.length);
    }
    expect(TOUR_STEPS.map((s) => s.id)).toEqual([
      'blog',
      'high-lr',
      'sigmoid',
      'tiny-batch',
      'modes',
      'tiny-norms',
      'challenge',
    ]);
  });

  it('runs the preset with the step’s shortening, and only shortens further under the test switch', () => {
    const sigmoid = stepConfig(predictStep('sigmoid'), 'wasm');
    expect(sigmoid).toMatchObject({
      layers: [100, 100, 100],
      activation: 'sigmoid',
      optimizer: 'sgd',
      lr: 0.5,
      batchSize: 60,
      epochs: 2,
      backend: 'wasm',
    });
    expect(sigmoid.trainSize).toBe(60_000);
    const highLr = stepConfig(predictStep('high-lr'), 'auto');
    expect(highLr).toMatchObject({ lr: 0.05, epochs: 1, trainSize: 60_000 });
    expect(stepConfig(predictStep('high-lr'), 'auto', true)).toMatchObject({ lr: 0.05, epochs: 1, trainSize: 2_000 });
  });

  it('every step’s numbers sentence names the measured values', () => {
    const m = compareNets(run(), 0.002);
    expect(m.outcome).toBe('bn');
    expect(m.summary).toContain('0.9710');
    expect(m.summary).toContain('0.9651');
    expect(m.summary).toContain('0.59 points');
  });
});

describe('compareNets', () => {
  it('calls a gap within the tie band a tie, and otherwise names the net ahead', () => {
    expect(compareNets(run({ epochs: { bn: [row(1, 0.96)], plain: [row(1, 0.961)] } }), 0.002).outcome).toBe('tie');
    expect(compareNets(run({ epochs: { bn: [row(1, 0.9)], plain: [row(1, 0.95)] } }), 0.002).outcome).toBe('plain');
  });

  it('compares the last epoch both nets logged', () => {
    const m = compareNets(run({ epochs: { bn: [row(1, 0.9), row(2, 0.95)], plain: [row(1, 0.92)] } }), 0.002);
    expect(m.outcome).toBe('plain');
    expect(m.summary).toContain('After epoch 1');
  });

  it('has nothing to say before an epoch ends', () => {
    expect(compareNets(run({ epochs: { bn: [], plain: [] }, ended: false }), 0.002)).toEqual({
      outcome: null,
      summary: 'No epoch has ended yet.',
    });
  });

  it('counts a diverged net as behind', () => {
    const m = compareNets(run({ epochs: { bn: [row(1, 0.95)], plain: [] }, diverged: ['plain'] }), 0.01);
    expect(m.outcome).toBe('bn');
    expect(m.summary).toMatch(/No BN diverged.*0\.9500/);
  });
});

describe('compareModes', () => {
  it('reads the first reading of the two modes, and the last for contrast', () => {
    const m = compareModes(
      run({ modeAccuracy: { steps: [35, 300], train: [0.83, 0.95], inference: [0.39, 0.94] } }),
      0.02,
    );
    expect(m.outcome).toBe('train');
    expect(m.summary).toBe(
      'At step 35 the BN net scored 83.0% in training mode and 39.0% in inference mode (44.00 points apart). At step 300: 95.0% and 94.0%.',
    );
  });

  it('says so when nothing was recorded', () => {
    expect(compareModes(run(), 0.02).outcome).toBeNull();
  });
});

describe('the challenge', () => {
  it('is met when the plain net reaches the target in its first epoch', () => {
    expect(checkChallenge(run({ epochs: { bn: [], plain: [row(1, 0.9712)] } })).met).toBe(true);
    const short = checkChallenge(run());
    expect(short.met).toBe(false);
    expect(short.summary).toContain('0.9651');
    expect(short.summary).toContain('0.49 points short');
  });

  it('is not met by a run without the plain net', () => {
    expect(checkChallenge(run({ config: { ...defaultConfig(), nets: 'bn' } })).met).toBe(false);
  });
});

describe('verdict', () => {
  const step = predictStep('high-lr');
  it('puts the prediction beside the measurement', () => {
    const v = verdict(step, 'plain', { outcome: 'bn', summary: '' });
    expect(v.agrees).toBe(false);
    expect(v.text).toBe('You predicted “No BN is ahead”; the run measured “With BN is ahead”.');
    expect(verdict(step, 'bn', { outcome: 'bn', summary: '' }).agrees).toBe(true);
    expect(verdict(step, 'bn', { outcome: null, summary: '' }).agrees).toBeNull();
  });
});

describe('the tiny-batch normalizations step', () => {
  it('names the net lowest on validation at the last epoch all have, with every net’s number', () => {
    const m = lowestNet(
      run({
        epochs: { bn: [row(1, 0.9001)], plain: [row(1, 0.9341)], ln: [row(1, 0.9387)], gn: [row(1, 0.93)] },
      }),
    );
    expect(m.outcome).toBe('bn');
    expect(m.summary).toBe(
      'After epoch 1: With BN 0.9001, No BN 0.9341, LayerNorm 0.9387, GroupNorm 0.9300; lowest: With BN.',
    );
    expect(lowestNet(run({ epochs: { bn: [], plain: [] } })).outcome).toBeNull();
    expect(lowestNet(run({ diverged: ['gn'] })).outcome).toBe('gn');
    const step = predictStep('tiny-norms');
    expect(stepConfig(step, 'auto')).toMatchObject({
      batchSize: 4,
      epochs: 1,
      norms: ['none', 'batch', 'layer', 'group'],
    });
  });
});
