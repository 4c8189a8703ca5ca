// Statistics over the seeds of a repeated experiment: per epoch and net, the mean, min, max and count of a metric,
// and whether each normalized net's gap to the plain one exceeds the seed-to-seed spread. Pure, so the figure and the
// summary agree.
import { netRows, type NetId } from '../../shared/metrics';
import type { Divergence, PerNet, SomeNets } from '../../shared/protocol';
import type { EpochRecord } from '../epochHistory';
import { comparedPairs } from '../netComparisons';

export type SeedRun = PerNet<readonly EpochRecord[]>;
export type MetricField = 'loss' | 'accuracy' | 'valLoss' | 'valAccuracy';

export interface EpochStat {
  epoch: number;
  /** NaN when no seed has a finite value at this epoch (then the curve shows a gap). */
  mean: number;
  min: number;
  max: number;
  /** Seeds with a finite value at this epoch. */
  count: number;
}

/** Per epoch (ascending), the statistics of `field` over the runs that have that epoch; non-finite values are skipped. */
export function epochStats(runs: readonly SeedRun[], net: NetId, field: MetricField): EpochStat[] {
  const byEpoch = new Map<number, number[]>();
  for (const run of runs) {
    for (const row of netRows(run, net)) {
      const values = byEpoch.get(row.epoch) ?? [];
      if (Number.isFinite(row[field])) values.push(row[field]);
      byEpoch.set(row.epoch, values);
    }
  }
  return [...byEpoch.entries()]
    .sort(([a], [b]) => a - b)
    .map(([epoch, values]) => {
      if (values.length === 0) return { epoch, mean: Number.NaN, min: Number.NaN, max: Number.NaN, count: 0 };
      const mean = values.reduce((sum, v) => sum + v, 0) / values.length;
      return { epoch, mean, min: Math.min(...values), max: Math.max(...values), count: values.length };
    });
}

export interface SeedContext {
  epochs: number;
  nets: readonly NetId[];
  divergences: readonly Divergence[];
}

/** A seed is complete when each net it trains reached the last epoch or diverged (and so stopped) in it. */
export function isSeedComplete(run: SeedRun, seedIndex: number, ctx: SeedContext): boolean {
  return ctx.nets.every(
    (net) =>
      netRows(run, net).some((row) => row.epoch >= ctx.epochs) ||
      ctx.divergences.some((d) => d.net === net && d.seedIndex === seedIndex),
  );
}

/**
 * The seeds the figure averages: the completed ones (a seed in progress would make later epochs' means jump as it
 * lands); until one completes, the seeds in progress that have gone furthest — the one seed in progress, so a first
 * seed is drawn like a single run, or every seed when they train together (their band grows epoch by epoch).
 */
export function seedsForFigure(seedRuns: readonly SeedRun[], ctx: SeedContext): SeedRun[] {
  const done = seedRuns.filter((run, r) => isSeedComplete(run, r, ctx));
  if (done.length > 0) return done;
  const reached = (run: SeedRun): number => Math.max(0, ...ctx.nets.map((net) => netRows(run, net).length));
  const furthest = Math.max(0, ...seedRuns.map(reached));
  if (furthest === 0) return [];
  const ahead = seedRuns.filter((run) => reached(run) === furthest);
  // One after another, only the latest seed can be ahead; several are when they train together.
  return ahead.length > 1 ? ahead : ahead.slice(-1);
}

export type Verdict = 'exceeds' | 'within';

/** The gap exceeds the spread when the two nets' min–max ranges over the seeds do not overlap. */
export function gapVerdict(a: EpochStat, b: EpochStat): Verdict {
  return a.min > b.max || b.min > a.max ? 'exceeds' : 'within';
}

/** One comparison at one epoch: `net` against `against` (the plain net, or the first net when none is plain). */
export interface Gap {
  net: NetId;
  against: NetId;
  /** Null when there is nothing to compare: fewer than two seeds, or either net missing in some seed. */
  verdict: Verdict | null;
  /** The net with the higher mean when the gap exceeds the spread. */
  higher: NetId | null;
}

export interface SummaryRow {
  epoch: number;
  nets: SomeNets<EpochStat>;
  /** One per compared pair (comparedPairs): with the BN/plain pair, the one BN–plain gap; none with one net. */
  gaps: Gap[];
}

function gap(net: NetId, against: NetId, stats: SomeNets<EpochStat>, runs: number): Gap {
  const a = stats[net];
  const b = stats[against];
  if (runs < 2 || a === undefined || b === undefined || a.count !== runs || b.count !== runs) {
    return { net, against, verdict: null, higher: null };
  }
  const verdict = gapVerdict(a, b);
  return { net, against, verdict, higher: verdict === 'exceeds' ? (a.mean > b.mean ? net : against) : null };
}

/**
 * One row per epoch that every given run has (for some net), with each net's statistics of `field` and the verdict
 * of each compared pair. Pass the completed seeds: an unfinished seed would shorten every column to its length.
 */
export function summarize(
  runs: readonly SeedRun[],
  nets: readonly NetId[],
  field: MetricField = 'valAccuracy',
): SummaryRow[] {
  if (runs.length === 0) return [];
  const perNet = new Map(
    nets.map((net) => [net, new Map(epochStats(runs, net, field).map((s) => [s.epoch, s]))] as const),
  );
  const epochsOf = (run: SeedRun) => new Set(nets.flatMap((net) => netRows(run, net).map((row) => row.epoch)));
  const [first, ...rest] = runs.map(epochsOf);
  const shared = [...(first ?? [])].filter((e) => rest.every((set) => set.has(e))).sort((a, b) => a - b);
  const pairs = comparedPairs(nets);
  return shared.map((epoch) => {
    const stats: SomeNets<EpochStat> = {};
    for (const net of nets) {
      const stat = perNet.get(net)?.get(epoch);
      if (stat) stats[net] = stat;
    }
    return { epoch, nets: stats, gaps: pairs.map((p) => gap(p.net, p.against, stats, runs.length)) };
  });
}
