// The panel's promises to automation and to users, in each state, rendered to HTML as the page would (no browser).
import { netNames } from '../../shared/netNames';
import { createElement } from 'react';
import { renderToString } from 'react-dom/server';
import { describe, expect, it } from 'vitest';
import { DrawDigitPanel } from './DrawDigitPanel';
import { PAD_LABEL } from './DrawPad';
import type { DrawStatus, Predictions } from './prediction';

const NAMES = { ...netNames(null), bn: 'With BN (before ReLU)' };
const SEVEN = [0.001, 0.002, 0.01, 0.003, 0.0001, 0.0009, 0.001, 0.97, 0.01, 0.002];
const ONE = [0.01, 0.62, 0.05, 0.03, 0.04, 0.05, 0.05, 0.1, 0.03, 0.02];
const STROKE = [
  { x: 0.2, y: 0.2 },
  { x: 0.8, y: 0.2 },
  { x: 0.4, y: 0.9 },
];

function render(status: DrawStatus, predictions: Predictions | null, preview: Float32Array | null = null): string {
  return renderToString(
    createElement(DrawDigitPanel, {
      strokes: status === 'empty' ? [] : [STROKE],
      onStrokesChange: () => undefined,
      preview,
      predictions,
      status,
      netNames: NAMES,
    }),
  );
}

/** The attributes of the element with this data-testid. */
function attrs(html: string, testId: string): Record<string, string> {
  const tag = new RegExp(`<[a-z0-9]+\\b[^>]*\\bdata-testid="${testId}"[^>]*>`).exec(html)?.[0];
  if (tag === undefined) throw new Error(`No element with data-testid="${testId}"`);
  return Object.fromEntries([...tag.matchAll(/([a-z-]+)="([^"]*)"/g)].map((m) => [m[1] ?? '', m[2] ?? '']));
}

/** The text of the element with this data-testid, tags stripped (its root only needs to be unique). */
function text(html: string, testId: string, closing: string): string {
  const start = html.search(new RegExp(`data-testid="${testId}"`));
  const end = html.indexOf(closing, start);
  return html
    .slice(start, end)
    .replace(/<[^>]*>/g, '')
    .replace(/^[^>]*>/, '')
    .replace(/<!-- -->/g, '');
}

describe('DrawDigitPanel', () => {
  it('always renders the pad, Clear and both readings with their hooks', () => {
    for (const status of ['no-model', 'empty', 'pending', 'ready'] as const) {
      const html = render(status, null);
      const canvas = attrs(html, 'draw-canvas');
      expect(canvas['aria-label']).toBe(PAD_LABEL);
      expect(canvas.tabindex).toBe('0');
      expect(attrs(html, 'clear-drawing')).toBeDefined();
      expect(attrs(html, 'prediction-bn')['data-digit']).toBe('');
      expect(attrs(html, 'prediction-plain')['data-confidence']).toBe('');
    }
  });

  it('asks for a digit on an empty pad, with Clear and Undo disabled and no prediction shown', () => {
    const html = render('empty', { bn: SEVEN, plain: SEVEN });
    expect(attrs(html, 'prediction-bn')).toMatchObject({
      'data-state': 'empty',
      'data-digit': '',
      'data-confidence': '',
    });
    expect(text(html, 'prediction-bn', '</h3>')).toContain('With BN (before ReLU)');
    expect(html).toContain('Draw a digit</p>');
    expect(attrs(html, 'clear-drawing')).toHaveProperty('disabled');
    expect(html).toContain('Nothing drawn yet');
  });

  it('says to press Train when there is no trained net', () => {
    const html = render('no-model', null);
    expect(attrs(html, 'prediction-plain')).toMatchObject({ 'data-state': 'no-model', 'data-digit': '' });
    expect(html).toContain('No trained net yet — press Train');
    expect(attrs(html, 'clear-drawing')).not.toHaveProperty('disabled');
  });

  it("shows each net's top digit and confidence, and whether they agree", () => {
    const html = render('ready', { bn: SEVEN, plain: ONE }, new Float32Array(784));
    expect(attrs(html, 'prediction-bn')).toMatchObject({
      'data-state': 'ready',
      'data-digit': '7',
      'data-confidence': '0.9700',
    });
    expect(attrs(html, 'prediction-plain')).toMatchObject({ 'data-digit': '1', 'data-confidence': '0.6200' });
    expect(html).toContain('97.0% sure');
    expect(html.match(/class="prob top"/g)).toHaveLength(2);
    expect(html.match(/<li /g)).toHaveLength(20);
    expect(attrs(html, 'prediction-agreement')['data-agree']).toBe('false');
    expect(text(html, 'prediction-agreement', '</p>')).toBe(
      'The nets disagree: With BN (before ReLU) reads 7, No BN reads 1.',
    );
    expect(attrs(html, 'pixel-preview')).toBeDefined();
    expect(html).toContain('What the nets see (28×28)');
  });

  it('keeps the last reading while the next one is pending, and waits for the first', () => {
    expect(attrs(render('pending', { bn: SEVEN, plain: SEVEN }), 'prediction-bn')['data-digit']).toBe('7');
    expect(text(render('pending', { bn: SEVEN, plain: SEVEN }), 'prediction-agreement', '</p>')).toBe(
      'Both nets read 7.',
    );
    const waiting = render('pending', null);
    expect(attrs(waiting, 'prediction-bn')).toMatchObject({ 'data-state': 'waiting', 'data-digit': '' });
    expect(waiting).toContain('Reading your digit…');
  });

  it('names a net the run did not train, and a diverged net', () => {
    const html = render('ready', { plain: Array.from({ length: 10 }, () => Number.NaN) });
    expect(attrs(html, 'prediction-bn')).toMatchObject({ 'data-state': 'untrained', 'data-digit': '' });
    expect(attrs(html, 'prediction-plain')).toMatchObject({
      'data-state': 'invalid',
      'data-digit': '',
      'data-confidence': '',
    });
    expect(attrs(html, 'prediction-agreement')['data-agree']).toBe('');
  });

  it('says so when the preview has the wrong size, instead of drawing a wrong picture', () => {
    const html = render('ready', null, new Float32Array(100));
    expect(html).toContain('Preview unavailable');
  });
});
