// Every recorded step's percentiles of every unit of every hidden layer of each net, kept in the worker so that
// picking another layer or unit redraws the whole history at once. Bounded: past MAX_POINTS every other point is
// dropped (the early steps, where most happens, stay as dense as the late ones). Plain numbers only.
import type { NetId } from '../../shared/metrics';
import type { InsideSeries } from '../../shared/inside';
import type { SomeNets } from '../../shared/protocol';
import { typicalUnit } from './percentiles';

export const MAX_POINTS = 400;
const P = 3;

export class PercentileHistory {
  readonly steps: number[] = [];
  /** Per net, per hidden layer, per recorded step: units × 3 percentiles (unit-major). */
  private readonly values: Partial<Record<NetId, Float32Array[][]>> = {};
  /** Per hidden layer: the unit called typical, fixed at the first record of the seed's run. */
  private readonly typical: number[] = [];

  constructor(readonly seedIndex: number) {}

  get length(): number {
    return this.steps.length;
  }

  /** Adds one step: `perNet[net][layer]` holds units × 3 percentiles. The first call also fixes the typical units. */
  add(step: number, perNet: SomeNets<Float32Array[]>): void {
    if (this.steps.length === 0) this.fixTypical(perNet);
    this.steps.push(step);
    for (const [net, layers] of Object.entries(perNet) as Array<[NetId, Float32Array[]]>) {
      const store = (this.values[net] ??= layers.map(() => []));
      layers.forEach((v, i) => store[i]?.push(v));
    }
    if (this.steps.length > MAX_POINTS) this.thin();
  }

  typicalUnit(layer: number): number {
    return this.typical[layer] ?? 0;
  }

  /** The unit a view means: its own choice (clamped to the layer's width) or the typical one. */
  unitFor(layer: number, unit: number | null, width: number): number {
    if (unit === null) return this.typicalUnit(layer);
    return Math.min(Math.max(0, Math.floor(unit)), Math.max(width - 1, 0));
  }

  /** The percentile part of a series (the recorder adds the histograms). */
  series(layer: number, unit: number): Omit<InsideSeries, 'histograms'> {
    const percentiles: InsideSeries['percentiles'] = {};
    for (const [net, layers] of Object.entries(this.values) as Array<[NetId, Float32Array[][]]>) {
      const rows = layers[layer] ?? [];
      const out: [number[], number[], number[]] = [[], [], []];
      for (const row of rows) for (let k = 0; k < P; k++) out[k]?.push(row[unit * P + k] ?? Number.NaN);
      percentiles[net] = out;
    }
    return {
      seedIndex: this.seedIndex,
      layer,
      unit,
      typicalUnit: this.typicalUnit(layer),
      steps: [...this.steps],
      percentiles,
    };
  }

  /** Medians of the net without BN (BN makes every unit look alike), else of the only net. */
  private fixTypical(perNet: SomeNets<Float32Array[]>): void {
    const layers = perNet.plain ?? perNet.bn ?? [];
    layers.forEach((v, i) => {
      const units = v.length / P;
      const medians = Array.from({ length: units }, (_, u) => v[u * P + 1] ?? 0);
      this.typical[i] = typicalUnit(medians);
    });
  }

  private thin(): void {
    const keep = <T>(list: T[]): T[] => list.filter((_, i) => i % 2 === 0);
    const steps = keep(this.steps);
    this.steps.splice(0, this.steps.length, ...steps);
    for (const layers of Object.values(this.values)) {
      layers?.forEach((rows, i) => {
        layers[i] = keep(rows);
      });
    }
  }
}
