// "Draw a digit": the pad and what the nets see beside it, then both nets' readings side by side. Computes nothing
// itself: the caller turns strokes into the preview and asks the worker for predictions.
import type { Stroke } from '../../digit/strokes';
import { NET_IDS, type NetId } from '../../shared/metrics';
import { DrawPad } from './DrawPad';
import { NetsAgreement } from './NetsAgreement';
import { PixelPreview } from './PixelPreview';
import { PredictionBars } from './PredictionBars';
import { netPrediction, type DrawStatus, type Predictions } from './prediction';
import './draw.css';

interface Props {
  strokes: readonly Stroke[];
  onStrokesChange: (strokes: readonly Stroke[]) => void;
  /** The 28×28 image the nets are given (784 values in [0,1], row-major); null when nothing is drawn. */
  preview: Float32Array | null;
  /** The latest answer of each net for this drawing; null before the first. */
  predictions: Predictions | null;
  status: DrawStatus;
  /** The nets' names, as in the figure's legend. */
  netNames: Record<NetId, string>;
  /** The nets that answer (LayerNorm, GroupNorm, RMSNorm get a reading when they do); BN and plain always show. */
  nets?: readonly NetId[];
  disabled?: boolean;
}

export function DrawDigitPanel({
  strokes,
  onStrokesChange,
  preview,
  predictions,
  status,
  netNames,
  nets = [],
  disabled = false,
}: Props) {
  const shown = NET_IDS.filter((id) => id === 'bn' || id === 'plain' || nets.includes(id));
  const views = shown.map((net) => ({ net, view: netPrediction(status, predictions, net) }));
  return (
    <section className="card draw-panel" aria-labelledby="draw-heading" data-status={status}>
      <div className="section-head">
        <h2 id="draw-heading">Draw a digit</h2>
        <span className="hint">
          {views.length > 2 ? 'Every net reads' : 'Both nets read'} it as you draw, from the same 28×28 image.
        </span>
      </div>
      <div className="draw-layout">
        <div className="draw-input">
          <DrawPad strokes={strokes} onChange={onStrokesChange} disabled={disabled} />
          <PixelPreview pixels={status === 'empty' ? null : preview} />
        </div>
        <div className="draw-output" aria-busy={status === 'pending'}>
          <div className={`prediction-pair${views.length > 2 ? ' compact' : ''}`} data-testid="draw-readings">
            {views.map(({ net, view }) => (
              <PredictionBars
                key={net}
                net={net}
                title={netNames[net]}
                testId={`prediction-${net}`}
                view={view}
                compact={views.length > 2}
              />
            ))}
          </div>
          <NetsAgreement views={views} names={netNames} />
        </div>
      </div>
    </section>
  );
}
