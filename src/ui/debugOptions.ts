// Test switches read from the page's URL once, at load (the settings sync then rewrites the URL without them):
// `debug-stall-ms` shortens the stall watch so a test need not wait 30 s; `debug-float16=1` makes the worker's
// WebGL act as a float16-only GPU; `debug-seed-lanes=N` trains seeds in N other workers whatever the cores;
// `debug-tour-short=1` cuts the guided tour's runs to a few hundred steps (the tour
// itself runs the experiments as its text describes). Not settings: no link a user shares carries them unless typed by hand.
// Only the browser tests' build reads them (TEST_HOOKS); a production page ignores them.
import type { WorkerDebugOptions } from '../shared/protocol';
import { TEST_HOOKS } from '../shared/testHooks';
import { DEFAULT_STALL_MS } from './stallWatch';

export interface DebugOptions {
  stallMs: number;
  worker: WorkerDebugOptions;
  tourShort: boolean;
}

/** Reads the switches; anything missing or malformed leaves the production behaviour. */
export function readDebugOptions(search: string): DebugOptions {
  const params = new URLSearchParams(search);
  const stall = Number(params.get('debug-stall-ms') ?? Number.NaN);
  const lanes = Number(params.get('debug-seed-lanes') ?? Number.NaN);
  const worker: WorkerDebugOptions = {};
  if (params.get('debug-float16') === '1') worker.forceFloat16 = true;
  if (Number.isInteger(lanes) && lanes >= 0) worker.seedLanes = lanes;
  return {
    stallMs: Number.isFinite(stall) && stall >= 500 ? stall : DEFAULT_STALL_MS,
    worker,
    tourShort: params.get('debug-tour-short') === '1',
  };
}

/** What production pages run with: no switch on. */
export const NO_DEBUG_OPTIONS: DebugOptions = { stallMs: DEFAULT_STALL_MS, worker: {}, tourShort: false };

/** This page's switches: read from its URL in the tests' build, none in production (the reader is then left out). */
export function pageDebugOptions(): DebugOptions {
  return TEST_HOOKS ? readDebugOptions(window.location.search) : NO_DEBUG_OPTIONS;
}
