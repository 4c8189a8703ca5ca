// Starts the training worker before React renders, so its script (TF.js, ~2 MB) loads and runs while the page draws:
// the first TrainingClient takes this worker, and any later one (a restart, StrictMode's second mount) makes its own.
import { createTrainingWorker, type WorkerFactory } from '../worker/client';

let prestarted: Worker | null = null;

export function prestartWorker(): void {
  if (prestarted === null && typeof Worker !== 'undefined') prestarted = createTrainingWorker();
}

/** A WorkerFactory that hands out the prestarted worker once. */
export const takeWorker: WorkerFactory = () => {
  const worker = prestarted ?? createTrainingWorker();
  prestarted = null;
  return worker;
};
