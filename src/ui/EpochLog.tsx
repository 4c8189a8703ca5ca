// The Keras-style epoch log: one row per epoch and net (and seed, when the experiment is repeated), plain decimals in
// every cell, and a row where a net diverged. It is also the charts' text alternative (the canvases point to it).
import { seedOf, type TrainConfig } from '../shared/config';
import { netName, trainedNets } from '../shared/netNames';
import type { ParamCounts } from '../shared/metrics';
import type { Divergence, PerNet, SomeNets } from '../shared/protocol';
import { epochLogRows, type LogRow } from './epochLogRows';
import { formatInt, formatMetric } from './format';
import { paramsText } from './paramsText';
import type { EpochRecord } from './epochHistory';
import { countRender } from './renderCount';

interface Props {
  seedRuns: readonly PerNet<readonly EpochRecord[]>[];
  divergences: readonly Divergence[];
  /** The settings of the run on screen (names the nets and the seeds); null before any run. */
  config: TrainConfig | null;
  /** The nets' parameter counts, once the run has built them. */
  params: SomeNets<ParamCounts> | null;
}

function Row({ row, config, seeded }: { row: LogRow; config: TrainConfig | null; seeded: boolean }) {
  const seed = seeded && config ? <td data-field="seed">{seedOf(config, row.seedIndex)}</td> : null;
  const name = (
    <th scope="row" data-field="model">
      {netName(row.net, config)}
    </th>
  );
  if (row.kind === 'diverged') {
    const d = row.divergence;
    return (
      <tr
        data-diverged={row.net}
        data-epoch={d.epoch}
        data-seed={seeded ? row.seedIndex : undefined}
        className={`net-${row.net} diverged-row`}
      >
        {seed}
        <td data-field="epoch">{d.epoch}</td>
        {name}
        <td colSpan={5} data-field="diverged" className="diverged-cell">
          <span className="diverged-badge">diverged</span> at step {formatInt(d.step)}: loss NaN or infinite, training
          of this net stopped
        </td>
      </tr>
    );
  }
  const r = row.record;
  return (
    <tr
      data-model={row.net}
      data-epoch={r.epoch}
      data-seed={seeded ? row.seedIndex : undefined}
      className={`net-${row.net}`}
    >
      {seed}
      <td data-field="epoch">{r.epoch}</td>
      {name}
      <td data-field="loss">{formatMetric(r.loss)}</td>
      <td data-field="accuracy">{formatMetric(r.accuracy)}</td>
      <td data-field="val_loss">{formatMetric(r.valLoss)}</td>
      <td data-field="val_accuracy">{formatMetric(r.valAccuracy)}</td>
      <td data-field="seconds">{formatMetric(r.seconds, 2)}</td>
    </tr>
  );
}

export function EpochLog({ seedRuns, divergences, config, params }: Props) {
  countRender('EpochLog');
  const seeded = (config?.seeds ?? 1) > 1;
  const rows = epochLogRows(seedRuns, divergences);
  const nets = trainedNets(config)
    .map((net) => netName(net, config))
    .join(' and ');
  const columns = seeded ? 8 : 7;
  return (
    <section className="card" aria-labelledby="epoch-log-heading">
      <h2 id="epoch-log-heading">Epoch log</h2>
      {params ? (
        <p className="params-line" data-testid="param-counts">
          {paramsText(params, config)}
        </p>
      ) : null}
      <div className="table-scroll" tabIndex={0} role="region" aria-label="Epoch log table">
        <table className={`epoch-log${seeded ? ' seeded' : ''}`} id="epoch-log" data-testid="epoch-log">
          <caption className="visually-hidden">
            Loss and accuracy after each epoch{seeded ? ' of each seed' : ''}, for {nets}
          </caption>
          <thead>
            <tr>
              {seeded ? <th scope="col">seed</th> : null}
              <th scope="col">epoch</th>
              <th scope="col">model</th>
              <th scope="col">loss</th>
              <th scope="col">accuracy</th>
              <th scope="col">val_loss</th>
              <th scope="col">val_accuracy</th>
              <th scope="col">seconds</th>
            </tr>
          </thead>
          <tbody>
            {rows.length === 0 ? (
              <tr>
                <td colSpan={columns} className="empty">
                  No epochs yet. Each finished epoch adds a row per net.
                </td>
              </tr>
            ) : (
              rows.map((row) => (
                <Row
                  key={`${row.seedIndex}-${row.kind}-${row.kind === 'epoch' ? row.record.epoch : row.divergence.epoch}-${row.net}`}
                  row={row}
                  config={config}
                  seeded={seeded}
                />
              ))
            )}
          </tbody>
        </table>
      </div>
    </section>
  );
}
