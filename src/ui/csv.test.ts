// The CSV export: Keras CSVLogger columns plus the net, time, seed and name, ordered by seed and epoch, numbers at
// full precision.
import { describe, expect, it } from 'vitest';
import { DEFAULT_CONFIG } from '../shared/config';
import { CSV_COLUMNS, runsToCsv } from './csv';

const HEADER = 'epoch,model,loss,accuracy,val_loss,val_accuracy,seconds,seed,name';

describe('runsToCsv', () => {
  it('writes a header and one row per epoch and net, with-BN first, named by its settings', () => {
    const csv = runsToCsv(
      [
        {
          bn: [
            { epoch: 1, loss: 0.2345, accuracy: 0.93, valLoss: 0.12, valAccuracy: 0.9632, seconds: 12.5 },
            { epoch: 2, loss: 0.1, accuracy: 0.97, valLoss: 0.09, valAccuracy: 0.9731, seconds: 11 },
          ],
          plain: [{ epoch: 1, loss: 0.3, accuracy: 0.91, valLoss: 0.2, valAccuracy: 0.95, seconds: 9.25 }],
        },
      ],
      DEFAULT_CONFIG,
    );
    expect(CSV_COLUMNS.join(',')).toBe(HEADER);
    expect(csv).toBe(
      [
        HEADER,
        '1,bn,0.2345,0.93,0.12,0.9632,12.5,42,With BN (before ReLU)',
        '1,plain,0.3,0.91,0.2,0.95,9.25,42,No BN',
        '2,bn,0.1,0.97,0.09,0.9731,11,42,With BN (before ReLU)',
        '',
      ].join('\n'),
    );
  });

  it('lists every seed in order, and quotes a name with commas', () => {
    const row = { epoch: 1, loss: 0.2, accuracy: 0.9, valLoss: 0.1, valAccuracy: 0.95, seconds: 1 };
    const config = { ...DEFAULT_CONFIG, seeds: 2, layers: [64, 32, 16], bnLayers: [1, 3] };
    const lines = runsToCsv(
      [
        { bn: [row], plain: [] },
        { bn: [row], plain: [] },
      ],
      config,
    )
      .trim()
      .split('\n');
    expect(lines.slice(1)).toEqual([
      '1,bn,0.2,0.9,0.1,0.95,1,42,"With BN (before ReLU; layers 1, 3 only)"',
      '1,bn,0.2,0.9,0.1,0.95,1,43,"With BN (before ReLU; layers 1, 3 only)"',
    ]);
  });

  it('is just the header without epochs, and keeps a diverged NaN as NaN', () => {
    expect(runsToCsv([{ bn: [], plain: [] }], null)).toBe(`${HEADER}\n`);
    expect(runsToCsv([], null)).toBe(`${HEADER}\n`);
    const csv = runsToCsv(
      [
        {
          bn: [{ epoch: 1, loss: Number.NaN, accuracy: 0.1, valLoss: Number.NaN, valAccuracy: 0.1, seconds: 1 }],
          plain: [],
        },
      ],
      DEFAULT_CONFIG,
    );
    expect(csv.split('\n')[1]).toBe('1,bn,NaN,0.1,NaN,0.1,1,42,With BN (before ReLU)');
  });
});
