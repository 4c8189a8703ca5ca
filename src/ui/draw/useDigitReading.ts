// The drawn digit's round trip: strokes → MNIST-like 28×28 pixels (src/digit, on this thread: ~2 ms) → both nets'
// probabilities from the worker, throttled so the pad never waits. The worker's events say when to read again: other
// nets predict now (a run starts or ends, nets are loaded), or the training nets' weights have moved a second's worth.
import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import { preprocessDigit } from '../../digit/preprocess';
import { rasterizeStrokes } from '../../digit/rasterize';
import type { Stroke } from '../../digit/strokes';
import type { ModelSource } from '../../shared/protocol';
import type { TrainingWorker } from '../hooks/useTrainingWorker';
import { useWorkerEvent } from '../store/uiStore';
import type { DrawStatus, Predictions } from './prediction';
import { useThrottled } from './useThrottled';

/** The pad is re-rendered at 10× MNIST's side: the resolution the preprocessing's guards were measured at. */
export const RASTER_SIDE = 280;

export interface DigitReading {
  strokes: readonly Stroke[];
  setStrokes: (strokes: readonly Stroke[]) => void;
  preview: Float32Array | null;
  predictions: Predictions | null;
  status: DrawStatus;
}

/** The preprocessed digit for some strokes, or null when the pad holds too little ink to be a digit. */
export function digitPixels(strokes: readonly Stroke[]): Float32Array | null {
  if (strokes.length === 0) return null;
  const result = preprocessDigit(rasterizeStrokes(strokes, RASTER_SIDE), RASTER_SIDE, RASTER_SIDE);
  return result.kind === 'digit' ? result.pixels : null;
}

/** While nets train, the reading follows their weights this often (in the run's time, which stands still when paused). */
const TRAINING_REFRESH_MS = 1000;

/** `source`: the nets that predict now (null: none). */
export function useDigitReading(
  request: TrainingWorker['request'],
  source: ModelSource | null,
  onError: (message: string) => void,
): DigitReading {
  const [strokes, setStrokes] = useState<readonly Stroke[]>([]);
  const [predictions, setPredictions] = useState<Predictions | null>(null);
  const [pending, setPending] = useState(false);
  const preview = useMemo(() => digitPixels(strokes), [strokes]);

  const ask = useCallback(
    // A copy: the pixels are transferred to the worker, and the preview keeps drawing its own array.
    async (pixels: Float32Array) => {
      const copy = pixels.slice();
      const answer = await request({ type: 'predict', pixels: copy }, [copy.buffer]);
      return answer.probabilities;
    },
    [request],
  );
  const { request: requestReading, cancel: cancelReading } = useThrottled(
    ask,
    (probabilities) => {
      setPending(false);
      setPredictions(probabilities);
    },
    (error) => {
      setPending(false);
      onError(`The nets could not read the digit: ${error instanceof Error ? error.message : String(error)}`);
    },
  );

  // What the pad shows changed: read it (or clear the reading) now.
  const hasModel = source !== null;
  useEffect(() => {
    if (preview === null || !hasModel) {
      cancelReading();
      setPending(false);
      setPredictions(null);
      return;
    }
    setPending(true);
    requestReading(preview);
  }, [preview, hasModel, requestReading, cancelReading]);

  // The nets changed under the same drawing: other nets predict now, or the training ones moved on.
  const lastRead = useRef(0);
  useWorkerEvent((event, state) => {
    if (preview === null || state.currentNets === null) return;
    const again =
      event.type === 'models' ||
      (event.type === 'progress' &&
        event.runId === state.run.id &&
        state.currentNets.source.kind === 'training' &&
        Math.abs(event.elapsedMs - lastRead.current) >= TRAINING_REFRESH_MS);
    if (!again) return;
    if (event.type === 'progress') lastRead.current = event.elapsedMs;
    setPending(true);
    requestReading(preview);
  });

  let status: DrawStatus;
  if (source === null) status = 'no-model';
  else if (preview === null) status = 'empty';
  else if (pending) status = 'pending';
  else status = 'ready';
  return { strokes, setStrokes, preview, predictions: preview === null ? null : predictions, status };
}
