import { describe, expect, it } from 'vitest';
import { readWebGpuFacts, type GpuAdapterLike, type GpuLike } from './gpuAdapter';

/** A navigator.gpu that answers with the given adapter, remembering what it was asked. */
function fakeGpu(adapter: GpuAdapterLike | null | Error): GpuLike & { asked: unknown[] } {
  const asked: unknown[] = [];
  return {
    asked,
    requestAdapter: async (options) => {
      asked.push(options);
      if (adapter instanceof Error) throw adapter;
      return adapter;
    },
  };
}

describe('readWebGpuFacts', () => {
  it('finds a hardware adapter and names it, asking as TF.js does', async () => {
    const gpu = fakeGpu({ info: { vendor: 'nvidia', architecture: 'ampere', isFallbackAdapter: false } });
    expect(await readWebGpuFacts(gpu)).toEqual({ kind: 'hardware', adapter: 'nvidia ampere' });
    expect(gpu.asked).toEqual([{ powerPreference: 'high-performance' }]);
    // Older Chrome: the info behind a promise.
    const older = fakeGpu({ requestAdapterInfo: async () => ({ vendor: 'apple', architecture: 'common-3' }) });
    expect(await readWebGpuFacts(older)).toEqual({ kind: 'hardware', adapter: 'apple common-3' });
  });

  it('skips fallback and software adapters, flagged either way', async () => {
    const flagged = await readWebGpuFacts(fakeGpu({ isFallbackAdapter: true, info: { vendor: 'google' } }));
    expect(flagged).toEqual({ kind: 'none', why: 'WebGPU offers only a fallback (software) adapter (google)' });
    const inInfo = await readWebGpuFacts(fakeGpu({ info: { vendor: 'google', isFallbackAdapter: true } }));
    expect(inInfo.kind).toBe('none');
    // SwiftShader without the flag (as some Chromium builds report it), and Mesa's lavapipe.
    const swiftshader = await readWebGpuFacts(fakeGpu({ info: { vendor: 'google', architecture: 'swiftshader' } }));
    expect(swiftshader).toEqual({ kind: 'none', why: "WebGPU's adapter is software (google swiftshader)" });
    const lavapipe = await readWebGpuFacts(fakeGpu({ info: { vendor: 'mesa', device: 'llvmpipe (LLVM 15)' } }));
    expect(lavapipe.kind).toBe('none');
  });

  it('has none without navigator.gpu, without an adapter, or when asking throws', async () => {
    expect((await readWebGpuFacts(undefined)).kind).toBe('none');
    expect(await readWebGpuFacts(fakeGpu(null))).toEqual({ kind: 'none', why: 'WebGPU offers no adapter here' });
    const broken = await readWebGpuFacts(fakeGpu(new Error('GPU process crashed')));
    expect(broken).toEqual({ kind: 'none', why: 'WebGPU failed to answer (GPU process crashed)' });
  });
});
