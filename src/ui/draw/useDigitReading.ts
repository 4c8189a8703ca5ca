// The drawn digit's round trip: strokes → MNIST-like 28×28 pixels (src/digit, on this thread: ~2 ms) → both nets'
// probabilities from the worker, throttled so the pad never waits. New models (a run starts or ends, nets are
// loaded) re-read the digit on the pad.
import { useCallback, useEffect, useMemo, useState } from 'react';
import { preprocessDigit } from '../../digit/preprocess';
import { rasterizeStrokes } from '../../digit/rasterize';
import type { Stroke } from '../../digit/strokes';
import type { ModelSource } from '../../shared/protocol';
import type { TrainingWorker } from '../hooks/useTrainingWorker';
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

/** A key that changes whenever other nets start answering (a run's live nets, a finished run's, loaded ones). */
function sourceKey(source: ModelSource | null): string {
  return source === null ? 'none' : JSON.stringify(source);
}

/**
 * `refresh` changes when the answering nets' weights may have moved (during training, a few times a second), so the
 * reading follows the latest weights.
 */
export function useDigitReading(
  request: TrainingWorker['request'],
  answering: ModelSource | null,
  refresh: number,
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

  // The source as a string: a new object describing the same nets must not ask again.
  const key = sourceKey(answering);
  const hasModel = answering !== null;
  useEffect(() => {
    if (preview === null || !hasModel) {
      cancelReading();
      setPending(false);
      setPredictions(null);
      return;
    }
    setPending(true);
    requestReading(preview);
  }, [preview, key, hasModel, refresh, requestReading, cancelReading]);

  let status: DrawStatus;
  if (answering === null) status = 'no-model';
  else if (preview === null) status = 'empty';
  else if (pending) status = 'pending';
  else status = 'ready';
  return { strokes, setStrokes, preview, predictions: preview === null ? null : predictions, status };
}
