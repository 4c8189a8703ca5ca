// Chooses the TF.js backend for this device and activates it, falling back in order when one fails to start.
// Imports TF.js only; the caller reads the WebGL renderer string (that needs a canvas, which core does not touch).
import * as tf from '@tensorflow/tfjs';
import type { BackendChoice, BackendName } from '../shared/config';
import { webglFloat32Refusal } from './float32Check';
import { patchWasmMatMul } from './wasmMatMulFix';
import { loadWebGpuBackend } from './webgpuBackend';

/** Registers a backend that is loaded on demand (WebGPU) before TF.js is asked to start it. */
export async function registerOnDemand(name: BackendName): Promise<void> {
  if (name !== 'webgpu') return;
  await loadWebGpuBackend();
  // The package registers itself only where `navigator.gpu` exists.
  if (!tf.findBackendFactory('webgpu')) throw new Error('WebGPU is not available in this browser');
}

/** Renderer strings of software rasterizers: WebGL there is several times slower than WASM on the CPU. */
const SOFTWARE_RENDERER = /swiftshader|llvmpipe|softpipe|software|basic render|mesa offscreen|lavapipe/i;

export function isSoftwareRenderer(renderer: string): boolean {
  return SOFTWARE_RENDERER.test(renderer);
}

export interface BackendPlan {
  /** Backends to try, best first. */
  order: BackendName[];
  reason: string;
}

/**
 * The plan for a device: a forced backend first (then the usual fallbacks); WebGL on a real GPU; WASM when WebGL is
 * missing or software-rendered (measured here: SwiftShader WebGL ~36 ms/step vs WASM ~7 ms/step on the BN net);
 * plain-JS CPU last.
 */
export function planBackend(choice: BackendChoice, renderer: string | null): BackendPlan {
  if (choice !== 'auto') {
    // WebGPU is never a fallback: it is tried only when forced or when the probe found a hardware adapter.
    const rest: BackendName[] = (['webgl', 'wasm', 'cpu'] as const).filter((b) => b !== choice);
    return { order: [choice, ...rest], reason: `forced by the URL (backend=${choice})` };
  }
  if (renderer === null) {
    return { order: ['wasm', 'cpu'], reason: 'WebGL is not available here, so WASM runs on the CPU' };
  }
  if (isSoftwareRenderer(renderer)) {
    return {
      order: ['wasm', 'webgl', 'cpu'],
      reason: `WebGL here is software-rendered (${shortRenderer(renderer)}); WASM on the CPU is about 5× faster`,
    };
  }
  return { order: ['webgl', 'wasm', 'cpu'], reason: `a GPU is available (${shortRenderer(renderer)})` };
}

function shortRenderer(renderer: string): string {
  const known = /swiftshader|llvmpipe|softpipe|lavapipe/i.exec(renderer);
  if (known) return known[0];
  return renderer.length > 60 ? `${renderer.slice(0, 57)}…` : renderer;
}

export interface ActiveBackend {
  backend: BackendName;
  reason: string;
}

/** Activates the first backend of the plan that starts; says why when it had to fall back. */
export async function activateBackend(plan: BackendPlan): Promise<ActiveBackend> {
  const failures: string[] = [];
  for (const name of plan.order) {
    try {
      await registerOnDemand(name);
      if (await tf.setBackend(name)) {
        await tf.ready();
        const refusal = name === 'webgl' ? webglFloat32Refusal((flag) => tf.env().getBool(flag)) : null;
        if (refusal !== null) {
          failures.push(refusal);
          continue;
        }
        if (name === 'wasm') patchWasmMatMul();
        const reason = failures.length === 0 ? plan.reason : `${plan.reason}; fell back after: ${failures.join('; ')}`;
        return { backend: name, reason };
      }
      failures.push(`${name} did not start`);
    } catch (e) {
      failures.push(`${name} failed (${e instanceof Error ? e.message : String(e)})`);
    }
  }
  throw new Error(`No TF.js backend could start: ${failures.join('; ')}.`);
}
