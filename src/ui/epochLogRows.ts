// The epoch log's rows in reading order: by seed, then epoch, then net (with BN first), with a "diverged" row where a
// net stopped, in the place of the epoch it did not finish.
import { NET_IDS, netRows, type NetId } from '../shared/metrics';
import type { Divergence, PerNet } from '../shared/protocol';
import type { EpochRecord } from './epochHistory';

export type LogRow =
  | { kind: 'epoch'; seedIndex: number; net: NetId; record: EpochRecord }
  | { kind: 'diverged'; seedIndex: number; net: NetId; divergence: Divergence };

function sortKey(row: LogRow): [number, number, number, number] {
  const epoch = row.kind === 'epoch' ? row.record.epoch : row.divergence.epoch;
  // At the same epoch a metric row (one the worker may still send for it) comes before the diverged row.
  return [row.seedIndex, epoch, NET_IDS.indexOf(row.net), row.kind === 'epoch' ? 0 : 1];
}

export function epochLogRows(
  seedRuns: readonly PerNet<readonly EpochRecord[]>[],
  divergences: readonly Divergence[],
): LogRow[] {
  const rows: LogRow[] = seedRuns.flatMap((run, seedIndex) =>
    NET_IDS.flatMap((net) => netRows(run, net).map((record): LogRow => ({ kind: 'epoch', seedIndex, net, record }))),
  );
  for (const divergence of divergences)
    rows.push({ kind: 'diverged', seedIndex: divergence.seedIndex, net: divergence.net, divergence });
  return rows.sort((a, b) => {
    const ka = sortKey(a);
    const kb = sortKey(b);
    for (let i = 0; i < ka.length; i++) {
      const d = (ka[i] ?? 0) - (kb[i] ?? 0);
      if (d !== 0) return d;
    }
    return 0;
  });
}
