import { describe, expect, it } from 'vitest';
import { DIGIT_TEMPLATES } from './digitTemplates';
import { preprocessDigit, totalInk } from './preprocess';
import { rasterizeStrokes } from './rasterize';
import { syntheticDigitSet, VARIANTS } from './syntheticDigits';

const PAD = 280;

describe('the digit templates', () => {
  it('cover all ten digits, some in more than one style', () => {
    const labels = new Set(DIGIT_TEMPLATES.map((t) => t.label));
    expect([...labels].sort()).toEqual([0, 1, 2, 3, 4, 5, 6, 7, 8, 9]);
    expect(DIGIT_TEMPLATES.length).toBeGreaterThanOrEqual(20);
    for (const t of DIGIT_TEMPLATES)
      expect(
        t.strokes.every((s) => s.length > 0),
        `${t.label} ${t.style}`,
      ).toBe(true);
  });
});

describe('syntheticDigitSet', () => {
  const set = syntheticDigitSet(7);

  it('draws every digit in at least 8 variants, including small in each corner, large, thin and thick', () => {
    expect(VARIANTS.length).toBeGreaterThanOrEqual(8);
    for (const variant of VARIANTS) {
      const labels = new Set(set.filter((d) => d.variant === variant.name).map((d) => d.label));
      expect(labels.size, variant.name).toBe(10);
    }
    const names = VARIANTS.map((v) => v.name);
    for (const name of [
      'centred',
      'large',
      'small-top-left',
      'small-top-right',
      'small-bottom-left',
      'small-bottom-right',
      'thin-pen',
      'thick-pen',
    ]) {
      expect(names).toContain(name);
    }
  });

  it('is the same for the same seed and differs for another', () => {
    expect(syntheticDigitSet(7)).toEqual(set);
    expect(syntheticDigitSet(8)).not.toEqual(set);
  });

  it('keeps every point on the pad', () => {
    const points = set.flatMap((d) => d.strokes.flat());
    expect(points.every((q) => q.x >= 0 && q.x <= 1 && q.y >= 0 && q.y <= 1)).toBe(true);
  });

  it('puts small digits in their corner and large ones across most of the pad', () => {
    const extent = (variant: string): { x: number; y: number; size: number } => {
      const points = set.filter((d) => d.variant === variant).flatMap((d) => d.strokes.flat());
      const ys = points.map((q) => q.y);
      const xs = points.map((q) => q.x);
      return {
        x: xs.reduce((a, b) => a + b, 0) / xs.length,
        y: ys.reduce((a, b) => a + b, 0) / ys.length,
        size: Math.max(...ys) - Math.min(...ys),
      };
    };
    const corner = extent('small-bottom-right');
    expect(corner.x).toBeGreaterThan(0.7);
    expect(corner.y).toBeGreaterThan(0.7);
    expect(extent('large').size).toBeGreaterThan(0.85);
  });

  it('preprocesses to digits, never to empty, with about as much ink as MNIST when drawn at 60% of the pad', () => {
    // MNIST's training images hold 102.4 units of ink on average (pixels / 255); STROKE_WIDTH was tuned to match.
    const centred = set.filter((d) => d.variant === 'centred');
    const inks = centred.map((d) => {
      const result = preprocessDigit(rasterizeStrokes(d.strokes, PAD, d.width), PAD, PAD);
      expect(result.kind, `${d.label} ${d.style}`).toBe('digit');
      return result.kind === 'digit' ? totalInk(result.pixels) : 0;
    });
    const mean = inks.reduce((a, b) => a + b, 0) / inks.length;
    expect(mean).toBeGreaterThan(85);
    expect(mean).toBeLessThan(120);
    const smallest = set.filter((d) => d.variant.startsWith('small'));
    for (const d of smallest)
      expect(preprocessDigit(rasterizeStrokes(d.strokes, PAD, d.width), PAD, PAD).kind).toBe('digit');
  });
});
