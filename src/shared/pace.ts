// The pace of a run: full speed or slow motion, in steps a second. Dependency-free (the page offers the speeds, the
// worker checks what it is sent).

/** Steps a second, or null for full speed. */
export type StepsPerSecond = number | null;

/** The slow-motion speeds the page offers, in steps a second, fastest first. */
export const SLOW_SPEEDS: readonly number[] = [10, 2, 0.5];

/** A speed the worker accepts: a positive finite number of steps a second up to 1,000, else null (full speed). */
export function validSpeed(value: unknown): StepsPerSecond {
  return typeof value === 'number' && Number.isFinite(value) && value > 0 && value <= 1000 ? value : null;
}
