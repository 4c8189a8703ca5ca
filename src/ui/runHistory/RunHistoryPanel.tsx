// "Earlier runs": the runs kept in this browser, newest first, each labelled by what differed from the current run,
// with when it ran and its final val_accuracy, a show/hide checkbox for the charts and a Delete button.
import type { TrainConfig } from '../../shared/config';
import { NET_SHORT_NAMES, trainedNets } from '../../shared/netNames';
import { formatMetric } from '../format';
import { differences, diffLabel } from './diff';
import { finalAccuracy } from './earlier';
import type { SavedRun } from './savedRun';
import { MAX_RUNS } from './storage';
import type { RunHistory } from './useRunHistory';
import { countRender } from '../renderCount';

const WHEN = new Intl.DateTimeFormat(undefined, { dateStyle: 'medium', timeStyle: 'short' });

interface Props {
  history: RunHistory;
  /** What the labels compare with: the run on screen, or the form's settings before any run. */
  basis: TrainConfig | null;
}

function Accuracy({ run }: { run: SavedRun }) {
  const final = finalAccuracy(run);
  const parts = trainedNets(run.config).map((net, i) => {
    const value = final[net];
    return (
      <span key={net}>
        {i > 0 ? ' · ' : ' '}
        <span className={`net-${net}`} data-net={net}>
          {NET_SHORT_NAMES[net]} {value ? formatMetric(value.value) : '—'}
        </span>
      </span>
    );
  });
  return <span className="history-acc">val_accuracy{parts}</span>;
}

function Item({ run, history, basis }: { run: SavedRun; history: RunHistory; basis: TrainConfig | null }) {
  const onScreen = run.id === history.onScreenId;
  const label = basis ? diffLabel(differences(run.config, basis)) : '';
  const seeds = run.seedRuns.length;
  const facts = [
    WHEN.format(run.savedAt),
    run.status === 'stopped' ? 'stopped early' : null,
    seeds > 1 ? `${seeds} seeds` : null,
    run.divergences.length > 0 ? `${run.divergences.length} diverged` : null,
  ].filter((f): f is string => f !== null);
  return (
    <li
      className="history-item"
      data-testid="history-item"
      data-run-id={run.id}
      data-hidden={run.hidden ? 'true' : 'false'}
    >
      <label className="history-show">
        <input
          type="checkbox"
          checked={!run.hidden && !onScreen}
          disabled={onScreen || !history.showOnCharts}
          onChange={(e) => history.setHidden(run.id, !e.target.checked)}
          aria-label={`Show run ${run.number} on the charts`}
        />
        <span className="history-name">Run {run.number}</span>
      </label>
      <span className="history-diff" data-field="diff">
        {onScreen ? 'on screen now' : label}
      </span>
      <span className="history-when">{facts.join(' · ')}</span>
      <Accuracy run={run} />
      <button
        type="button"
        className="secondary history-delete"
        onClick={() => history.remove(run.id)}
        aria-label={`Delete run ${run.number}`}
      >
        Delete
      </button>
    </li>
  );
}

export function RunHistoryPanel({ history, basis }: Props) {
  countRender('RunHistoryPanel');
  return (
    <section className="card run-history" data-testid="run-history" aria-labelledby="run-history-heading">
      <div className="section-head">
        <h2 id="run-history-heading">Earlier runs</h2>
        <label className="history-toggle">
          <input
            type="checkbox"
            checked={history.showOnCharts}
            onChange={(e) => history.setShowOnCharts(e.target.checked)}
          />
          Show earlier runs on the charts
        </label>
      </div>
      {history.notice !== null ? (
        <div className="notice warning history-notice" role="status">
          <span>{history.notice}</span>
          <button type="button" className="dismiss" onClick={history.dismissNotice} aria-label="Dismiss">
            ×
          </button>
        </div>
      ) : null}
      {history.runs.length === 0 ? (
        <p className="history-empty">
          Each finished or stopped run is kept here, in this browser (the last {MAX_RUNS}), to compare with the next.
        </p>
      ) : (
        <ul className="history-list">
          {history.runs.map((run) => (
            <Item key={run.id} run={run} history={history} basis={basis} />
          ))}
        </ul>
      )}
    </section>
  );
}
