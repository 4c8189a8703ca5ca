// Renders recorded strokes into a grey image (1 = ink), so classification never reads the pad's canvas back and tests run
// the very same pipeline in Node. Dependency-free: no DOM, no TF.js.
import { STROKE_WIDTH, type Point, type Stroke } from './strokes';

/**
 * Round-capped, round-joined strokes on a size×size black field, row-major, values in [0,1].
 * Coverage is anti-aliased with a 1 px linear ramp on the distance from a pixel's centre to the nearest segment:
 * 1 inside radius − ½, 0 beyond radius + ½. Overlapping segments take the maximum, not the sum, so a stroke that
 * crosses itself (an 8) or a join is no darker than a plain stroke — as with a real pen.
 * A single-point stroke is a dot. `width` is a fraction of the side, like Point coordinates.
 */
export function rasterizeStrokes(strokes: readonly Stroke[], size: number, width: number = STROKE_WIDTH): Float32Array {
  const image = new Float32Array(size * size);
  const radius = (width * size) / 2;
  for (const stroke of strokes) {
    const first = stroke[0];
    if (!first) continue;
    if (stroke.length === 1) drawSegment(image, size, radius, first, first);
    for (let i = 1; i < stroke.length; i++) {
      const a = stroke[i - 1];
      const b = stroke[i];
      if (a && b) drawSegment(image, size, radius, a, b);
    }
  }
  return image;
}

/** One capsule (segment with round ends); only the pixels of its bounding box are visited, so a 280² pad takes a few ms. */
function drawSegment(image: Float32Array, size: number, radius: number, a: Point, b: Point): void {
  const ax = a.x * size;
  const ay = a.y * size;
  const dx = b.x * size - ax;
  const dy = b.y * size - ay;
  const lengthSq = dx * dx + dy * dy;
  const reach = radius + 0.5;
  const x0 = Math.max(0, Math.floor(Math.min(ax, ax + dx) - reach));
  const x1 = Math.min(size - 1, Math.ceil(Math.max(ax, ax + dx) + reach));
  const y0 = Math.max(0, Math.floor(Math.min(ay, ay + dy) - reach));
  const y1 = Math.min(size - 1, Math.ceil(Math.max(ay, ay + dy) + reach));
  for (let y = y0; y <= y1; y++) {
    const py = y + 0.5 - ay;
    for (let x = x0; x <= x1; x++) {
      const px = x + 0.5 - ax;
      // Projection onto the segment, clamped to its ends (which is what makes the caps round).
      const t = lengthSq > 0 ? Math.min(1, Math.max(0, (px * dx + py * dy) / lengthSq)) : 0;
      const ex = px - t * dx;
      const ey = py - t * dy;
      const coverage = Math.min(1, reach - Math.sqrt(ex * ex + ey * ey));
      if (coverage <= 0) continue;
      const i = y * size + x;
      if (coverage > (image[i] ?? 0)) image[i] = coverage;
    }
  }
}
