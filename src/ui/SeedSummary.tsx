// Is the gap bigger than the noise? Per epoch, each net's val_accuracy over the completed seeds (mean [min–max]) and
// whether the BN–plain gap exceeds the seed-to-seed spread.
import { seedOf, type TrainConfig } from '../shared/config';
import { NET_SHORT_NAMES, netName, trainedNets } from '../shared/netNames';
import type { Divergence } from '../shared/protocol';
import { isSeedComplete, summarize, type EpochStat, type SeedRun, type SummaryRow } from './charts/seedStats';
import { formatMetric } from './format';

interface Props {
  config: TrainConfig;
  seedRuns: readonly SeedRun[];
  divergences: readonly Divergence[];
}

export const VERDICT_RULE =
  'The gap exceeds the spread at an epoch when the two nets’ min–max ranges of val_accuracy over the seeds do not overlap.';

function Stat({ stat, of }: { stat: EpochStat | undefined; of: number }) {
  if (stat === undefined || stat.count === 0) return <>—</>;
  return (
    <>
      {formatMetric(stat.mean)}{' '}
      <span className="range">
        [{formatMetric(stat.min)}–{formatMetric(stat.max)}]
      </span>
      {stat.count < of ? (
        <span className="count">
          {' '}
          ({stat.count} seed{stat.count === 1 ? '' : 's'})
        </span>
      ) : null}
    </>
  );
}

function verdictText(row: SummaryRow): string {
  if (row.verdict === null) return '—';
  if (row.verdict === 'within') return 'within spread';
  return `gap exceeds spread${row.higher ? ` (${NET_SHORT_NAMES[row.higher]} higher)` : ''}`;
}

export function SeedSummary({ config, seedRuns, divergences }: Props) {
  const nets = trainedNets(config);
  const done = seedRuns
    .map((run, seedIndex) => ({ run, seedIndex }))
    .filter(({ run, seedIndex }) => isSeedComplete(run, seedIndex, { epochs: config.epochs, nets, divergences }));
  const rows = summarize(
    done.map((d) => d.run),
    nets,
  );
  const both = nets.length === 2;
  const seeds = done.map((d) => seedOf(config, d.seedIndex)).join(', ');
  return (
    <section className="card repeat-summary" aria-labelledby="repeat-summary-heading">
      <h2 id="repeat-summary-heading">Is the gap bigger than the noise?</h2>
      <p className="summary-lead">
        {done.length === 0
          ? `Appears when the first of ${config.seeds} seeds has finished.`
          : `val_accuracy over ${done.length} of ${config.seeds} seeds (${seeds}): mean [min–max].`}{' '}
        {both ? VERDICT_RULE : null}
      </p>
      <div className="table-scroll" tabIndex={0} role="region" aria-label="Seeds summary table">
        <table className="summary-table" data-testid="repeat-summary">
          <thead>
            <tr>
              <th scope="col">epoch</th>
              {nets.map((net) => (
                <th scope="col" key={net} className={`net-${net}`}>
                  {netName(net, config)}
                </th>
              ))}
              {both ? <th scope="col">gap vs spread</th> : null}
            </tr>
          </thead>
          <tbody>
            {rows.map((row) => (
              <tr key={row.epoch} data-epoch={row.epoch}>
                <td data-field="epoch">{row.epoch}</td>
                {nets.map((net) => (
                  <td key={net} data-field={net}>
                    <Stat stat={row.nets[net]} of={done.length} />
                  </td>
                ))}
                {both ? (
                  <td
                    data-field="verdict"
                    data-verdict={row.verdict ?? 'none'}
                    className={row.verdict === 'exceeds' ? 'exceeds' : undefined}
                  >
                    {done.length < 2 ? 'needs 2 seeds' : verdictText(row)}
                  </td>
                ) : null}
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </section>
  );
}
