import { describe, expect, it } from 'vitest';
import { MIN_POINT_DISTANCE, StrokeRecorder, toPadPoint } from './strokeRecorder';

const RECT = { left: 100, top: 50, width: 280, height: 280 };

describe('toPadPoint', () => {
  it('maps client coordinates to pad units', () => {
    expect(toPadPoint(100, 50, RECT)).toEqual({ x: 0, y: 0 });
    expect(toPadPoint(240, 190, RECT)).toEqual({ x: 0.5, y: 0.5 });
    expect(toPadPoint(380, 330, RECT)).toEqual({ x: 1, y: 1 });
  });

  it('clamps a captured pointer that left the pad', () => {
    expect(toPadPoint(20, 400, RECT)).toEqual({ x: 0, y: 1 });
    expect(toPadPoint(1000, -30, RECT)).toEqual({ x: 1, y: 0 });
  });

  it('does not divide by zero for a collapsed pad', () => {
    expect(toPadPoint(10, 10, { left: 0, top: 0, width: 0, height: 0 })).toEqual({ x: 0, y: 0 });
  });
});

describe('StrokeRecorder', () => {
  it('records a stroke from begin to end', () => {
    const rec = new StrokeRecorder();
    rec.begin({ x: 0.1, y: 0.1 });
    expect(rec.drawing).toBe(true);
    expect(rec.extend({ x: 0.2, y: 0.1 })).toEqual({ x: 0.2, y: 0.1 });
    rec.extend({ x: 0.3, y: 0.2 });
    rec.end();
    expect(rec.drawing).toBe(false);
    expect(rec.strokes()).toEqual([
      [
        { x: 0.1, y: 0.1 },
        { x: 0.2, y: 0.1 },
        { x: 0.3, y: 0.2 },
      ],
    ]);
  });

  it('shows the open stroke in snapshots while it grows', () => {
    const rec = new StrokeRecorder();
    rec.begin({ x: 0.5, y: 0.5 });
    expect(rec.strokes()).toEqual([[{ x: 0.5, y: 0.5 }]]);
    rec.extend({ x: 0.6, y: 0.5 });
    expect(rec.strokes()[0]).toHaveLength(2);
  });

  it('keeps a tap as a one-point stroke (a dot)', () => {
    const rec = new StrokeRecorder();
    rec.begin({ x: 0.4, y: 0.4 });
    rec.end();
    expect(rec.strokes()).toEqual([[{ x: 0.4, y: 0.4 }]]);
  });

  it('skips points too close to the last one, so long drags stay light', () => {
    const rec = new StrokeRecorder();
    rec.begin({ x: 0.5, y: 0.5 });
    expect(rec.extend({ x: 0.5 + MIN_POINT_DISTANCE / 2, y: 0.5 })).toBeNull();
    for (let i = 0; i < 1000; i++) rec.extend({ x: 0.5 + (i % 3) * 0.001, y: 0.5 });
    expect(rec.extend({ x: 0.5 + MIN_POINT_DISTANCE * 2, y: 0.5 })).not.toBeNull();
    rec.end();
    expect(rec.strokes()[0]).toHaveLength(2);
  });

  it('ignores extend without an open stroke', () => {
    const rec = new StrokeRecorder();
    expect(rec.extend({ x: 0.5, y: 0.5 })).toBeNull();
    expect(rec.strokes()).toEqual([]);
  });

  it('clamps points to the pad', () => {
    const rec = new StrokeRecorder();
    rec.begin({ x: -0.2, y: 1.5 });
    rec.extend({ x: 2, y: 0.5 });
    expect(rec.strokes()).toEqual([
      [
        { x: 0, y: 1 },
        { x: 1, y: 0.5 },
      ],
    ]);
  });

  it('undoes the last stroke, or the open one first', () => {
    const rec = new StrokeRecorder();
    rec.begin({ x: 0.1, y: 0.1 });
    rec.end();
    rec.begin({ x: 0.9, y: 0.9 });
    rec.end();
    rec.begin({ x: 0.5, y: 0.5 });
    rec.undo();
    expect(rec.drawing).toBe(false);
    expect(rec.strokes()).toHaveLength(2);
    rec.undo();
    expect(rec.strokes()).toEqual([[{ x: 0.1, y: 0.1 }]]);
    rec.undo();
    rec.undo();
    expect(rec.strokes()).toEqual([]);
  });

  it('clears everything', () => {
    const rec = new StrokeRecorder([[{ x: 0.2, y: 0.2 }]]);
    rec.begin({ x: 0.3, y: 0.3 });
    rec.clear();
    expect(rec.drawing).toBe(false);
    expect(rec.strokes()).toEqual([]);
  });

  it('returns frozen snapshots that later strokes do not change', () => {
    const rec = new StrokeRecorder();
    rec.begin({ x: 0.1, y: 0.1 });
    const first = rec.strokes();
    rec.extend({ x: 0.5, y: 0.5 });
    rec.end();
    expect(first).toEqual([[{ x: 0.1, y: 0.1 }]]);
    const second = rec.strokes();
    expect(Object.isFrozen(second)).toBe(true);
    expect(Object.isFrozen(second[0])).toBe(true);
    expect(Object.isFrozen(second[0]?.[0])).toBe(true);
  });

  it('keeps the snapshot identity until the drawing changes', () => {
    const rec = new StrokeRecorder();
    rec.begin({ x: 0.1, y: 0.1 });
    const a = rec.strokes();
    expect(rec.strokes()).toBe(a);
    rec.extend({ x: 0.1 + MIN_POINT_DISTANCE / 3, y: 0.1 });
    expect(rec.strokes()).toBe(a);
    rec.extend({ x: 0.4, y: 0.1 });
    expect(rec.strokes()).not.toBe(a);
    const b = rec.strokes();
    rec.clear();
    const c = rec.strokes();
    rec.clear();
    expect(rec.strokes()).toBe(c);
    expect(c).not.toBe(b);
  });

  it('loads strokes from outside and keeps their identity', () => {
    const outside = [[{ x: 0.2, y: 0.3 }], [{ x: 0.6, y: 0.7 }]];
    const rec = new StrokeRecorder();
    rec.begin({ x: 0.9, y: 0.9 });
    rec.load(outside);
    expect(rec.drawing).toBe(false);
    expect(rec.strokes()).toBe(outside);
    rec.undo();
    expect(rec.strokes()).toEqual([[{ x: 0.2, y: 0.3 }]]);
    expect(outside).toHaveLength(2);
  });
});
