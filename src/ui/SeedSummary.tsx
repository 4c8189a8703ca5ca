// Is the gap bigger than the noise? Per epoch, each net's val_accuracy over the completed seeds (mean [min–max]) and
// whether the BN–plain gap exceeds the seed-to-seed spread; with more nets, each normalized net's gap to the plain one.
import { seedOf, type TrainConfig } from '../shared/config';
import { netName, trainedNets } from '../shared/netNames';
import type { Divergence } from '../shared/protocol';
import { isSeedComplete, summarize, type EpochStat, type Gap, type SeedRun } from './charts/seedStats';
import { formatMetric } from './format';
import { comparedPairs } from './netComparisons';
import { gapText, verdictRule } from './seedSummaryText';

interface Props {
  config: TrainConfig;
  seedRuns: readonly SeedRun[];
  divergences: readonly Divergence[];
}

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

function GapLine({ gap, seedsDone }: { gap: Gap; seedsDone: number }) {
  return (
    <span
      className={`gap${gap.verdict === 'exceeds' && seedsDone >= 2 ? ' exceeds' : ''}`}
      data-field="verdict"
      data-verdict={seedsDone < 2 ? 'none' : (gap.verdict ?? 'none')}
      data-against={gap.against}
    >
      {gapText(gap, seedsDone, true)}
    </span>
  );
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
  // The pair gets a column for its one verdict; with more nets each compared net's cell says its own.
  const pairs = comparedPairs(nets);
  const both = pairs.length === 1;
  const several = pairs.length > 1;
  const seeds = done.map((d) => seedOf(config, d.seedIndex)).join(', ');
  return (
    <section className="card repeat-summary" aria-labelledby="repeat-summary-heading">
      <h2 id="repeat-summary-heading">Is the gap bigger than the noise?</h2>
      <p className="summary-lead">
        {done.length === 0
          ? `Appears when the first of ${config.seeds} seeds has finished.`
          : `val_accuracy over ${done.length} of ${config.seeds} seeds (${seeds}): mean [min–max].`}{' '}
        {verdictRule(pairs)}
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
                {nets.map((net) => {
                  const gap = several ? row.gaps.find((g) => g.net === net) : undefined;
                  return (
                    <td key={net} data-field={net}>
                      <Stat stat={row.nets[net]} of={done.length} />
                      {gap ? <GapLine gap={gap} seedsDone={done.length} /> : null}
                    </td>
                  );
                })}
                {both && row.gaps[0] ? (
                  <td
                    data-field="verdict"
                    data-verdict={row.gaps[0].verdict ?? 'none'}
                    className={row.gaps[0].verdict === 'exceeds' ? 'exceeds' : undefined}
                  >
                    {gapText(row.gaps[0], done.length, false)}
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
