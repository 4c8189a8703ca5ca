// The worker's leak check: the active backend's live tensor count and bytes, as tf.memory() reports them. Asked for
// by the page's diagnostics line and by the e2e test that runs many short runs and expects the count to come back.
import * as tf from '@tensorflow/tfjs';
import { BACKEND_NAMES, type BackendName } from '../shared/config';
import type { MemoryReport } from '../shared/protocol';

function activeBackend(): BackendName | null {
  const name = tf.getBackend();
  return BACKEND_NAMES.find((b) => b === name) ?? null;
}

export function memoryReport(): MemoryReport {
  const { numTensors, numBytes } = tf.memory();
  return { backend: activeBackend(), numTensors, numBytes };
}
