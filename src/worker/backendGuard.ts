// Watches the WebGL backend for a lost context and WebGPU for a lost device (the GPU was reset, the driver crashed,
// the browser reclaimed it) and moves the worker to the next backend of its plan. TF.js does not recover by itself:
// after a loss every op on the lost context fails or returns garbage, so the run on it must end and start again
// elsewhere.
import * as tf from '@tensorflow/tfjs';
import type { MathBackendWebGL } from '@tensorflow/tfjs-backend-webgl';
import { activateBackend, type ActiveBackend, type BackendPlan } from '../core/backend';
import type { BackendName } from '../shared/config';

/** The WebGL context TF.js renders with, when WebGL is the active backend. */
export function activeWebGLContext(): WebGLRenderingContext | WebGL2RenderingContext | null {
  if (tf.getBackend() !== 'webgl') return null;
  const backend = tf.backend() as MathBackendWebGL;
  return backend.gpgpu?.gl ?? null;
}

export class BackendGuard {
  private lostBackend: BackendName | null = null;
  private rest: BackendName[] = [];
  private reason = '';

  /** `onLost` runs once per loss, as soon as the browser says so (between two batches of a run). */
  constructor(private readonly onLost: (lost: BackendName) => void) {}

  /** Remembers where to go next and listens for a loss of the active backend's context. */
  watch(active: BackendName, plan: BackendPlan): void {
    const at = plan.order.indexOf(active);
    this.rest = plan.order.slice(at + 1);
    this.reason = plan.reason;
    if (active === 'webgpu') {
      this.watchWebGpu();
      return;
    }
    const gl = activeWebGLContext();
    if (active !== 'webgl' || gl === null) return;
    // OffscreenCanvas and HTMLCanvasElement both dispatch the event; TF.js's own listener only forgets the context.
    // The WebWorker lib types leave out `canvas`; it is an OffscreenCanvas there, an HTMLCanvasElement on a page.
    const canvas = (gl as unknown as { canvas: EventTarget }).canvas;
    const onLoss = () => {
      canvas.removeEventListener('webglcontextlost', onLoss);
      this.lostBackend = active;
      this.onLost(active);
    };
    canvas.addEventListener('webglcontextlost', onLoss);
  }

  /** WebGPU says so through its device's `lost` promise (it settles once, when the device is gone). */
  private watchWebGpu(): void {
    const device = (tf.backend() as unknown as { device?: { lost?: Promise<unknown> } }).device;
    void device?.lost?.then(() => {
      // A loss after the worker moved on (or a device destroyed on purpose) is not this backend's any more.
      if (tf.getBackend() !== 'webgpu') return;
      this.lostBackend = 'webgpu';
      this.onLost('webgpu');
    });
  }

  /** The backend whose context was lost, until failover() has moved on. */
  lost(): BackendName | null {
    return this.lostBackend;
  }

  /** Activates the next backend of the plan (and watches it in turn). */
  async failover(): Promise<ActiveBackend> {
    const lost = this.lostBackend ?? 'webgl';
    const plan: BackendPlan = {
      order: this.rest,
      reason: `${this.reason}; then the ${lost} context was lost, so the worker moved on`,
    };
    const active = await activateBackend(plan);
    this.lostBackend = null;
    this.watch(active.backend, plan);
    return active;
  }
}
