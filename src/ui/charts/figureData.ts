// What the figure draws, derived from the UI state: the axis, the trained nets and their names, the epoch curves
// (one run, or the mean over completed seeds), the nets that diverged in the seed on screen, and earlier runs.
import { stepsPerEpoch as stepsFor, type TrainConfig } from '../../shared/config';
import type { NetId } from '../../shared/metrics';
import { netNames, trainedNets } from '../../shared/netNames';
import type { Divergence } from '../../shared/protocol';
import type { EarlierCurve, FigureData } from './datasets';
import { epochStats, seedsForFigure, type EpochStat, type MetricField, type SeedRun } from './seedStats';

export interface FigureInput {
  /** The run on screen's settings, or the form's before any run. */
  config: TrainConfig;
  stepsPerEpoch: number | null;
  seedRuns: readonly SeedRun[];
  divergences: readonly Divergence[];
  /** The seed whose running curve is shown (null before the first report). */
  liveSeed: number | null;
  earlier: readonly EarlierCurve[];
}

const NO_STATS: Record<MetricField, readonly EpochStat[]> = { loss: [], accuracy: [], valLoss: [], valAccuracy: [] };

export function netStats(runs: readonly SeedRun[], net: NetId): Record<MetricField, readonly EpochStat[]> {
  return {
    loss: epochStats(runs, net, 'loss'),
    accuracy: epochStats(runs, net, 'accuracy'),
    valLoss: epochStats(runs, net, 'valLoss'),
    valAccuracy: epochStats(runs, net, 'valAccuracy'),
  };
}

export function figureData(input: FigureInput): FigureData {
  const { config } = input;
  const nets = trainedNets(config);
  const runs = seedsForFigure(input.seedRuns, { epochs: config.epochs, nets, divergences: input.divergences });
  const stats: Record<NetId, Record<MetricField, readonly EpochStat[]>> = {
    bn: NO_STATS,
    plain: NO_STATS,
    ln: NO_STATS,
    gn: NO_STATS,
    rms: NO_STATS,
  };
  for (const net of nets) stats[net] = netStats(runs, net);
  const shownSeed = input.liveSeed ?? Math.max(0, input.seedRuns.length - 1);
  return {
    axis: { mode: config.xAxis, epochs: config.epochs, stepsPerEpoch: input.stepsPerEpoch ?? stepsFor(config) },
    nets,
    names: netNames(config),
    seeds: runs.length,
    stats,
    diverged: input.divergences.filter((d) => d.seedIndex === shownSeed).map((d) => d.net),
    earlier: input.earlier,
  };
}
