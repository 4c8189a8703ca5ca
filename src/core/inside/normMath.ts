// The numbers of a LayerNorm, GroupNorm or RMSNorm layer for the maths table: one unit on a recorded step's
// mini-batch — for the first few examples, x_ij, the example's own mean and variance over its group of units, x̂_ij and
// y_ij — read from a probe-pass visit. Imports TF.js only.
import type { NormMath } from '../../shared/inside';
import { MATH_ROWS } from './bnMath';
import type { NormVisit } from './probeForward';

export function normMath(v: NormVisit, layer: number, unit: number): NormMath {
  const [m, units] = v.input.shape;
  const u = Math.min(unit, units - 1);
  const groups = v.shape.groups;
  const groupSize = units / groups;
  const group = Math.floor(u / groupSize);
  const x = v.input.dataSync();
  const xHat = v.xHat.dataSync();
  const y = v.output.dataSync();
  const mean = v.mean.dataSync();
  const spread = v.spread.dataSync();
  const rows = Array.from({ length: Math.min(MATH_ROWS, m) }, (_, i) => ({
    x: x[i * units + u] ?? NaN,
    mean: mean[i * groups + group] ?? NaN,
    variance: spread[i * groups + group] ?? NaN,
    xhat: xHat[i * units + u] ?? NaN,
    y: y[i * units + u] ?? NaN,
  }));
  return {
    layer,
    unit: u,
    group,
    groups,
    groupSize,
    centered: v.shape.center,
    m,
    rows,
    epsilon: v.shape.epsilon,
    gamma: v.gamma ? (v.gamma.dataSync()[u] ?? NaN) : 1,
    beta: v.beta ? (v.beta.dataSync()[u] ?? NaN) : 0,
  };
}
