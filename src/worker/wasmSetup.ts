// Registers TF.js's WASM backend with its binaries bundled by Vite, so they load from the app's own origin, relative to
// the worker script (any host, any subpath).
//
// Always the single-threaded SIMD build, on purpose. Served cross-origin isolated (COOP + COEP), TF.js would pick its
// threaded build; bundled, that build starts its pthread workers from `blob:` URLs whose script cannot find the
// Emscripten module (`ReferenceError: e is not defined`), the training worker dies and nothing ever trains. Making
// them work means serving Emscripten's pthread worker script as a file of our own, for a gain bounded by the cores
// left over: the machines this app is for have two, and one runs the page. So TF.js is told there is no thread
// support before the backend starts, and the threaded binary is not shipped at all (e2e/hosting.spec.ts checks).
import * as tf from '@tensorflow/tfjs';
import { setWasmPaths } from '@tensorflow/tfjs-backend-wasm';
import wasmPlain from '@tensorflow/tfjs-backend-wasm/dist/tfjs-backend-wasm.wasm?url';
import wasmSimd from '@tensorflow/tfjs-backend-wasm/dist/tfjs-backend-wasm-simd.wasm?url';

// The flag is registered by the backend's import above; TF.js reads it when the backend initialises.
tf.env().set('WASM_HAS_MULTITHREAD_SUPPORT', false);

setWasmPaths({
  // For browsers without WebAssembly SIMD (Safari before 16.4): fetched only there, so not precached.
  'tfjs-backend-wasm.wasm': wasmPlain,
  'tfjs-backend-wasm-simd.wasm': wasmSimd,
  // setWasmPaths wants all three names; with the flag above TF.js never asks for this one.
  'tfjs-backend-wasm-threaded-simd.wasm': 'tfjs-backend-wasm-threaded-simd-not-shipped.wasm',
});
