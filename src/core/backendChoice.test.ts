import * as tf from '@tensorflow/tfjs';
import '@tensorflow/tfjs-backend-wasm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { chooseBackend, type ChoiceDeps, type DeviceFacts } from './backendChoice';
import { NO_ADAPTER, NO_WEBGPU, type WebGpuFacts } from './gpuAdapter';
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
const HARDWARE_WEBGPU: WebGpuFacts = { kind: 'hardware', adapter: 'nvidia ampere' };

function device(renderer: string | null, key = KEY, webgpu: WebGpuFacts = NO_WEBGPU): DeviceFacts {
  return { renderer, webgpu, key };
}

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
    const chosen = await chooseBackend('auto', device(GPU, KEY), null, deps);
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
    expect((await chooseBackend('auto', device(GPU, KEY), null, slowGpu)).backend).toBe('wasm');
  });

  it('with software WebGL times only WASM, and says why', async () => {
    const deps = fake({ wasm: 6500 });
    const chosen = await chooseBackend('auto', device(SOFTWARE, KEY), null, deps);
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
    const chosen = await chooseBackend('auto', device(GPU, KEY), earlier, deps);
    expect(chosen).toMatchObject({ backend: 'wasm', probeSource: 'cached', probe: earlier });
    expect(chosen.reason).toContain('measured on 2026-11-20');
    expect(deps.probed).toEqual([]);

    const other = fake({ webgl: 21000, wasm: 7000 });
    const fresh = await chooseBackend('auto', device(GPU, 'device B'), earlier, other);
    expect(fresh).toMatchObject({ backend: 'webgl', probeSource: 'measured' });
  });

  it('skips a backend that does not start and names it', async () => {
    const deps = fake({ wasm: 7000 }, ['webgl']);
    const chosen = await chooseBackend('auto', device(GPU, KEY), null, deps);
    expect(chosen.backend).toBe('wasm');
    expect(chosen.reason).toContain('webgl did not start');
  });

  it('falls back to the usual order when nothing could be timed', async () => {
    const deps = fake({}, ['webgl', 'wasm']);
    const chosen = await chooseBackend('auto', device(null, KEY), null, deps);
    // The real activation then runs: WASM is registered in these tests.
    expect(chosen.backend).toBe('wasm');
    expect(chosen.probe).toBeNull();
    expect(chosen.reason).toContain('the probe failed: wasm did not start');
    await tf.setBackend('cpu');
  });

  it('times WebGPU first where it offers a hardware adapter, and takes the fastest of the three', async () => {
    const deps = fake({ webgpu: 40000, webgl: 21000, wasm: 7000 });
    const chosen = await chooseBackend('auto', device(GPU, KEY, HARDWARE_WEBGPU), null, deps);
    expect(deps.probed).toEqual(['webgpu', 'webgl', 'wasm']);
    expect(chosen.backend).toBe('webgpu');
    expect(chosen.reason).toContain('webgpu 40,000 samples/s vs webgl 21,000 samples/s vs wasm 7,000 samples/s');
    expect(deps.activated.at(-1)).toBe('webgpu');

    // Slower than WebGL here: timed, not chosen.
    const slow = fake({ webgpu: 9000, webgl: 21000, wasm: 7000 });
    expect((await chooseBackend('auto', device(GPU, KEY, HARDWARE_WEBGPU), null, slow)).backend).toBe('webgl');

    // A hardware WebGPU beside software WebGL: WebGPU against WASM.
    const noWebGl = fake({ webgpu: 30000, wasm: 7000 });
    const picked = await chooseBackend('auto', device(SOFTWARE, KEY, HARDWARE_WEBGPU), null, noWebGl);
    expect(noWebGl.probed).toEqual(['webgpu', 'wasm']);
    expect(picked.backend).toBe('webgpu');
  });

  it('never times (or loads) WebGPU without a hardware adapter, and says why it was skipped', async () => {
    const deps = fake({ webgpu: 99000, wasm: 6500 });
    const fallback: WebGpuFacts = { kind: 'none', why: 'WebGPU offers only a fallback (software) adapter (google)' };
    const chosen = await chooseBackend('auto', device(SOFTWARE, KEY, fallback), null, deps);
    expect(deps.activated).not.toContain('webgpu');
    expect(deps.probed).toEqual(['wasm']);
    expect(chosen.reason).toContain('WebGPU not timed: WebGPU offers only a fallback (software) adapter');

    // No WebGPU at all, or no adapter: nothing to say about it.
    const plain = await chooseBackend('auto', device(SOFTWARE), null, fake({ wasm: 6500 }));
    expect(plain.reason).not.toContain('WebGPU');
    const none = await chooseBackend('auto', device(SOFTWARE, KEY, NO_ADAPTER), null, fake({ wasm: 6500 }));
    expect(none.reason).not.toContain('WebGPU');
  });

  it('reuses a cached WebGPU choice only while the adapter is still there', async () => {
    const earlier: BackendProbe = {
      deviceKey: KEY,
      backend: 'webgpu',
      rates: { webgpu: 40000, webgl: 21000, wasm: 7000 },
      measuredAt: '2026-11-20T10:00:00.000Z',
    };
    const same = fake({ webgpu: 40000, webgl: 21000, wasm: 7000 });
    const cached = await chooseBackend('auto', device(GPU, KEY, HARDWARE_WEBGPU), earlier, same);
    expect(cached).toMatchObject({ backend: 'webgpu', probeSource: 'cached' });
    expect(same.probed).toEqual([]);

    const gone = fake({ webgl: 21000, wasm: 7000 });
    const fresh = await chooseBackend('auto', device(GPU), earlier, gone);
    expect(fresh).toMatchObject({ backend: 'webgl', probeSource: 'measured' });
    expect(gone.activated).not.toContain('webgpu');
  });

  it('does not time a backend the URL forces', async () => {
    const deps = fake({ cpu: 1 });
    const chosen = await chooseBackend('cpu', device(GPU, KEY), null, deps);
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
