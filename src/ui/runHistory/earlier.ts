// Earlier runs as the figure and the history panel show them: each shown run's faded validation curves (the mean
// over its seeds), labelled by what differed from the current run, and its final val_accuracy per net.
import { stepsPerEpoch, type TrainConfig } from '../../shared/config';
import { NET_SHORT_NAMES, trainedNets } from '../../shared/netNames';
import type { SomeNets } from '../../shared/protocol';
import type { EarlierCurve } from '../charts/datasets';
import { epochStats, seedsForFigure, type SeedRun } from '../charts/seedStats';
import { differences, shortDiffLabel } from './diff';
import type { SavedRun } from './savedRun';

function figureSeeds(run: SavedRun): SeedRun[] {
  return seedsForFigure(run.seedRuns, {
    epochs: run.config.epochs,
    nets: trainedNets(run.config),
    divergences: run.divergences,
  });
}

/** The curves of the runs to draw: not hidden, and not the run on screen (which is drawn in full already). */
export function earlierCurves(
  runs: readonly SavedRun[],
  basis: TrainConfig | null,
  onScreenId: string | null,
): EarlierCurve[] {
  return runs
    .filter((run) => !run.hidden && run.id !== onScreenId)
    .flatMap((run) => {
      const seeds = figureSeeds(run);
      const diff = basis ? shortDiffLabel(differences(run.config, basis)) : null;
      return trainedNets(run.config).map((net) => ({
        runId: run.id,
        net,
        label: `Run ${run.number} · ${NET_SHORT_NAMES[net]}${diff ? ` (${diff})` : ''}`,
        stepsPerEpoch: stepsPerEpoch(run.config),
        valLoss: epochStats(seeds, net, 'valLoss'),
        valAccuracy: epochStats(seeds, net, 'valAccuracy'),
      }));
    });
}

export interface FinalAccuracy {
  /** The last epoch's val_accuracy, averaged over the seeds that have a finite one. */
  value: number;
  epoch: number;
  seeds: number;
}

/** Per trained net, the val_accuracy of its last logged epoch (mean over seeds); a net without any is absent. */
export function finalAccuracy(run: SavedRun): SomeNets<FinalAccuracy> {
  const result: SomeNets<FinalAccuracy> = {};
  const seeds = figureSeeds(run);
  for (const net of trainedNets(run.config)) {
    const stats = epochStats(seeds, net, 'valAccuracy').filter((s) => s.count > 0);
    const last = stats[stats.length - 1];
    if (last) result[net] = { value: last.mean, epoch: last.epoch, seeds: last.count };
  }
  return result;
}
