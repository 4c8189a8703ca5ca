// How many other workers may train seeds beside the training worker, decided once with the backend: only on the CPU
// backends (on a GPU the seeds train together in one batched step: seedsRun.ts), only with cores to spare — the page
// and the training worker keep one each — and not on a device that says it has little memory (each lane holds its
// own copy of the data and its own backend). Pure; the worker passes the navigator's facts.
import type { BackendName } from '../shared/config';

/** At most this many lanes: five seeds, the most a band is usually drawn from, then train at once. */
export const MAX_SEED_LANES = 4;

export interface LaneFacts {
  backend: BackendName;
  /** navigator.hardwareConcurrency, when the browser tells. */
  cores: number | undefined;
  /** navigator.deviceMemory in GB, when the browser tells (Chromium only). */
  memoryGb: number | undefined;
  /** A test or the benchmark asks for this many lanes whatever the device. */
  forced?: number;
}

export interface LaneDecision {
  /** Workers beside the training one; 0: the seeds train one after another there. */
  lanes: number;
  /** Why, for the backend's details on the page. */
  reason: string;
}

export function seedLaneCount(facts: LaneFacts): LaneDecision {
  const { backend, cores, memoryGb, forced } = facts;
  if (forced !== undefined && Number.isInteger(forced) && forced >= 0) {
    const lanes = Math.min(forced, MAX_SEED_LANES);
    return { lanes, reason: `${lanes} seed worker${lanes === 1 ? '' : 's'} asked for by a test switch` };
  }
  if (backend === 'webgl' || backend === 'webgpu') {
    return { lanes: 0, reason: 'on the GPU the seeds train together in one batched step' };
  }
  if (cores === undefined || !Number.isFinite(cores) || cores < 4) {
    const have = cores === undefined ? 'the browser does not say how many cores it has' : `${cores} cores`;
    return { lanes: 0, reason: `seeds train one after another (${have}; other workers need 4 or more)` };
  }
  if (memoryGb !== undefined && memoryGb < 4) {
    return { lanes: 0, reason: `seeds train one after another (${memoryGb} GB of memory; other workers need 4 GB)` };
  }
  const lanes = Math.min(MAX_SEED_LANES, Math.floor(cores) - 2);
  return {
    lanes,
    reason: `up to ${lanes + 1} seeds train at once, in ${lanes} more worker${lanes === 1 ? '' : 's'} (${cores} cores)`,
  };
}
