// The drawing pad's stroke model: pointer positions become points in pad units, grouped into strokes, with undo and
// clear. Pure (no DOM, no React), so the pad's behaviour is tested without a browser.
import type { Point, Stroke } from '../../digit/strokes';

/**
 * Points closer than this to the previous one (in pad units) are skipped: a long, slow drag would otherwise record a
 * point per pointer event. Far below the stroke width (0.07), so the recorded path looks the same.
 */
export const MIN_POINT_DISTANCE = 0.006;

/** The part of a DOMRect the conversion needs, so tests can pass a plain object. */
export interface PadRect {
  left: number;
  top: number;
  width: number;
  height: number;
}

function clamp01(value: number): number {
  if (Number.isNaN(value)) return 0;
  return Math.min(1, Math.max(0, value));
}

/** A pointer's client coordinates in pad units, clamped to the pad (a captured pointer can leave the canvas). */
export function toPadPoint(clientX: number, clientY: number, rect: PadRect): Point {
  // A pad of zero size (hidden, collapsed) has no meaningful position: pin to the corner rather than divide by zero.
  const x = rect.width > 0 ? (clientX - rect.left) / rect.width : 0;
  const y = rect.height > 0 ? (clientY - rect.top) / rect.height : 0;
  return { x: clamp01(x), y: clamp01(y) };
}

function distance(a: Point, b: Point): number {
  return Math.hypot(a.x - b.x, a.y - b.y);
}

function freeze(points: readonly Point[]): Stroke {
  return Object.freeze(points.map((p) => Object.freeze({ x: p.x, y: p.y })));
}

/**
 * Records strokes as the pen moves. `strokes()` returns an immutable snapshot that keeps its identity until the
 * drawing changes, so a React parent that stores it and passes it back can tell "my own update" from "replaced".
 */
export class StrokeRecorder {
  private done: Stroke[];
  private current: Point[] | null = null;
  private snapshot: readonly Stroke[] | null = null;

  constructor(initial: readonly Stroke[] = []) {
    this.done = initial.map(freeze);
  }

  /** True between begin() and end(). */
  get drawing(): boolean {
    return this.current !== null;
  }

  /** Starts a stroke at this point (ending any stroke still open, which a lost pointer-up can leave). */
  begin(point: Point): void {
    this.end();
    this.current = [{ x: clamp01(point.x), y: clamp01(point.y) }];
    this.snapshot = null;
  }

  /**
   * Adds a point to the open stroke. Returns the point added, or null when it was skipped (too close to the last
   * one, or no stroke is open), so the pad draws only segments that the recorded strokes also hold.
   */
  extend(point: Point): Point | null {
    const current = this.current;
    const last = current?.[current.length - 1];
    if (current === null || last === undefined) return null;
    const next = { x: clamp01(point.x), y: clamp01(point.y) };
    if (distance(last, next) < MIN_POINT_DISTANCE) return null;
    current.push(next);
    this.snapshot = null;
    return next;
  }

  /** Closes the open stroke, if any. A single tap stays a one-point stroke: a dot. */
  end(): void {
    if (this.current === null) return;
    this.done.push(freeze(this.current));
    this.current = null;
    this.snapshot = null;
  }

  clear(): void {
    if (this.done.length === 0 && this.current === null) return;
    this.done = [];
    this.current = null;
    this.snapshot = null;
  }

  /** Removes the open stroke if there is one, otherwise the last finished stroke. */
  undo(): void {
    if (this.current !== null) this.current = null;
    else if (this.done.length > 0) this.done.pop();
    else return;
    this.snapshot = null;
  }

  /** Replaces everything with strokes from outside (the parent cleared or restored the drawing). */
  load(strokes: readonly Stroke[]): void {
    this.done = strokes.map(freeze);
    this.current = null;
    // The caller's array is already a snapshot of this drawing: keep its identity.
    this.snapshot = strokes;
  }

  /** The finished strokes plus the open one, frozen; the same array until the drawing changes. */
  strokes(): readonly Stroke[] {
    if (this.snapshot === null) {
      const all = this.current === null ? [...this.done] : [...this.done, freeze(this.current)];
      this.snapshot = Object.freeze(all);
    }
    return this.snapshot;
  }
}
