// Loads TF.js's WebGPU backend on demand: the package (several hundred kB) is a chunk of its own, fetched only when
// the probe is about to time WebGPU (a hardware adapter was found) or the URL forces it. Imports TF.js only.
let loading: Promise<void> | null = null;

/** Registers the 'webgpu' backend with TF.js (once); rejects when the chunk cannot be fetched (e.g. offline). */
export function loadWebGpuBackend(): Promise<void> {
  loading ??= import('./webgpuRegister').then(
    () => undefined,
    (e: unknown) => {
      loading = null; // a later attempt may succeed (the network came back)
      throw e;
    },
  );
  return loading;
}
