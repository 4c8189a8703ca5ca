// The CSV export: Keras CSVLogger columns plus the net and time, ordered by epoch, numbers at full precision.
import { describe, expect, it } from 'vitest';
import { historyToCsv } from './csv';

describe('historyToCsv', () => {
  it('writes a header and one row per epoch and net, with-BN first', () => {
    const csv = historyToCsv({
      bn: [
        { epoch: 1, loss: 0.2345, accuracy: 0.93, valLoss: 0.12, valAccuracy: 0.9632, seconds: 12.5 },
        { epoch: 2, loss: 0.1, accuracy: 0.97, valLoss: 0.09, valAccuracy: 0.9731, seconds: 11 },
      ],
      plain: [{ epoch: 1, loss: 0.3, accuracy: 0.91, valLoss: 0.2, valAccuracy: 0.95, seconds: 9.25 }],
    });
    expect(csv).toBe(
      [
        'epoch,model,loss,accuracy,val_loss,val_accuracy,seconds',
        '1,bn,0.2345,0.93,0.12,0.9632,12.5',
        '1,plain,0.3,0.91,0.2,0.95,9.25',
        '2,bn,0.1,0.97,0.09,0.9731,11',
        '',
      ].join('\n'),
    );
  });

  it('is just the header without epochs, and keeps a diverged NaN as NaN', () => {
    expect(historyToCsv({ bn: [], plain: [] })).toBe('epoch,model,loss,accuracy,val_loss,val_accuracy,seconds\n');
    const csv = historyToCsv({ bn: [{ epoch: 1, loss: Number.NaN, accuracy: 0.1, valLoss: Number.NaN, valAccuracy: 0.1, seconds: 1 }], plain: [] });
    expect(csv.split('\n')[1]).toBe('1,bn,NaN,0.1,NaN,0.1,1');
  });
});
