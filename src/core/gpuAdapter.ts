// Whether WebGPU offers this device a hardware adapter, read through structural types (no DOM, no WebGPU typings):
// the worker hands in `navigator.gpu`, tests hand in fakes. A software adapter (the browser's fallback, SwiftShader,
// llvmpipe) is reported as skipped, as software WebGL is: on the CPU, WASM is the faster way. No DOM.
import { isSoftwareRenderer } from './backend';

/** The few fields of GPUAdapterInfo this app reads (all optional: browsers fill them unevenly). */
export interface GpuAdapterInfoLike {
  vendor?: string;
  architecture?: string;
  device?: string;
  description?: string;
  /** Newer browsers put the fallback flag here. */
  isFallbackAdapter?: boolean;
}

export interface GpuAdapterLike {
  /** Older browsers put the fallback flag on the adapter. */
  isFallbackAdapter?: boolean;
  info?: GpuAdapterInfoLike;
  /** Before `info` (Chrome < 127). */
  requestAdapterInfo?: () => Promise<GpuAdapterInfoLike>;
}

export interface GpuLike {
  requestAdapter(options?: { powerPreference?: 'low-power' | 'high-performance' }): Promise<GpuAdapterLike | null>;
}

/** What WebGPU offers: a hardware adapter to time (its name), or why there is none. */
export type WebGpuFacts = { kind: 'hardware'; adapter: string } | { kind: 'none'; why: string };

export const NO_WEBGPU: Extract<WebGpuFacts, { kind: 'none' }> = { kind: 'none', why: 'WebGPU is not available here' };
/** WebGPU is there but has no adapter at all (no GPU, or WebGPU off in this browser): nothing worth a mention. */
export const NO_ADAPTER: Extract<WebGpuFacts, { kind: 'none' }> = {
  kind: 'none',
  why: 'WebGPU offers no adapter here',
};

function nameOf(info: GpuAdapterInfoLike | undefined): string {
  const parts = [info?.vendor, info?.architecture, info?.device, info?.description].filter(
    (p): p is string => typeof p === 'string' && p.trim() !== '',
  );
  const name = [...new Set(parts)].join(' ');
  return name === '' ? 'an unnamed adapter' : name;
}

/**
 * Asks for the adapter TF.js's WebGPU backend would get (it asks for 'high-performance') and classifies it. Never
 * throws: a browser whose WebGPU misbehaves simply has none.
 */
export async function readWebGpuFacts(gpu: GpuLike | undefined | null): Promise<WebGpuFacts> {
  if (!gpu) return NO_WEBGPU;
  try {
    const adapter = await gpu.requestAdapter({ powerPreference: 'high-performance' });
    if (!adapter) return NO_ADAPTER;
    let info = adapter.info;
    if (!info && typeof adapter.requestAdapterInfo === 'function') info = await adapter.requestAdapterInfo();
    const name = nameOf(info);
    if (adapter.isFallbackAdapter === true || info?.isFallbackAdapter === true)
      return { kind: 'none', why: `WebGPU offers only a fallback (software) adapter (${name})` };
    if (isSoftwareRenderer(name)) return { kind: 'none', why: `WebGPU's adapter is software (${name})` };
    return { kind: 'hardware', adapter: name };
  } catch (e) {
    return { kind: 'none', why: `WebGPU failed to answer (${e instanceof Error ? e.message : String(e)})` };
  }
}
