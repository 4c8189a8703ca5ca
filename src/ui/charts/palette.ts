// How each net looks in the figure: Okabe–Ito colour-blind-safe colours (blue and vermillion for the BN and plain
// pair; bluish green, reddish purple and black for LayerNorm, GroupNorm and RMSNorm), plus a marker shape per net so
// that the nets differ by more than colour (and filled vs hollow markers for training vs validation).
import type { PointStyle } from 'chart.js';
import type { NetId } from '../../shared/metrics';

export interface NetStyle {
  color: string;
  /** The same hue, faint, for the running curve that grows within an epoch. */
  faint: string;
  /** Fainter still: the min–max band over seeds, which sits under both nets' curves. */
  band: string;
  /** Earlier runs' curves: present, but never mistaken for the run on screen. */
  earlier: string;
  point: PointStyle;
  /**
   * The colour for tints and glyphs outside the white figure (confusion matrices), where it must show on light and
   * dark pages alike and leave the page's text readable; the line colour when absent.
   */
  tint?: string;
}

export const NET_STYLE: Record<NetId, NetStyle> = {
  bn: {
    color: '#0072B2',
    faint: 'rgba(0, 114, 178, 0.35)',
    band: 'rgba(0, 114, 178, 0.14)',
    earlier: 'rgba(0, 114, 178, 0.3)',
    point: 'circle',
  },
  plain: {
    color: '#D55E00',
    faint: 'rgba(213, 94, 0, 0.35)',
    band: 'rgba(213, 94, 0, 0.14)',
    earlier: 'rgba(213, 94, 0, 0.3)',
    point: 'triangle',
  },
  ln: {
    color: '#009E73',
    faint: 'rgba(0, 158, 115, 0.35)',
    band: 'rgba(0, 158, 115, 0.14)',
    earlier: 'rgba(0, 158, 115, 0.3)',
    point: 'rect',
  },
  gn: {
    color: '#CC79A7',
    faint: 'rgba(204, 121, 167, 0.35)',
    band: 'rgba(204, 121, 167, 0.14)',
    earlier: 'rgba(204, 121, 167, 0.3)',
    point: 'rectRot',
  },
  rms: {
    color: '#000000',
    faint: 'rgba(0, 0, 0, 0.35)',
    band: 'rgba(0, 0, 0, 0.1)',
    earlier: 'rgba(0, 0, 0, 0.3)',
    point: 'star',
    tint: '#8c8c8c',
  },
};

/** The marker shape of a net's point in text (the figure key, the legend of the PNG). */
export const NET_GLYPH: Record<NetId, string> = { bn: '●', plain: '▲', ln: '■', gn: '◆', rms: '✱' };

export const VALIDATION_DASH = [6, 4];
/** The figure is drawn on paper-white in both colour schemes, like the blog's, and so is its PNG. */
export const FIGURE_BACKGROUND = '#ffffff';
export const FIGURE_TEXT = '#1f2328';
export const FIGURE_GRID = 'rgba(0, 0, 0, 0.08)';
