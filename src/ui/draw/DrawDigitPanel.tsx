// "Draw a digit": the pad and what the nets see beside it, then both nets' readings side by side. Computes nothing
// itself: the caller turns strokes into the preview and asks the worker for predictions.
import type { Stroke } from '../../digit/strokes';
import type { NetId } from '../../shared/metrics';
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
  disabled?: boolean;
}

export function DrawDigitPanel({
  strokes,
  onStrokesChange,
  preview,
  predictions,
  status,
  netNames,
  disabled = false,
}: Props) {
  const bn = netPrediction(status, predictions, 'bn');
  const plain = netPrediction(status, predictions, 'plain');
  return (
    <section className="card draw-panel" aria-labelledby="draw-heading" data-status={status}>
      <div className="section-head">
        <h2 id="draw-heading">Draw a digit</h2>
        <span className="hint">Both nets read it as you draw, from the same 28×28 image.</span>
      </div>
      <div className="draw-layout">
        <div className="draw-input">
          <DrawPad strokes={strokes} onChange={onStrokesChange} disabled={disabled} />
          <PixelPreview pixels={status === 'empty' ? null : preview} />
        </div>
        <div className="draw-output" aria-busy={status === 'pending'}>
          <div className="prediction-pair">
            <PredictionBars net="bn" title={netNames.bn} testId="prediction-bn" view={bn} />
            <PredictionBars net="plain" title={netNames.plain} testId="prediction-plain" view={plain} />
          </div>
          <NetsAgreement bn={bn} plain={plain} names={netNames} />
        </div>
      </div>
    </section>
  );
}
