// The epoch rows of a run: one per net and epoch, kept sorted, replaced when an epoch is reported again. Pure.
import { NET_IDS, type EpochMetrics } from '../shared/metrics';
import type { PerNet, SomeNets } from '../shared/protocol';

export type EpochRecord = EpochMetrics & { epoch: number };

/** Inserts or replaces one epoch's rows, keeping each net's history sorted by epoch. */
export function withEpoch(
  history: PerNet<EpochRecord[]>,
  epoch: number,
  metrics: SomeNets<EpochMetrics>,
): PerNet<EpochRecord[]> {
  const next: PerNet<EpochRecord[]> = { ...history };
  for (const net of NET_IDS) {
    const row = metrics[net];
    if (row) next[net] = upsert(history[net] ?? [], { ...row, epoch });
  }
  return next;
}

function upsert(rows: EpochRecord[], row: EpochRecord): EpochRecord[] {
  const last = rows[rows.length - 1];
  if (last === undefined || last.epoch < row.epoch) return [...rows, row];
  return [...rows.filter((r) => r.epoch !== row.epoch), row].sort((a, b) => a.epoch - b.epoch);
}
