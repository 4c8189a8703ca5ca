// A drawn digit as strokes: the pad records them, and the rasterizer and preprocessing read them. Dependency-free.

/** A point on the pad, in pad units: 0..1 across and down, whatever the canvas's pixel size. */
export interface Point {
  x: number;
  y: number;
}

/** One pen-down-to-pen-up path. */
export type Stroke = readonly Point[];

/** Stroke width as a fraction of the pad's side, chosen so a digit drawn across most of the pad downsamples to strokes as thick as MNIST's. */
export const STROKE_WIDTH = 0.07;
