// Train vs inference mode: the BN net's test accuracy with batch statistics and with its running averages over
// training (the averages start at 0 and 1 and warm up at momentum 0.99), and the paper's Algorithm 2 on demand.
import { useMemo, useState } from 'react';
import type { RecalibrationResult } from '../../shared/inside';
import type { TrainingWorker } from '../hooks/useTrainingWorker';
import { QueuedLine } from '../charts/QueuedLine';
import { formatInt } from '../format';
import { modeAccuracyDatasets } from './insideDatasets';
import { MODES_OPTIONS } from './insideCharts';
import type { InsideState } from './insideState';

interface Props {
  inside: InsideState;
  /** A BN net answers now (training, trained or loaded): recalibration has something to work on. */
  canRecalibrate: boolean;
  request: TrainingWorker['request'];
}

const pct = (v: number): string => `${(100 * v).toFixed(2)}%`;

export function ModesPanel({ inside, canRecalibrate, request }: Props) {
  const { modeAccuracy } = inside;
  // New datasets (a redraw) only when a mode-accuracy point arrives, every few seconds.
  const datasets = useMemo(() => modeAccuracyDatasets(modeAccuracy), [modeAccuracy]);
  const [busy, setBusy] = useState(false);
  const [result, setResult] = useState<RecalibrationResult | null>(null);
  const [error, setError] = useState<string | null>(null);

  const onRecalibrate = () => {
    setBusy(true);
    setError(null);
    request({ type: 'recalibrate-bn' })
      .then((answer) => setResult(answer.result))
      .catch((e: unknown) => setError(e instanceof Error ? e.message : String(e)))
      .finally(() => setBusy(false));
  };

  return (
    <div className="inside-modes">
      <div className="inside-chart" data-testid="bn-modes" data-points={inside.modeAccuracy.steps.length}>
        <QueuedLine
          datasets={datasets}
          options={MODES_OPTIONS}
          ariaLabel="The BN net's test accuracy in training mode and in inference mode over training steps"
        />
      </div>
      <div className="inside-recalibrate">
        <button
          type="button"
          className="secondary"
          data-testid="bn-recalibrate"
          onClick={onRecalibrate}
          disabled={busy || !canRecalibrate}
        >
          {busy ? 'Recalibrating…' : 'Recalibrate population statistics'}
        </button>
        <p className="muted">
          The paper’s Algorithm 2: each BN layer’s mean and variance over all training mini-batches, E[μ_B] and
          m/(m−1)·E[σ²_B] (unbiased), instead of the running averages. The net itself is not changed.
        </p>
        {error !== null && (
          <p className="notice error" role="alert">
            {error}
          </p>
        )}
        {result !== null && (
          <p data-testid="bn-recalibrated" data-before={result.before} data-after={result.after}>
            Test accuracy (inference mode, 10,000 images): running averages <strong>{pct(result.before)}</strong>,
            population statistics <strong>{pct(result.after)}</strong> — from {formatInt(result.batches)} mini-batches
            of {result.m}, in {formatInt(result.ms)} ms. Largest change per layer:{' '}
            {result.shifts
              .map((s) => `layer ${s.layer + 1}: mean ${s.mean.toFixed(3)}, variance ${s.variance.toFixed(3)}`)
              .join('; ')}
            .
          </p>
        )}
      </div>
    </div>
  );
}
