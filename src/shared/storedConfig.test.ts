// Settings stored by earlier versions read under today's names.
import { describe, expect, it } from 'vitest';
import { storedSeedIndex, upgradeStoredConfig } from './storedConfig';

describe('upgradeStoredConfig', () => {
  it('renames repeats to seeds, and leaves everything else as it was', () => {
    expect(upgradeStoredConfig({ repeats: 4, lr: 0.01 })).toEqual({ seeds: 4, lr: 0.01 });
    const today = { seeds: 2, lr: 0.01 };
    expect(upgradeStoredConfig(today)).toEqual(today);
  });

  it('keeps today’s name when both are there, and does not change its input', () => {
    const both = { repeats: 4, seeds: 2 };
    expect(upgradeStoredConfig(both)).toEqual({ seeds: 2 });
    expect(both).toEqual({ repeats: 4, seeds: 2 });
  });

  it('reads a divergence’s seed under either name', () => {
    expect(storedSeedIndex({ seedIndex: 1 })).toBe(1);
    expect(storedSeedIndex({ repeat: 2 })).toBe(2);
    expect(storedSeedIndex({})).toBeUndefined();
  });
});
