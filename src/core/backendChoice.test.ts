import * as tf from '@tensorflow/tfjs';
import '@tensorflow/tfjs-backend-wasm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { chooseBackend, type ChoiceDeps } from './backendChoice';
import { probeActiveBackend } from './backendProbe';
import type { BackendName } from '../shared/config';
import type { BackendProbe } from '../shared/protocol';
import { useCpuBackend } from '../test-support/tfCpu';

beforeAll(useCpuBackend);
afterAll(async () => {
  await tf.setBackend('cpu');
});

const GPU = 'ANGLE (NVIDIA, NVIDIA GeForce RTX 3060 Direct3D11)';
const SOFTWARE = 'ANGLE (Google, Vulkan 1.3.0 (SwiftShader Device (Subzero)), SwiftShader driver)';
const KEY = 'device A';
const NOW = new Date('2026-11-27T08:00:00Z');

/** Deps that pretend: each backend starts (unless listed as broken) and probes at the given rate. */
function fake(
  rates: Partial<Record<BackendName, number>>,
  broken: BackendName[] = [],
): ChoiceDeps & { activated: BackendName[]; probed: BackendName[] } {
  let active: BackendName | null = null;
  const activated: BackendName[] = [];
  const probed: BackendName[] = [];
  return {
    activated,
    probed,
    activate: async (name) => {
      activated.push(name);
      if (broken.includes(name)) return false;
      active = name;
      return true;
    },
    probe: async () => {
      if (!active) throw new Error('no backend');
      probed.push(active);
      const r = rates[active];
      if (r === undefined) throw new Error(`${active} has no rate`);
      return r;
    },
    now: () => NOW,
  };
}

describe('chooseBackend', () => {
  it('on a real GPU times WebGL and WASM and takes the faster', async () => {
    const deps = fake({ webgl: 21000, wasm: 7000 });
    const chosen = await chooseBackend('auto', GPU, KEY, null, deps);
    expect(chosen.backend).toBe('webgl');
    expect(deps.probed).toEqual(['webgl', 'wasm']);
    expect(chosen.probeSource).toBe('measured');
    expect(chosen.probe).toEqual({
      deviceKey: KEY,
      backend: 'webgl',
      rates: { webgl: 21000, wasm: 7000 },
      measuredAt: NOW.toISOString(),
    });
    expect(chosen.reason).toContain('webgl 21,000 samples/s vs wasm 7,000 samples/s');
    // The winner is active at the end, not the last one timed.
    expect(deps.activated.at(-1)).toBe('webgl');

    const slowGpu = fake({ webgl: 3000, wasm: 7000 });
    expect((await chooseBackend('auto', GPU, KEY, null, slowGpu)).backend).toBe('wasm');
  });

  it('with software WebGL times only WASM, and says why', async () => {
    const deps = fake({ wasm: 6500 });
    const chosen = await chooseBackend('auto', SOFTWARE, KEY, null, deps);
    expect(chosen.backend).toBe('wasm');
    expect(deps.probed).toEqual(['wasm']);
    expect(chosen.reason).toMatch(/software-rendered \(SwiftShader\).*measured now: wasm 6,500 samples\/s/);
  });

  it('reuses an earlier probe of the same device without timing again, and re-times on another device', async () => {
    const earlier: BackendProbe = {
      deviceKey: KEY,
      backend: 'wasm',
      rates: { webgl: 3000, wasm: 7000 },
      measuredAt: '2026-11-20T10:00:00.000Z',
    };
    const deps = fake({ webgl: 21000, wasm: 7000 });
    const chosen = await chooseBackend('auto', GPU, KEY, earlier, deps);
    expect(chosen).toMatchObject({ backend: 'wasm', probeSource: 'cached', probe: earlier });
    expect(chosen.reason).toContain('measured on 2026-11-20');
    expect(deps.probed).toEqual([]);

    const other = fake({ webgl: 21000, wasm: 7000 });
    const fresh = await chooseBackend('auto', GPU, 'device B', earlier, other);
    expect(fresh).toMatchObject({ backend: 'webgl', probeSource: 'measured' });
  });

  it('skips a backend that does not start and names it', async () => {
    const deps = fake({ wasm: 7000 }, ['webgl']);
    const chosen = await chooseBackend('auto', GPU, KEY, null, deps);
    expect(chosen.backend).toBe('wasm');
    expect(chosen.reason).toContain('webgl did not start');
  });

  it('falls back to the usual order when nothing could be timed', async () => {
    const deps = fake({}, ['webgl', 'wasm']);
    const chosen = await chooseBackend('auto', null, KEY, null, deps);
    // The real activation then runs: WASM is registered in these tests.
    expect(chosen.backend).toBe('wasm');
    expect(chosen.probe).toBeNull();
    expect(chosen.reason).toContain('the probe failed: wasm did not start');
    await tf.setBackend('cpu');
  });

  it('does not time a backend the URL forces', async () => {
    const deps = fake({ cpu: 1 });
    const chosen = await chooseBackend('cpu', GPU, KEY, null, deps);
    expect(chosen).toMatchObject({ backend: 'cpu', probe: null, probeSource: null });
    expect(deps.probed).toEqual([]);
  });
});

describe('probeActiveBackend', () => {
  it('times the app step on the active backend and frees everything', async () => {
    await tf.setBackend('cpu');
    const before = tf.memory().numTensors;
    const rate = await probeActiveBackend(1, 2);
    expect(rate).toBeGreaterThan(0);
    expect(Number.isFinite(rate)).toBe(true);
    expect(tf.memory().numTensors).toBe(before);
  });
});
