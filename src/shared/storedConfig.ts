// Settings as earlier versions stored them (the run history in localStorage, saved-net files), under today's names,
// before they are validated like any other settings. Dependency-free.

/** Names a stored config may carry from an earlier version, and today's name for each. */
const RENAMED: ReadonlyArray<[old: string, current: string]> = [
  // The number of seeds was called `repeats` until 2026-12 (the URL key was already `seeds`).
  ['repeats', 'seeds'],
];

/** A copy of `stored` with its old field names replaced (today's name wins when both are present). */
export function upgradeStoredConfig(stored: Record<string, unknown>): Record<string, unknown> {
  const upgraded: Record<string, unknown> = { ...stored };
  for (const [old, current] of RENAMED) {
    if (!(old in upgraded)) continue;
    if (!(current in upgraded)) upgraded[current] = upgraded[old];
    delete upgraded[old];
  }
  return upgraded;
}

/** A stored divergence's seed number: `seedIndex`, or `repeat` as it was called until 2026-12. */
export function storedSeedIndex(stored: Record<string, unknown>): unknown {
  return 'seedIndex' in stored ? stored.seedIndex : stored.repeat;
}
