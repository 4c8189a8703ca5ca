// The divergence notice names the net by its settings, says where it happened, and what the other net did.
import { describe, expect, it } from 'vitest';
import { DEFAULT_CONFIG } from '../shared/config';
import { divergenceText } from './divergenceText';

const d = { net: 'plain' as const, seedIndex: 1, epoch: 2, step: 317 };

describe('divergenceText', () => {
  it('says which net diverged where, and that the other trains on', () => {
    expect(divergenceText(d, DEFAULT_CONFIG, [d], true)).toBe(
      'No BN diverged at epoch 2, step 317 (seed 43): its loss became NaN or infinite, so it stopped; With BN (before ReLU) trains on.',
    );
    expect(divergenceText(d, DEFAULT_CONFIG, [d], false)).toMatch(/trained on\.$/);
  });

  it('does not speak of another net when there is none, or when it diverged too', () => {
    expect(divergenceText(d, { ...DEFAULT_CONFIG, nets: 'plain' }, [d], true)).toMatch(/so it stopped\.$/);
    const both = [d, { ...d, net: 'bn' as const, step: 400 }];
    expect(divergenceText(d, DEFAULT_CONFIG, both, true)).toMatch(/so it stopped\.$/);
  });
});
