// Picks the backend by measurement when the URL does not force one: on a real GPU WebGL and WASM are timed with the
// app's own step (and WebGPU first, when it offers a hardware adapter) and the fastest wins; where WebGL is missing
// or software-rendered (measured ~5× slower than WASM on the CPU) only WASM is timed, to show its rate. A device's
// result can be handed back next time (same renderer, adapter, browser and TF.js) so later visits skip the probe.
// Imports TF.js only.
import * as tf from '@tensorflow/tfjs';
import type { BackendChoice, BackendName } from '../shared/config';
import type { BackendProbe } from '../shared/protocol';
import { activateBackend, isSoftwareRenderer, planBackend, registerOnDemand, type ActiveBackend } from './backend';
import { NO_ADAPTER, NO_WEBGPU, type WebGpuFacts } from './gpuAdapter';
import { webglFloat32Refusal } from './float32Check';
import { probeActiveBackend } from './backendProbe';
import { patchWasmMatMul } from './wasmMatMulFix';

export interface ChosenBackend extends ActiveBackend {
  /** The measurement behind an automatic choice (null when the URL forced the backend). */
  probe: BackendProbe | null;
  /** Whether the probe ran now or came from an earlier visit. */
  probeSource: 'measured' | 'cached' | null;
}

export interface ChoiceDeps {
  /** Switches TF.js to a backend; false when it cannot start there. */
  activate(name: BackendName): Promise<boolean>;
  /** Samples per second on the active backend. */
  probe(): Promise<number>;
  now(): Date;
}

/** What the worker found out about the device before choosing. */
export interface DeviceFacts {
  /** The WebGL renderer string, or null without WebGL. */
  renderer: string | null;
  /** Whether WebGPU offers a hardware adapter. */
  webgpu: WebGpuFacts;
  /** Names the device for reusing a probe (renderer, adapter, browser, TF.js version). */
  key: string;
}

async function setBackend(name: BackendName): Promise<boolean> {
  // WebGPU's package is fetched here, only once it is about to be timed or was forced.
  await registerOnDemand(name);
  if (!(await tf.setBackend(name))) return false;
  await tf.ready();
  // The same rule as activateBackend's: a float16-only WebGL is never timed, let alone chosen.
  const refusal = name === 'webgl' ? webglFloat32Refusal((flag) => tf.env().getBool(flag)) : null;
  if (refusal !== null) throw new Error(refusal);
  if (name === 'wasm') patchWasmMatMul();
  return true;
}

const defaultDeps: ChoiceDeps = { activate: setBackend, probe: () => probeActiveBackend(), now: () => new Date() };

const rate = (samplesPerSec: number): string => `${Math.round(samplesPerSec).toLocaleString('en-US')} samples/s`;

function describeRates(rates: BackendProbe['rates']): string {
  return (Object.entries(rates) as Array<[BackendName, number]>)
    .sort((a, b) => b[1] - a[1])
    .map(([name, r]) => `${name} ${rate(r)}`)
    .join(' vs ');
}

/**
 * The backend for this device. `cached` is the probe an earlier visit stored, used only when its device key
 * matches `device.key`.
 */
export async function chooseBackend(
  choice: BackendChoice,
  device: DeviceFacts,
  cached: BackendProbe | null,
  deps: ChoiceDeps = defaultDeps,
): Promise<ChosenBackend> {
  const { renderer, webgpu, key: deviceKey } = device;
  if (choice !== 'auto')
    return { ...(await activateBackend(planBackend(choice, renderer))), probe: null, probeSource: null };
  const plan = planBackend('auto', renderer);

  const gpu = renderer !== null && !isSoftwareRenderer(renderer);
  const hardwareWebGpu = webgpu.kind === 'hardware';
  // Where WebGPU offered an adapter but it was not timed, say why (a software one, say): someone checking on a GPU
  // reads it in the header's badge. No WebGPU or no adapter at all is the common case, not worth the words.
  const quiet = webgpu.kind === 'hardware' || webgpu.why === NO_WEBGPU.why || webgpu.why === NO_ADAPTER.why;
  const webgpuNote = quiet ? '' : `; WebGPU not timed: ${webgpu.why}`;
  const explain = (rates: BackendProbe['rates'], when: string): string =>
    (gpu || hardwareWebGpu
      ? `the fastest on this device's GPU, measured ${when}: ${describeRates(rates)}`
      : `${plan.reason}; measured ${when}: ${describeRates(rates)}`) + webgpuNote;

  // A backend that throws on the way in counts as one that did not start.
  const tryActivate = async (name: BackendName): Promise<boolean> => {
    try {
      return await deps.activate(name);
    } catch {
      return false;
    }
  };

  if (
    cached &&
    cached.deviceKey === deviceKey &&
    (plan.order.includes(cached.backend) || (cached.backend === 'webgpu' && hardwareWebGpu)) &&
    (await tryActivate(cached.backend))
  ) {
    return {
      backend: cached.backend,
      reason: explain(cached.rates, `on ${cached.measuredAt.slice(0, 10)}`),
      probe: cached,
      probeSource: 'cached',
    };
  }

  // WebGPU first when it has a hardware adapter: its package is fetched only then (a software adapter is skipped
  // as software WebGL is).
  const candidates: BackendName[] = [
    ...(hardwareWebGpu ? (['webgpu'] as const) : []),
    ...(gpu ? (['webgl', 'wasm'] as const) : plan.order.filter((b) => b !== 'webgl' && b !== 'cpu').slice(0, 1)),
  ];
  const rates: BackendProbe['rates'] = {};
  const failures: string[] = [];
  for (const name of candidates) {
    try {
      if (!(await deps.activate(name))) {
        failures.push(`${name} did not start`);
        continue;
      }
      rates[name] = await deps.probe();
    } catch (e) {
      failures.push(`${name} failed (${e instanceof Error ? e.message : String(e)})`);
    }
  }
  const measured = (Object.entries(rates) as Array<[BackendName, number]>).sort((a, b) => b[1] - a[1]);
  const best = measured[0];
  if (!best || !(await tryActivate(best[0]))) {
    // Nothing could be timed: the renderer-based order, with its fallbacks, decides.
    const active = await activateBackend(plan);
    return {
      ...active,
      reason: failures.length ? `${active.reason}; the probe failed: ${failures.join('; ')}` : active.reason,
      probe: null,
      probeSource: null,
    };
  }
  const backend = best[0];
  const probe: BackendProbe = { deviceKey, backend, rates, measuredAt: deps.now().toISOString() };
  const why = explain(rates, 'now');
  return { backend, reason: failures.length ? `${why} (${failures.join('; ')})` : why, probe, probeSource: 'measured' };
}
