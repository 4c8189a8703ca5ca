// Test helper: TF.js on the plain-JS CPU backend in Node (deterministic, no native addon needed).
import * as tf from '@tensorflow/tfjs';

export async function useCpuBackend(): Promise<typeof tf> {
  tf.env().set('IS_TEST', true);
  await tf.setBackend('cpu');
  await tf.ready();
  return tf;
}
