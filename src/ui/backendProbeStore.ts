// Keeps the worker's last backend probe in localStorage, so a later visit on the same device starts on the backend
// measured faster without timing them again (the worker checks the device key and re-measures on a mismatch).
// Pure over an injected Storage-like object; anything unreadable counts as no probe.
import { BACKEND_NAMES, type BackendName } from '../shared/config';
import type { BackendProbe } from '../shared/protocol';

export const PROBE_KEY = 'bn-lab.backend-probe.v1';

export type ProbeStorage = Pick<Storage, 'getItem' | 'setItem'>;

function isBackend(value: unknown): value is BackendName {
  return typeof value === 'string' && (BACKEND_NAMES as readonly string[]).includes(value);
}

/** The stored probe, or null when there is none or it is not one (another version, a hand edit). */
export function loadProbe(storage: ProbeStorage | null): BackendProbe | null {
  try {
    const text = storage?.getItem(PROBE_KEY);
    if (!text) return null;
    const value: unknown = JSON.parse(text);
    if (typeof value !== 'object' || value === null) return null;
    const { deviceKey, backend, rates, measuredAt } = value as Record<string, unknown>;
    if (
      typeof deviceKey !== 'string' ||
      !isBackend(backend) ||
      typeof measuredAt !== 'string' ||
      typeof rates !== 'object' ||
      rates === null
    )
      return null;
    const clean: BackendProbe['rates'] = {};
    for (const [name, rate] of Object.entries(rates)) {
      if (!isBackend(name) || typeof rate !== 'number' || !Number.isFinite(rate) || rate <= 0) return null;
      clean[name] = rate;
    }
    return clean[backend] === undefined ? null : { deviceKey, backend, rates: clean, measuredAt };
  } catch {
    return null;
  }
}

/** Stores a fresh probe; a storage that refuses (privacy mode, full quota) only costs a probe next visit. */
export function saveProbe(storage: ProbeStorage | null, probe: BackendProbe): void {
  try {
    storage?.setItem(PROBE_KEY, JSON.stringify(probe));
  } catch {
    // Nothing to tell the user: the app measures again next time.
  }
}

export function browserProbeStorage(): ProbeStorage | null {
  try {
    return window.localStorage;
  } catch {
    return null;
  }
}
