// React face of createLatestThrottle: stable `request` and `cancel` functions for the component's lifetime, always
// calling the newest `run`, `onResult` and `onError` passed in (so callers need not memoize them).
import { useCallback, useEffect, useRef } from 'react';
import { createLatestThrottle, type LatestThrottle } from './latestThrottle';

/** Predictions while drawing: ~8 a second feels live and leaves the worker time for other work. */
export const PREDICT_INTERVAL_MS = 120;

export interface Throttled<I> {
  request: (input: I) => void;
  cancel: () => void;
}

export function useThrottled<I, R>(
  run: (input: I) => Promise<R>,
  onResult: (result: R, input: I) => void,
  onError: (error: unknown, input: I) => void,
  intervalMs: number = PREDICT_INTERVAL_MS,
): Throttled<I> {
  const latest = useRef({ run, onResult, onError });
  useEffect(() => {
    latest.current = { run, onResult, onError };
  });

  // Made on first use and disposed on unmount (StrictMode's remount then makes a fresh one).
  const throttle = useRef<LatestThrottle<I> | null>(null);
  const get = useCallback((): LatestThrottle<I> => {
    if (throttle.current === null) {
      throttle.current = createLatestThrottle<I, R>((input) => latest.current.run(input), {
        intervalMs,
        onResult: (result, input) => latest.current.onResult(result, input),
        onError: (error, input) => latest.current.onError(error, input),
      });
    }
    return throttle.current;
  }, [intervalMs]);

  useEffect(
    () => () => {
      throttle.current?.dispose();
      throttle.current = null;
    },
    [get],
  );

  const request = useCallback((input: I) => get().request(input), [get]);
  const cancel = useCallback(() => throttle.current?.cancel(), []);
  return { request, cancel };
}
