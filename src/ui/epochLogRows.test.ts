// The epoch log reads in order of seed, epoch and net, and shows where a net diverged.
import { describe, expect, it } from 'vitest';
import { epochLogRows } from './epochLogRows';
import type { EpochRecord } from './epochHistory';

const row = (epoch: number): EpochRecord => ({
  epoch,
  loss: 0.1,
  accuracy: 0.9,
  valLoss: 0.1,
  valAccuracy: 0.9,
  seconds: 1,
});

describe('epochLogRows', () => {
  it('orders rows by seed, epoch, then with-BN first', () => {
    const rows = epochLogRows(
      [
        { bn: [row(1), row(2)], plain: [row(1)] },
        { bn: [row(1)], plain: [row(1)] },
      ],
      [],
    );
    expect(rows.map((r) => `${r.seedIndex}:${r.kind === 'epoch' ? r.record.epoch : '-'}:${r.net}`)).toEqual([
      '0:1:bn',
      '0:1:plain',
      '0:2:bn',
      '1:1:bn',
      '1:1:plain',
    ]);
  });

  it('puts a diverged row where the net stopped', () => {
    const rows = epochLogRows(
      [{ bn: [row(1), row(2)], plain: [row(1)] }],
      [{ net: 'plain', seedIndex: 0, epoch: 2, step: 40 }],
    );
    expect(rows.map((r) => `${r.kind}:${r.net}`)).toEqual(['epoch:bn', 'epoch:plain', 'epoch:bn', 'diverged:plain']);
  });
});
