// Canvas painting for the drawing pad (strokes) and the 28×28 preview (pixels, with a grid). White on black, as in
// MNIST, so the pad looks like what the nets are given. Takes a 2D context; no React.
import { STROKE_WIDTH, type Point, type Stroke } from '../../digit/strokes';

export const PAD_BACKGROUND = '#000000';
export const INK = '#ffffff';
/** Grey enough to see on black and on white pixels alike. */
const GRID = 'rgba(128, 128, 128, 0.35)';
export const PREVIEW_SIDE = 28;

/** The 2D context calls used here, so tests can record them with a plain object. */
export type Painter = Pick<
  CanvasRenderingContext2D,
  | 'fillStyle'
  | 'strokeStyle'
  | 'lineWidth'
  | 'lineCap'
  | 'lineJoin'
  | 'fillRect'
  | 'beginPath'
  | 'moveTo'
  | 'lineTo'
  | 'arc'
  | 'fill'
  | 'stroke'
>;

function setInk(ctx: Painter, side: number): void {
  ctx.strokeStyle = INK;
  ctx.fillStyle = INK;
  ctx.lineWidth = STROKE_WIDTH * side;
  ctx.lineCap = 'round';
  ctx.lineJoin = 'round';
}

function dot(ctx: Painter, p: Point, side: number): void {
  // A zero-length line is not stroked everywhere; a filled disc is the same shape as a round cap.
  ctx.beginPath();
  ctx.arc(p.x * side, p.y * side, (STROKE_WIDTH * side) / 2, 0, Math.PI * 2);
  ctx.fill();
}

/** Paints the whole drawing on a black square of `side` canvas pixels. */
export function paintStrokes(ctx: Painter, strokes: readonly Stroke[], side: number): void {
  ctx.fillStyle = PAD_BACKGROUND;
  ctx.fillRect(0, 0, side, side);
  setInk(ctx, side);
  for (const stroke of strokes) {
    const [first, ...rest] = stroke;
    if (first === undefined) continue;
    if (rest.length === 0) {
      dot(ctx, first, side);
      continue;
    }
    ctx.beginPath();
    ctx.moveTo(first.x * side, first.y * side);
    for (const p of rest) ctx.lineTo(p.x * side, p.y * side);
    ctx.stroke();
  }
}

/** Paints one new piece of a growing stroke (or its first dot), so a drag costs one segment per move, not a redraw. */
export function paintSegment(ctx: Painter, from: Point | null, to: Point, side: number): void {
  setInk(ctx, side);
  if (from === null) {
    dot(ctx, to, side);
    return;
  }
  ctx.beginPath();
  ctx.moveTo(from.x * side, from.y * side);
  ctx.lineTo(to.x * side, to.y * side);
  ctx.stroke();
}

/** Paints 28×28 intensities in [0,1] (row-major) as blocks filling `side` canvas pixels, with a grid between them. */
export function paintPixels(ctx: Painter, pixels: Float32Array, side: number): void {
  const edge = (i: number) => Math.round((i * side) / PREVIEW_SIDE);
  for (let row = 0; row < PREVIEW_SIDE; row++) {
    for (let col = 0; col < PREVIEW_SIDE; col++) {
      const value = pixels[row * PREVIEW_SIDE + col] ?? 0;
      const grey = Math.round(Math.min(1, Math.max(0, value)) * 255);
      ctx.fillStyle = `rgb(${grey}, ${grey}, ${grey})`;
      // Rounded edges: blocks meet without the seams that fractional rectangles would anti-alias.
      ctx.fillRect(edge(col), edge(row), edge(col + 1) - edge(col), edge(row + 1) - edge(row));
    }
  }
  ctx.fillStyle = GRID;
  const line = Math.max(1, Math.round(side / 280));
  for (let i = 1; i < PREVIEW_SIDE; i++) {
    ctx.fillRect(edge(i), 0, line, side);
    ctx.fillRect(0, edge(i), side, line);
  }
}
