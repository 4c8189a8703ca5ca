import { describe, expect, it } from 'vitest';
import { STROKE_WIDTH } from '../../digit/strokes';
import { paintPixels, paintSegment, paintStrokes, PREVIEW_SIDE, type Painter } from './paint';

interface Call {
  op: string;
  args: number[];
  fill: string;
}

/** A 2D context that records what is drawn, with the fill colour in force at each call. */
/** A fill style as text (the painter only ever sets colours). */
const fillOf = (style: Painter['fillStyle']): string => (typeof style === 'string' ? style : 'pattern');

function recorder(): Painter & { calls: Call[] } {
  const calls: Call[] = [];
  const ctx = {
    calls,
    fillStyle: '' as Painter['fillStyle'],
    strokeStyle: '' as Painter['strokeStyle'],
    lineWidth: 1,
    lineCap: 'butt' as CanvasLineCap,
    lineJoin: 'miter' as CanvasLineJoin,
    beginPath: () => calls.push({ op: 'beginPath', args: [], fill: fillOf(ctx.fillStyle) }),
    fill: () => calls.push({ op: 'fill', args: [], fill: fillOf(ctx.fillStyle) }),
    stroke: () => calls.push({ op: 'stroke', args: [], fill: fillOf(ctx.fillStyle) }),
    fillRect: (...args: number[]) => calls.push({ op: 'fillRect', args, fill: fillOf(ctx.fillStyle) }),
    moveTo: (...args: number[]) => calls.push({ op: 'moveTo', args, fill: fillOf(ctx.fillStyle) }),
    lineTo: (...args: number[]) => calls.push({ op: 'lineTo', args, fill: fillOf(ctx.fillStyle) }),
    arc: (...args: number[]) => calls.push({ op: 'arc', args, fill: fillOf(ctx.fillStyle) }),
  };
  return ctx as unknown as Painter & { calls: Call[] };
}

describe('paintStrokes', () => {
  it('paints a black square, then round strokes of the shared width', () => {
    const ctx = recorder();
    paintStrokes(
      ctx,
      [
        [
          { x: 0.1, y: 0.2 },
          { x: 0.5, y: 0.5 },
          { x: 0.9, y: 0.2 },
        ],
      ],
      200,
    );
    expect(ctx.calls[0]).toEqual({ op: 'fillRect', args: [0, 0, 200, 200], fill: '#000000' });
    expect(ctx.lineWidth).toBeCloseTo(STROKE_WIDTH * 200);
    expect(ctx.lineCap).toBe('round');
    expect(ctx.lineJoin).toBe('round');
    expect(ctx.calls.filter((c) => c.op === 'moveTo').map((c) => c.args)).toEqual([[20, 40]]);
    expect(ctx.calls.filter((c) => c.op === 'lineTo')).toHaveLength(2);
    expect(ctx.calls.at(-1)?.op).toBe('stroke');
  });

  it('paints a tap as a disc as wide as a stroke', () => {
    const ctx = recorder();
    paintStrokes(ctx, [[{ x: 0.5, y: 0.5 }]], 100);
    const arc = ctx.calls.find((c) => c.op === 'arc');
    expect(arc?.args.slice(0, 3)).toEqual([50, 50, (STROKE_WIDTH * 100) / 2]);
    expect(ctx.calls.at(-1)).toMatchObject({ op: 'fill', fill: '#ffffff' });
  });
});

describe('paintSegment', () => {
  it('paints the first point as a dot and later points as segments', () => {
    const ctx = recorder();
    paintSegment(ctx, null, { x: 0.5, y: 0.5 }, 100);
    paintSegment(ctx, { x: 0.5, y: 0.5 }, { x: 0.6, y: 0.5 }, 100);
    expect(ctx.calls.map((c) => c.op)).toEqual(['beginPath', 'arc', 'fill', 'beginPath', 'moveTo', 'lineTo', 'stroke']);
  });
});

describe('paintPixels', () => {
  it('paints each pixel as a block in row-major order', () => {
    const ctx = recorder();
    const pixels = new Float32Array(PREVIEW_SIDE * PREVIEW_SIDE);
    pixels[2 * PREVIEW_SIDE + 5] = 1;
    pixels[0] = 0.5;
    paintPixels(ctx, pixels, 280);
    const blocks = ctx.calls.filter((c) => c.op === 'fillRect').slice(0, PREVIEW_SIDE * PREVIEW_SIDE);
    expect(blocks[0]).toEqual({ op: 'fillRect', args: [0, 0, 10, 10], fill: 'rgb(128, 128, 128)' });
    expect(blocks[2 * PREVIEW_SIDE + 5]).toEqual({
      op: 'fillRect',
      args: [50, 20, 10, 10],
      fill: 'rgb(255, 255, 255)',
    });
    expect(blocks[1]?.fill).toBe('rgb(0, 0, 0)');
  });

  it('tiles the canvas without gaps when the side is not a multiple of 28', () => {
    const ctx = recorder();
    paintPixels(ctx, new Float32Array(PREVIEW_SIDE * PREVIEW_SIDE), 150);
    const firstRow = ctx.calls.filter((c) => c.op === 'fillRect').slice(0, PREVIEW_SIDE);
    const widths = firstRow.map((c) => c.args[2] ?? 0);
    expect(widths.reduce((a, b) => a + b, 0)).toBe(150);
    firstRow.forEach((c, i) => expect(c.args[0]).toBe(firstRow.slice(0, i).reduce((a, b) => a + (b.args[2] ?? 0), 0)));
  });
});
