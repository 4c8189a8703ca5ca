// Reads the WebGL renderer string inside the worker (OffscreenCanvas), to tell a real GPU from a software one, and
// hands out WebGPU's entry point (core/gpuAdapter.ts classifies its adapter).
import type { GpuLike } from '../core/gpuAdapter';

/** `navigator.gpu` where the browser has WebGPU (the WebWorker typings this project uses do not declare it). */
export function webGpuOf(navigator: WorkerNavigator): GpuLike | null {
  const gpu = (navigator as unknown as { gpu?: unknown }).gpu;
  return typeof gpu === 'object' && gpu !== null && 'requestAdapter' in gpu ? (gpu as GpuLike) : null;
}

export function readWebGLRenderer(): string | null {
  if (typeof OffscreenCanvas === 'undefined') return null;
  try {
    const canvas = new OffscreenCanvas(1, 1);
    const gl = canvas.getContext('webgl2') ?? canvas.getContext('webgl');
    if (!gl) return null;
    const info = gl.getExtension('WEBGL_debug_renderer_info');
    const renderer = String(gl.getParameter(info ? info.UNMASKED_RENDERER_WEBGL : gl.RENDERER) ?? '');
    gl.getExtension('WEBGL_lose_context')?.loseContext();
    return renderer;
  } catch {
    // A context that cannot be created is the same as no WebGL for choosing a backend.
    return null;
  }
}
