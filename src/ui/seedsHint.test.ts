import { describe, expect, it } from 'vitest';
import type { BackendInfo } from '../shared/protocol';
import { seedsHint } from './seedsHint';

const info = (backend: BackendInfo['backend'], lanes?: number): BackendInfo => ({
  backend,
  reason: 'measured',
  renderer: null,
  probe: null,
  probeSource: null,
  ...(lanes === undefined ? {} : { seedLanes: { lanes, reason: 'why' } }),
});

describe('seedsHint', () => {
  it('says how several seeds train on this device', () => {
    expect(seedsHint(info('webgl', 0))).toBe('Here they train together on the GPU.');
    expect(seedsHint(info('webgpu'))).toBe('Here they train together on the GPU.');
    expect(seedsHint(info('wasm', 0))).toBe('Here they train one after another: 3 seeds take about 3× as long.');
    expect(seedsHint(info('cpu', 0))).toMatch(/one after another/);
    expect(seedsHint(info('wasm', 2))).toBe('Here up to 3 train at once, on cores of their own.');
  });

  it('says the cost for the number of seeds typed, or for 3 while the field holds none', () => {
    expect(seedsHint(info('wasm', 0), '5')).toBe('Here they train one after another: 5 seeds take about 5× as long.');
    for (const text of ['', '1', 'x', '2.5', '11']) expect(seedsHint(info('wasm', 0), text)).toMatch(/: 3 seeds/);
  });

  it('says nothing before the backend is chosen or when the worker did not say', () => {
    expect(seedsHint(null)).toBeNull();
    expect(seedsHint(info('wasm'))).toBeNull();
  });
});
