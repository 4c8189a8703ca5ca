// Where things sit on the figure's x-axis: epochs (the blog's figure) or training steps (the BN paper's). With steps,
// epoch e's point is at e × stepsPerEpoch, so the running curve (at the global step) meets it at the epoch's end.
import type { XAxis } from '../../shared/config';

export interface AxisSpec {
  mode: XAxis;
  epochs: number;
  stepsPerEpoch: number;
}

export const AXIS_TITLE_X: Record<XAxis, string> = { epochs: 'Epochs', steps: 'Training steps' };

/** The x of epoch `epoch`'s point (1-based; the end of that epoch). */
export function epochX(axis: Pick<AxisSpec, 'mode' | 'stepsPerEpoch'>, epoch: number): number {
  return axis.mode === 'steps' ? epoch * axis.stepsPerEpoch : epoch;
}

/** The x of a progress report: `step` steps into 1-based epoch `epoch`. */
export function stepX(axis: Pick<AxisSpec, 'mode' | 'stepsPerEpoch'>, epoch: number, step: number): number {
  const spe = axis.stepsPerEpoch;
  const within = Math.min(Math.max(step, 0), spe);
  if (axis.mode === 'steps') return (epoch - 1) * spe + within;
  return epoch - 1 + (spe > 0 ? within / spe : 0);
}

export function axisMax(axis: AxisSpec): number {
  return epochX(axis, axis.epochs);
}
