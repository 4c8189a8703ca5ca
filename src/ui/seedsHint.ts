// What the Seeds field adds about this device: how several seeds will train here (together on a GPU, at once in
// other workers, or one after another) and so roughly what they cost. Pure; from the worker's backend details.
import type { BackendInfo } from '../shared/protocol';

/** `seedsText`: the field as typed; its cost is said for that many seeds when it is a number of seeds, else for 3. */
export function seedsHint(info: BackendInfo | null, seedsText = ''): string | null {
  if (info === null) return null;
  if (info.backend === 'webgl' || info.backend === 'webgpu') return 'Here they train together on the GPU.';
  const lanes = info.seedLanes?.lanes;
  if (lanes === undefined) return null;
  if (lanes === 0) {
    const typed = Number(seedsText);
    const n = Number.isInteger(typed) && typed >= 2 && typed <= 10 ? typed : 3;
    return `Here they train one after another: ${n} seeds take about ${n}× as long.`;
  }
  return `Here up to ${lanes + 1} train at once, on cores of their own.`;
}
