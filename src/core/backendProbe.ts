// A short timed run on the active backend: the app's own step for the blog's two nets at batch 32 on random
// pixels, so the rate means what the progress bar will show. Imports TF.js only.
import * as tf from '@tensorflow/tfjs';
import { IMAGE_SIDE } from '../data/idx';
import { defaultConfig } from '../shared/config';
import { NET_IDS } from '../shared/metrics';
import { createTrainers } from './experiment';

export const PROBE_BATCH = 32;
/** Untimed steps first: WebGL compiles its shaders and every backend sets up optimizer state on first use. */
export const PROBE_WARMUP = 3;
export const PROBE_STEPS = 12;

/** Training samples per second through both nets together on the active backend. */
export async function probeActiveBackend(warmup = PROBE_WARMUP, steps = PROBE_STEPS): Promise<number> {
  const trainers = createTrainers(defaultConfig(), 1);
  const nets = NET_IDS.flatMap((id) => trainers[id] ?? []);
  const batch = tf.tidy(() => ({
    x: tf.randomUniform([PROBE_BATCH, IMAGE_SIDE, IMAGE_SIDE], 0, 1, 'float32', 1) as tf.Tensor3D,
    y: tf.cast(tf.floor(tf.randomUniform([PROBE_BATCH], 0, 10, 'float32', 2)), 'int32') as tf.Tensor1D,
  }));
  // WebGL queues work: reading a weight back waits for it, so the clock sees the work done.
  const settle = async (): Promise<void> => {
    for (const net of nets) await net.model.weights[0]?.read().data();
  };
  try {
    for (let i = 0; i < warmup; i++) for (const net of nets) net.step(batch);
    await settle();
    const start = performance.now();
    for (let i = 0; i < steps; i++) for (const net of nets) net.step(batch);
    await settle();
    return (steps * PROBE_BATCH * nets.length) / ((performance.now() - start) / 1000);
  } finally {
    batch.x.dispose();
    batch.y.dispose();
    for (const net of nets) net.dispose();
  }
}
