// The exported figure's layout: panels in one row under a title band, scaled with the device-pixel ratio.
import { describe, expect, it } from 'vitest';
import { layoutFigure, wrapParts } from './exportPng';

describe('layoutFigure', () => {
  it('places panels side by side under the header with margins', () => {
    const layout = layoutFigure(
      [
        { width: 600, height: 380 },
        { width: 600, height: 400 },
      ],
      1,
    );
    expect(layout.panels).toEqual([
      { x: 16, y: 60 },
      { x: 632, y: 60 },
    ]);
    expect(layout.width).toBe(16 + 600 + 16 + 600 + 16);
    expect(layout.height).toBe(60 + 400 + 16);
  });

  it('makes room for a wrapped subtitle', () => {
    expect(layoutFigure([{ width: 600, height: 380 }], 1, 3).panels[0]).toEqual({ x: 16, y: 42 + 3 * 18 });
  });

  it('scales spacing on high-density screens', () => {
    const layout = layoutFigure([{ width: 1200, height: 760 }], 2);
    expect(layout.panels[0]).toEqual({ x: 32, y: 120 });
    expect(layout.height).toBe(120 + 760 + 32);
  });
});

describe('wrapParts', () => {
  const measure = (text: string) => text.length;

  it('fills each line with whole parts, joined by middle dots', () => {
    expect(wrapParts(['Adam lr 0.001', 'batch 32', '2 epochs', 'seed 42'], 26, measure)).toEqual([
      'Adam lr 0.001 · batch 32',
      '2 epochs · seed 42',
    ]);
  });

  it('keeps a part that is too long on its own line rather than dropping it', () => {
    expect(wrapParts(['a very long first part', 'b'], 5, measure)).toEqual(['a very long first part', 'b']);
    expect(wrapParts([], 5, measure)).toEqual([]);
  });
});
