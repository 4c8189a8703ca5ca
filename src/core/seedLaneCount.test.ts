import { describe, expect, it } from 'vitest';
import { MAX_SEED_LANES, seedLaneCount } from './seedLaneCount';

describe('seedLaneCount', () => {
  it('uses no other worker on this kind of machine (2 cores) or when the browser does not say', () => {
    expect(seedLaneCount({ backend: 'wasm', cores: 2, memoryGb: 8 })).toEqual({
      lanes: 0,
      reason: 'seeds train one after another (2 cores; other workers need 4 or more)',
    });
    expect(seedLaneCount({ backend: 'wasm', cores: 3, memoryGb: undefined }).lanes).toBe(0);
    expect(seedLaneCount({ backend: 'cpu', cores: undefined, memoryGb: undefined }).reason).toMatch(/does not say/);
    expect(seedLaneCount({ backend: 'wasm', cores: Number.NaN, memoryGb: undefined }).lanes).toBe(0);
  });

  it('keeps a core for the page and one for the training worker, up to the cap', () => {
    expect(seedLaneCount({ backend: 'wasm', cores: 4, memoryGb: undefined })).toEqual({
      lanes: 2,
      reason: 'up to 3 seeds train at once, in 2 more workers (4 cores)',
    });
    expect(seedLaneCount({ backend: 'cpu', cores: 5, memoryGb: 8 }).lanes).toBe(3);
    expect(seedLaneCount({ backend: 'wasm', cores: 16, memoryGb: 8 }).lanes).toBe(MAX_SEED_LANES);
  });

  it('leaves the GPU backends to the batched step and small-memory devices alone', () => {
    expect(seedLaneCount({ backend: 'webgl', cores: 16, memoryGb: 8 }).lanes).toBe(0);
    expect(seedLaneCount({ backend: 'webgpu', cores: 16, memoryGb: 8 }).reason).toMatch(/GPU/);
    expect(seedLaneCount({ backend: 'wasm', cores: 8, memoryGb: 2 })).toEqual({
      lanes: 0,
      reason: 'seeds train one after another (2 GB of memory; other workers need 4 GB)',
    });
  });

  it('obeys a test switch, within the cap, and ignores a malformed one', () => {
    expect(seedLaneCount({ backend: 'wasm', cores: 2, memoryGb: undefined, forced: 2 }).lanes).toBe(2);
    expect(seedLaneCount({ backend: 'webgl', cores: 2, memoryGb: undefined, forced: 0 }).lanes).toBe(0);
    expect(seedLaneCount({ backend: 'wasm', cores: 2, memoryGb: undefined, forced: 99 }).lanes).toBe(MAX_SEED_LANES);
    expect(seedLaneCount({ backend: 'wasm', cores: 2, memoryGb: undefined, forced: -1 }).lanes).toBe(0);
    expect(seedLaneCount({ backend: 'wasm', cores: 8, memoryGb: undefined, forced: 1.5 }).lanes).toBe(4);
  });
});
