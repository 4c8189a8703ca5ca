// Stroke templates of the ten digits as a person draws them with a mouse, in stroke order, for the synthetic test set.
// Dependency-free. Coordinates are in a unit box (y down); the transforms in syntheticDigits.ts place and distort them.
import type { Point, Stroke } from './strokes';

export interface DigitTemplate {
  label: number;
  /** A short name for the way of writing it ("flag", "open-top", …). */
  style: string;
  strokes: Stroke[];
}

const DEG = Math.PI / 180;

/** Points along an ellipse from angle `from` to `to` in degrees; y is down, so increasing angles turn clockwise on screen. */
function arc(cx: number, cy: number, rx: number, ry: number, from: number, to: number): Point[] {
  const steps = Math.max(2, Math.ceil(Math.abs(to - from) / 10));
  const points: Point[] = [];
  for (let i = 0; i <= steps; i++) {
    const a = (from + ((to - from) * i) / steps) * DEG;
    points.push({ x: cx + rx * Math.cos(a), y: cy + ry * Math.sin(a) });
  }
  return points;
}

const p = (x: number, y: number): Point => ({ x, y });

/** A vertical figure eight in one stroke, top loop first and a little smaller, as most people write it. */
function figureEight(): Point[] {
  const points: Point[] = [];
  for (let i = 0; i <= 48; i++) {
    const t = 0.25 + (i / 48) * 2 * Math.PI;
    const y = 0.5 - 0.5 * Math.cos(t);
    points.push({ x: 0.5 - 0.62 * Math.sin(t) * Math.cos(t), y: y ** 1.15 });
  }
  return points;
}

export const DIGIT_TEMPLATES: readonly DigitTemplate[] = [
  { label: 0, style: 'oval', strokes: [arc(0.5, 0.5, 0.32, 0.48, -90, -460)] },
  { label: 0, style: 'open-oval', strokes: [arc(0.5, 0.5, 0.27, 0.48, -70, -420)] },
  { label: 1, style: 'stick', strokes: [[p(0.5, 0), p(0.5, 1)]] },
  { label: 1, style: 'flag', strokes: [[p(0.3, 0.2), p(0.52, 0), p(0.5, 1)]] },
  { label: 1, style: 'leaning', strokes: [[p(0.62, 0), p(0.4, 1)]] },
  { label: 2, style: 'flat-base', strokes: [[...arc(0.5, 0.28, 0.3, 0.27, 200, 380), p(0.14, 1), p(0.88, 1)]] },
  {
    label: 2,
    style: 'round',
    strokes: [[...arc(0.5, 0.3, 0.32, 0.3, 190, 400), p(0.25, 0.88), p(0.16, 0.98), p(0.5, 0.96), p(0.86, 0.98)]],
  },
  {
    label: 3,
    style: 'round',
    strokes: [[...arc(0.48, 0.26, 0.3, 0.25, 200, 450), ...arc(0.48, 0.74, 0.34, 0.26, -90, 160)]],
  },
  {
    label: 3,
    style: 'flat-top',
    strokes: [[p(0.18, 0), p(0.82, 0), p(0.42, 0.38), ...arc(0.48, 0.68, 0.34, 0.31, -105, 160)]],
  },
  {
    label: 4,
    style: 'closed-top',
    strokes: [
      [p(0.62, 0), p(0.1, 0.68), p(0.9, 0.68)],
      [p(0.64, 0), p(0.64, 1)],
    ],
  },
  {
    label: 4,
    style: 'open-top',
    strokes: [
      [p(0.2, 0), p(0.17, 0.58), p(0.86, 0.58)],
      [p(0.72, 0), p(0.72, 1)],
    ],
  },
  {
    label: 5,
    style: 'two-strokes',
    strokes: [
      [p(0.3, 0), ...arc(0.48, 0.67, 0.34, 0.31, -125, 155)],
      [p(0.3, 0), p(0.82, 0)],
    ],
  },
  { label: 5, style: 'one-stroke', strokes: [[p(0.82, 0), p(0.3, 0), ...arc(0.48, 0.67, 0.34, 0.31, -125, 155)]] },
  {
    label: 6,
    style: 'curved',
    strokes: [[...arc(0.78, 0.62, 0.58, 0.62, 250, 180), ...arc(0.5, 0.71, 0.3, 0.28, 180, -175)]],
  },
  { label: 6, style: 'straight-stem', strokes: [[p(0.68, 0), p(0.26, 0.55), ...arc(0.5, 0.72, 0.3, 0.27, 160, -190)]] },
  { label: 7, style: 'plain', strokes: [[p(0.12, 0.02), p(0.88, 0.02), p(0.42, 1)]] },
  {
    label: 7,
    style: 'crossed',
    strokes: [
      [p(0.12, 0.14), p(0.14, 0.02), p(0.88, 0.02), p(0.45, 1)],
      [p(0.3, 0.5), p(0.78, 0.5)],
    ],
  },
  { label: 8, style: 'one-stroke', strokes: [figureEight()] },
  {
    label: 8,
    style: 'two-loops',
    strokes: [arc(0.5, 0.24, 0.24, 0.24, -90, -450), arc(0.5, 0.72, 0.3, 0.28, -90, -450)],
  },
  { label: 9, style: 'straight-stem', strokes: [[...arc(0.48, 0.28, 0.28, 0.27, 0, -360), p(0.76, 0.3), p(0.72, 1)]] },
  { label: 9, style: 'leaning-stem', strokes: [[...arc(0.5, 0.27, 0.28, 0.27, 10, -360), p(0.77, 0.32), p(0.58, 1)]] },
];
