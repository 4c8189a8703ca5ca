// The epoch history as CSV, one row per epoch and net, in the columns of a Keras CSVLogger (plus the net and time),
// so a run can be plotted or compared elsewhere.
import { NET_IDS } from '../shared/metrics';
import type { PerNet } from '../shared/protocol';
import type { EpochRecord } from './state';

export const CSV_COLUMNS = ['epoch', 'model', 'loss', 'accuracy', 'val_loss', 'val_accuracy', 'seconds'] as const;

/** Rows ordered by epoch, then with-BN before without; numbers at full precision. */
export function historyToCsv(history: PerNet<readonly EpochRecord[]>): string {
  const rows = NET_IDS.flatMap((net) => history[net].map((r) => ({ net, r })));
  rows.sort((a, b) => a.r.epoch - b.r.epoch || NET_IDS.indexOf(a.net) - NET_IDS.indexOf(b.net));
  const lines = rows.map(({ net, r }) => [r.epoch, net, r.loss, r.accuracy, r.valLoss, r.valAccuracy, r.seconds].map(String).join(','));
  return [CSV_COLUMNS.join(','), ...lines].join('\n') + '\n';
}
