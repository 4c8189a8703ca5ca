import { describe, expect, it } from 'vitest';
import { loadProbe, PROBE_KEY, saveProbe, type ProbeStorage } from './backendProbeStore';
import type { BackendProbe } from '../shared/protocol';

function memoryStorage(initial: Record<string, string> = {}): ProbeStorage & { items: Record<string, string> } {
  const items = { ...initial };
  return { items, getItem: (k) => items[k] ?? null, setItem: (k, v) => void (items[k] = v) };
}

const PROBE: BackendProbe = {
  deviceKey: 'GPU X | Chrome | tfjs 4.22.0',
  backend: 'webgl',
  rates: { webgl: 20000, wasm: 7000 },
  measuredAt: '2026-11-27T08:00:00.000Z',
};

describe('the stored backend probe', () => {
  it('round-trips', () => {
    const storage = memoryStorage();
    saveProbe(storage, PROBE);
    expect(loadProbe(storage)).toEqual(PROBE);
  });

  it.each([
    ['nothing stored', null],
    ['not JSON', '{oops'],
    ['not an object', '42'],
    ['an unknown backend', JSON.stringify({ ...PROBE, backend: 'webgpu' })],
    ['a rate that is not a number', JSON.stringify({ ...PROBE, rates: { webgl: 'fast' } })],
    ['a negative rate', JSON.stringify({ ...PROBE, rates: { webgl: -1 } })],
    ['no rate for the winner', JSON.stringify({ ...PROBE, rates: { wasm: 7000 } })],
    ['no device key', JSON.stringify({ ...PROBE, deviceKey: 3 })],
  ])('reads %s as no probe', (_, text) => {
    expect(loadProbe(memoryStorage(text === null ? {} : { [PROBE_KEY]: text }))).toBeNull();
  });

  it('survives a storage that throws, or none at all', () => {
    const throwing: ProbeStorage = {
      getItem: () => {
        throw new Error('denied');
      },
      setItem: () => {
        throw new Error('quota');
      },
    };
    expect(loadProbe(throwing)).toBeNull();
    expect(() => saveProbe(throwing, PROBE)).not.toThrow();
    expect(loadProbe(null)).toBeNull();
  });
});
