// Throttles async requests (the worker's predictions while a digit is drawn): the first runs at once, later ones at
// most once per interval, never two in flight, and only the newest waiting input runs. Pure: timers only, no React.

export interface LatestThrottleOptions<I, R> {
  /** Least time between the starts of two runs. */
  intervalMs: number;
  /** The result of a run that was not cancelled since it started. */
  onResult: (result: R, input: I) => void;
  /** A run that failed (and was not cancelled): the caller shows it; nothing is swallowed. */
  onError: (error: unknown, input: I) => void;
}

export interface LatestThrottle<I> {
  /** Asks for a run with this input; it replaces any input still waiting. */
  request(input: I): void;
  /** Drops the waiting input and ignores the result of the run in flight (the pad was cleared, say). */
  cancel(): void;
  /** Cancels and stops for good: later requests do nothing. */
  dispose(): void;
}

export function createLatestThrottle<I, R>(
  run: (input: I) => Promise<R>,
  { intervalMs, onResult, onError }: LatestThrottleOptions<I, R>,
): LatestThrottle<I> {
  // A box, so that `undefined` can be a valid input.
  let waiting: { input: I } | null = null;
  let inFlight = false;
  let coolTimer: ReturnType<typeof setTimeout> | null = null;
  // Bumped by cancel(): a run that started under an older generation reports nothing.
  let generation = 0;
  let disposed = false;

  const pump = (): void => {
    if (disposed || inFlight || coolTimer !== null || waiting === null) return;
    const { input } = waiting;
    waiting = null;
    inFlight = true;
    const started = generation;
    coolTimer = setTimeout(() => {
      coolTimer = null;
      pump();
    }, intervalMs);

    let promise: Promise<R>;
    try {
      promise = run(input);
    } catch (error) {
      promise = Promise.reject(error instanceof Error ? error : new Error(String(error)));
    }
    promise
      .then(
        (result) => {
          if (!disposed && started === generation) onResult(result, input);
        },
        (error: unknown) => {
          if (!disposed && started === generation) onError(error, input);
        },
      )
      .finally(() => {
        inFlight = false;
        pump();
      });
  };

  return {
    request(input) {
      if (disposed) return;
      waiting = { input };
      pump();
    },
    cancel() {
      waiting = null;
      generation += 1;
    },
    dispose() {
      waiting = null;
      generation += 1;
      disposed = true;
      if (coolTimer !== null) clearTimeout(coolTimer);
      coolTimer = null;
    },
  };
}
