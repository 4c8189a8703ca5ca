// The WebGPU backend's registration, in its own module so the bundler makes it a chunk of its own, named for it
// (the service worker leaves it out of the precache: scripts/pwaOptions.ts). Import only through webgpuBackend.ts.
import '@tensorflow/tfjs-backend-webgpu';
