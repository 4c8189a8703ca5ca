// A drawn digit as strokes: the pad records them, and the rasterizer and preprocessing read them. Dependency-free.

/** A point on the pad, in pad units: 0..1 across and down, whatever the canvas's pixel size. */
export interface Point {
  x: number;
  y: number;
}

/** One pen-down-to-pen-up path. */
export type Stroke = readonly Point[];

/**
 * Stroke width as a fraction of the pad's side. Measured through rasterize + preprocess: a digit 60% of the pad tall comes
 * out with 101 units of ink and ink runs 4.2 px long on average, where MNIST's training images have 102.4 and 4.1.
 * Larger drawings come out thinner and smaller ones thicker, as in MNIST; the nets read both (see syntheticDigits).
 */
export const STROKE_WIDTH = 0.085;
