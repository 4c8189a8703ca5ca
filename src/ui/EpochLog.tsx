// The Keras-style epoch log: one row per epoch and net, plain decimals in every cell. It is also the charts' text
// alternative (the canvases point to it), so it lists exactly the numbers they plot.
import { NET_IDS, type NetId } from '../shared/metrics';
import type { PerNet } from '../shared/protocol';
import { formatMetric } from './format';
import type { EpochRecord } from './state';

const MODEL_LABEL: Record<NetId, string> = { bn: 'With BN', plain: 'No BN' };

interface Props {
  history: PerNet<readonly EpochRecord[]>;
}

export function EpochLog({ history }: Props) {
  const rows = NET_IDS.flatMap((net) => history[net].map((record) => ({ net, record })));
  rows.sort((a, b) => a.record.epoch - b.record.epoch || NET_IDS.indexOf(a.net) - NET_IDS.indexOf(b.net));
  return (
    <section className="card" aria-labelledby="epoch-log-heading">
      <h2 id="epoch-log-heading">Epoch log</h2>
      <div className="table-scroll">
        <table className="epoch-log" id="epoch-log" data-testid="epoch-log">
          <caption className="visually-hidden">Loss and accuracy after each epoch, for the nets with and without Batch Norm</caption>
          <thead>
            <tr>
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
                <td colSpan={7} className="empty">
                  No epochs yet. Each finished epoch adds a row per net.
                </td>
              </tr>
            ) : (
              rows.map(({ net, record }) => (
                <tr key={`${record.epoch}-${net}`} data-model={net} data-epoch={record.epoch} className={`net-${net}`}>
                  <td data-field="epoch">{record.epoch}</td>
                  <th scope="row" data-field="model">
                    {MODEL_LABEL[net]}
                  </th>
                  <td data-field="loss">{formatMetric(record.loss)}</td>
                  <td data-field="accuracy">{formatMetric(record.accuracy)}</td>
                  <td data-field="val_loss">{formatMetric(record.valLoss)}</td>
                  <td data-field="val_accuracy">{formatMetric(record.valAccuracy)}</td>
                  <td data-field="seconds">{formatMetric(record.seconds, 2)}</td>
                </tr>
              ))
            )}
          </tbody>
        </table>
      </div>
    </section>
  );
}
