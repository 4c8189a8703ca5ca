// Earlier runs on the figure: faded validation curves of the shown runs only, labelled by what differed.
import { describe, expect, it } from 'vitest';
import { DEFAULT_CONFIG } from '../../shared/config';
import { earlierCurves, finalAccuracy } from './earlier';
import { row, savedRun } from './runs.fixture';

const NOW = { ...DEFAULT_CONFIG, epochs: 2 };

describe('earlierCurves', () => {
  it('gives each shown run a curve per trained net, labelled by run number, net and difference', () => {
    const runs = [savedRun(3, { lr: 0.03, nets: 'plain' }), savedRun(2, {}, { hidden: true }), savedRun(1)];
    const curves = earlierCurves(runs, NOW, null);
    expect(curves.map((c) => [c.runId, c.net, c.label])).toEqual([
      ['run-3', 'plain', 'Run 3 · No BN (lr 0.03, nets plain)'],
      ['run-1', 'bn', 'Run 1 · With BN (same settings)'],
      ['run-1', 'plain', 'Run 1 · No BN (same settings)'],
    ]);
    expect(curves[1]?.valAccuracy.map((s) => s.mean)).toEqual([0.95, 0.97]);
    expect(curves[1]?.stepsPerEpoch).toBe(1875);
  });

  it('leaves out the run on screen, and labels without a difference when there is nothing to compare with', () => {
    expect(earlierCurves([savedRun(1)], NOW, 'run-1')).toEqual([]);
    expect(earlierCurves([savedRun(1)], null, null)[0]?.label).toBe('Run 1 · With BN');
  });
});

describe('finalAccuracy', () => {
  it('is the last epoch of each net, averaged over the completed seeds', () => {
    const run = savedRun(
      1,
      { seeds: 2 },
      {
        seedRuns: [
          { bn: [row(1, 0.9), row(2, 0.96)], plain: [row(1, 0.9), row(2, 0.94)] },
          { bn: [row(1, 0.9), row(2, 0.98)], plain: [row(1, 0.9)] },
        ],
        divergences: [{ net: 'plain', seedIndex: 1, epoch: 2, step: 3 }],
      },
    );
    const final = finalAccuracy(run);
    expect(final.bn?.value).toBeCloseTo(0.97);
    expect(final.bn?.seeds).toBe(2);
    expect(final.plain).toEqual({ value: 0.94, epoch: 2, seeds: 1 });
  });
});
