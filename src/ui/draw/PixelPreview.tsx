// "What the nets see": the 28×28 image given to both nets, drawn large with every pixel a visible block, so a user
// can tell a badly read digit from a badly drawn one.
import { useEffect, useRef } from 'react';
import { paintPixels, PREVIEW_SIDE } from './paint';

const PIXEL_COUNT = PREVIEW_SIDE * PREVIEW_SIDE;

interface Props {
  /** 784 intensities in [0,1], row-major, white ink on black; null before anything is drawn. */
  pixels: Float32Array | null;
}

export function PixelPreview({ pixels }: Props) {
  const canvasRef = useRef<HTMLCanvasElement>(null);
  const usable = pixels !== null && pixels.length === PIXEL_COUNT;

  useEffect(() => {
    const canvas = canvasRef.current;
    const ctx = canvas?.getContext('2d') ?? null;
    if (canvas === null || ctx === null || pixels === null || !usable) return;
    // Device pixels, so the grid lines stay sharp on high-density screens.
    const side = Math.max(PREVIEW_SIDE, Math.round(canvas.getBoundingClientRect().width * window.devicePixelRatio));
    if (canvas.width !== side) {
      canvas.width = side;
      canvas.height = side;
    }
    paintPixels(ctx, pixels, side);
  }, [pixels, usable]);

  let label = 'What the nets see: nothing drawn yet';
  let body = <span className="pixel-preview-empty">Nothing drawn yet</span>;
  if (pixels !== null && !usable) {
    // A wiring mistake, not a user's: say so plainly rather than draw a wrong picture.
    label = `What the nets see: unavailable (expected ${PIXEL_COUNT} pixels, got ${pixels.length})`;
    body = (
      <span className="pixel-preview-empty">
        Preview unavailable: {pixels.length} pixels instead of {PIXEL_COUNT}
      </span>
    );
  } else if (usable) {
    label = 'What the nets see: your drawing scaled to 28 by 28 grey pixels';
    body = <canvas ref={canvasRef} className="pixel-preview-canvas" aria-hidden="true" />;
  }

  return (
    <figure className="pixel-preview" data-testid="pixel-preview">
      <div className="pixel-preview-box" role="img" aria-label={label}>
        {body}
      </div>
      <figcaption>What the nets see (28×28)</figcaption>
    </figure>
  );
}
