// The epoch rows as CSV, one row per seed, epoch and net, in the columns of a Keras CSVLogger (plus the net's id,
// the time, the seed and the net's name from its settings), so a run can be plotted or compared elsewhere.
import { seedOf, type TrainConfig } from '../shared/config';
import { NET_IDS, netRows } from '../shared/metrics';
import { netName } from '../shared/netNames';
import type { PerNet } from '../shared/protocol';
import type { EpochRecord } from './epochHistory';

export const CSV_COLUMNS = [
  'epoch',
  'model',
  'loss',
  'accuracy',
  'val_loss',
  'val_accuracy',
  'seconds',
  'seed',
  'name',
] as const;

/** Quotes a field that holds a comma, quote or line break (RFC 4180). */
function field(text: string): string {
  return /[",\n\r]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

/** Rows ordered by seed, then epoch, then with-BN before without; numbers at full precision (NaN stays NaN). */
export function runsToCsv(seedRuns: readonly PerNet<readonly EpochRecord[]>[], config: TrainConfig | null): string {
  const lines = seedRuns.flatMap((run, seedIndex) => {
    const rows = NET_IDS.flatMap((net) => netRows(run, net).map((r) => ({ net, r })));
    rows.sort((a, b) => a.r.epoch - b.r.epoch || NET_IDS.indexOf(a.net) - NET_IDS.indexOf(b.net));
    const seed = config ? String(seedOf(config, seedIndex)) : '';
    return rows.map(({ net, r }) =>
      [
        ...[r.epoch, net, r.loss, r.accuracy, r.valLoss, r.valAccuracy, r.seconds].map(String),
        seed,
        netName(net, config),
      ]
        .map(field)
        .join(','),
    );
  });
  return [CSV_COLUMNS.join(','), ...lines].join('\n') + '\n';
}
