// A hand-made test set of drawn digits: every template placed on the pad as people draw (centred, small in a corner,
// large, off-centre, thin or thick pen, slanted, wide) with seeded jitter. Dependency-free; used to check preprocessing.
import { mulberry32 } from '../data/shuffle';
import { DIGIT_TEMPLATES, type DigitTemplate } from './digitTemplates';
import { STROKE_WIDTH, type Point, type Stroke } from './strokes';

export interface DrawnDigit {
  label: number;
  variant: string;
  style: string;
  strokes: Stroke[];
  /** Pen width as a fraction of the pad, for rasterizeStrokes. */
  width: number;
}

interface Variant {
  name: string;
  /** The digit's height as a fraction of the pad. */
  height: number;
  centre: Point;
  width: number;
  /** Italic shear: how far right the top leans per unit of height. */
  slant: number;
  /** Width multiplier, for digits drawn wider or narrower than they "should" be. */
  aspect: number;
  /** Multiplies the random tilt and tremor: a hurried or shaky hand. */
  shake: number;
}

const STANDARD: Omit<Variant, 'name'> = {
  height: 0.6,
  centre: { x: 0.5, y: 0.5 },
  width: STROKE_WIDTH,
  slant: 0,
  aspect: 1,
  shake: 1,
};

export const VARIANTS: readonly Variant[] = [
  { ...STANDARD, name: 'centred' },
  { ...STANDARD, name: 'large', height: 0.88 },
  { ...STANDARD, name: 'small-top-left', height: 0.28, centre: { x: 0.2, y: 0.2 } },
  { ...STANDARD, name: 'small-top-right', height: 0.28, centre: { x: 0.8, y: 0.2 } },
  { ...STANDARD, name: 'small-bottom-left', height: 0.28, centre: { x: 0.2, y: 0.8 } },
  { ...STANDARD, name: 'small-bottom-right', height: 0.28, centre: { x: 0.8, y: 0.8 } },
  { ...STANDARD, name: 'off-centre', height: 0.45, centre: { x: 0.36, y: 0.62 } },
  { ...STANDARD, name: 'thin-pen', width: STROKE_WIDTH * 0.55 },
  { ...STANDARD, name: 'thick-pen', width: STROKE_WIDTH * 1.6 },
  { ...STANDARD, name: 'slanted', slant: 0.3 },
  { ...STANDARD, name: 'wide', height: 0.5, aspect: 1.5 },
  { ...STANDARD, name: 'narrow', height: 0.7, aspect: 0.65 },
  { ...STANDARD, name: 'shaky', shake: 2.5 },
];

/** Keeps a drawing inside the pad with a small margin, as a person would (shrinking only if it would not fit). */
const MARGIN = 0.02;

/** Every template in every variant: 21 templates × 13 variants. The same seed gives the same set. */
export function syntheticDigitSet(seed: number): DrawnDigit[] {
  const random = mulberry32(seed);
  const set: DrawnDigit[] = [];
  for (const variant of VARIANTS) {
    for (const template of DIGIT_TEMPLATES) {
      set.push({
        label: template.label,
        variant: variant.name,
        style: template.style,
        strokes: draw(template, variant, random),
        width: variant.width,
      });
    }
  }
  return set;
}

function bounds(strokes: readonly Stroke[]): { x0: number; y0: number; x1: number; y1: number } {
  const all = strokes.flat();
  const xs = all.map((q) => q.x);
  const ys = all.map((q) => q.y);
  return { x0: Math.min(...xs), y0: Math.min(...ys), x1: Math.max(...xs), y1: Math.max(...ys) };
}

/** One person's rendition: a slight tilt, shear, width change, off-target placement and a smooth hand tremor. */
function draw(template: DigitTemplate, variant: Variant, random: () => number): Stroke[] {
  const between = (lo: number, hi: number): number => lo + (hi - lo) * random();
  const box = bounds(template.strokes);
  const cx = (box.x0 + box.x1) / 2;
  const cy = (box.y0 + box.y1) / 2;
  const unit = box.y1 - box.y0;
  const tilt = variant.shake * between(-6, 6) * (Math.PI / 180);
  const shear = variant.slant + between(-0.08, 0.08);
  const aspect = variant.aspect * between(0.9, 1.1);
  const tremor = {
    x: between(0, 2 * Math.PI),
    y: between(0, 2 * Math.PI),
    amount: variant.shake * between(0.008, 0.02),
  };
  const shaped = template.strokes.map((stroke) =>
    stroke.map((q, i) => {
      // Tremor along the stroke: low-frequency, so lines stay lines rather than turning into noise.
      const t = (i / Math.max(1, stroke.length - 1)) * 2 * Math.PI;
      const u = (q.x - cx) / unit + tremor.amount * Math.sin(1.5 * t + tremor.x);
      const v = (q.y - cy) / unit + tremor.amount * Math.sin(2.5 * t + tremor.y);
      const sheared = aspect * u - shear * v;
      return { x: sheared * Math.cos(tilt) - v * Math.sin(tilt), y: sheared * Math.sin(tilt) + v * Math.cos(tilt) };
    }),
  );
  const centre = { x: variant.centre.x + between(-0.03, 0.03), y: variant.centre.y + between(-0.03, 0.03) };
  const placed = shaped.map((stroke) =>
    stroke.map((q) => ({ x: centre.x + q.x * variant.height, y: centre.y + q.y * variant.height })),
  );
  return fitInPad(placed);
}

function fitInPad(strokes: Stroke[]): Stroke[] {
  const b = bounds(strokes);
  const room = 1 - 2 * MARGIN;
  const shrink = Math.min(1, room / (b.x1 - b.x0), room / (b.y1 - b.y0));
  const mx = (b.x0 + b.x1) / 2;
  const my = (b.y0 + b.y1) / 2;
  const half = { x: ((b.x1 - b.x0) * shrink) / 2, y: ((b.y1 - b.y0) * shrink) / 2 };
  const dx = Math.min(1 - MARGIN - half.x, Math.max(MARGIN + half.x, mx)) - mx;
  const dy = Math.min(1 - MARGIN - half.y, Math.max(MARGIN + half.y, my)) - my;
  return strokes.map((stroke) =>
    stroke.map((q) => ({ x: mx + dx + (q.x - mx) * shrink, y: my + dy + (q.y - my) * shrink })),
  );
}
