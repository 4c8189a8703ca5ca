// A narrow hook for browser tests, on the worker's global scope: it can only do what a browser may do to any page at
// any time (drop the GPU context), so it is harmless in production. Playwright reaches it with worker.evaluate().
import * as tf from '@tensorflow/tfjs';
import type { WorkerDebugOptions } from '../shared/protocol';
import { activeWebGLContext } from './backendGuard';

export interface WorkerDebugHooks {
  /** Loses the training backend's WebGL context as a GPU reset would; false when WebGL is not in use. */
  loseWebGLContext(): boolean;
}

export function installDebugHooks(scope: object): void {
  const hooks: WorkerDebugHooks = {
    loseWebGLContext() {
      const ext = activeWebGLContext()?.getExtension('WEBGL_lose_context');
      if (!ext) return false;
      ext.loseContext();
      return true;
    },
  };
  Object.assign(scope, { batchnormLabDebug: hooks });
}

/** Test switches sent with `init` (from the page's debug URL keys), applied before the backend is chosen. */
export function applyDebugOptions(debug: WorkerDebugOptions): void {
  // What a float16-only GPU reports: TF.js then stores tensors in half floats.
  if (debug.forceFloat16) tf.env().set('WEBGL_FORCE_F16_TEXTURES', true);
}
