// How each net looks in the figure: the Okabe–Ito colour-blind-safe pair, plus a marker shape so that the nets differ
// by more than colour (and filled vs hollow markers for training vs validation).
import type { PointStyle } from 'chart.js';
import type { NetId } from '../../shared/metrics';

export interface NetStyle {
  color: string;
  /** The same hue, faint, for the running curve that grows within an epoch. */
  faint: string;
  point: PointStyle;
}

export const NET_STYLE: Record<NetId, NetStyle> = {
  bn: { color: '#0072B2', faint: 'rgba(0, 114, 178, 0.35)', point: 'circle' },
  plain: { color: '#D55E00', faint: 'rgba(213, 94, 0, 0.35)', point: 'triangle' },
};

export const VALIDATION_DASH = [6, 4];
/** The figure is drawn on paper-white in both colour schemes, like the blog's, and so is its PNG. */
export const FIGURE_BACKGROUND = '#ffffff';
export const FIGURE_TEXT = '#1f2328';
export const FIGURE_GRID = 'rgba(0, 0, 0, 0.08)';
