// "Test set: where the nets go wrong": each present net's confusion matrix on the whole test set, where the nets
// disagree (the pair with each other; more nets each with the plain one), and a gallery of sample images. Computes nothing heavy itself: the worker sends the inspection.
import { useMemo } from 'react';
import { NET_IDS, type NetId } from '../../shared/metrics';
import type { TestInspection } from '../../shared/protocol';
import { formatInt } from '../format';
import { comparedPairs } from '../netComparisons';
import { confusionMatrix, disagreements, inspectionProblem, type Disagreements, type Matrix } from './confusion';
import { ConfusionMatrix } from './ConfusionMatrix';
import { TestGallery } from './TestGallery';
import './gallery.css';

export const EMPTY_TEXT = 'Train or load a model to see its mistakes.';
export const BUSY_TEXT = 'Running the nets on the test set…';

interface Props {
  /** The latest inspection; null before the first. */
  inspection: TestInspection | null;
  /** The nets' names, as in the figure's legend. */
  netNames: Record<NetId, string>;
  /** An inspection is being computed. */
  busy: boolean;
  /** There are nets to inspect (a run in progress or done, or nets loaded). */
  canRefresh: boolean;
  onRefresh: () => void;
  /** What the inspection is of, e.g. "after epoch 3 of the run in progress". */
  note?: string;
}

type Analysis =
  | { kind: 'problem'; message: string }
  | { kind: 'ok'; matrices: { net: NetId; matrix: Matrix }[]; splits: Disagreements[] };

function analyse(inspection: TestInspection): Analysis {
  const message = inspectionProblem(inspection);
  if (message !== null) return { kind: 'problem', message };
  const matrices = NET_IDS.flatMap((net) => {
    const predicted = inspection.predicted[net];
    return predicted === undefined ? [] : [{ net, matrix: confusionMatrix(inspection.labels, predicted) }];
  });
  const present = NET_IDS.filter((net) => inspection.predicted[net] !== undefined);
  const splits = comparedPairs(present).flatMap(({ net, against }) => {
    const split = disagreements(inspection, net, against);
    return split === null ? [] : [split];
  });
  return { kind: 'ok', matrices, splits };
}

/** "The nets disagree on 312 of 10,000 test images: With BN is right on 200, No BN on 90, neither on 22." */
export function disagreementText(split: Disagreements, total: number, names: Record<NetId, string>): string {
  if (split.count === 0) return `The nets agree on all ${formatInt(total)} test images.`;
  return (
    `The nets disagree on ${formatInt(split.count)} of ${formatInt(total)} test images: ` +
    `${names[split.net]} is right on ${formatInt(split.netRight)}, ${names[split.against]} on ${formatInt(split.againstRight)}, neither on ${formatInt(split.neitherRight)}.`
  );
}

/**
 * With more nets, each against the same one: a lead ("Against No BN, on the 10,000 test images:") and one line per
 * net ("With BN disagrees on 312: it is right on 200, No BN on 90, neither on 22.").
 */
export function disagreementList(
  splits: readonly Disagreements[],
  total: number,
  names: Record<NetId, string>,
): { lead: string; lines: string[] } {
  const against = splits[0]?.against;
  const lead = against === undefined ? '' : `Against ${names[against]}, on the ${formatInt(total)} test images:`;
  const lines = splits.map((s) =>
    s.count === 0
      ? `${names[s.net]} agrees on every image.`
      : `${names[s.net]} disagrees on ${formatInt(s.count)}: it is right on ${formatInt(s.netRight)}, ${names[s.against]} on ${formatInt(s.againstRight)}, neither on ${formatInt(s.neitherRight)}.`,
  );
  return { lead, lines };
}

function DisagreementNote({
  splits,
  total,
  names,
}: {
  splits: readonly Disagreements[];
  total: number;
  names: Record<NetId, string>;
}) {
  const [only, second] = splits;
  if (only === undefined) return null;
  if (second === undefined) {
    return (
      <p className="inspect-disagreements" data-testid="inspect-disagreements" data-count={only.count}>
        {disagreementText(only, total, names)}
      </p>
    );
  }
  const { lead, lines } = disagreementList(splits, total, names);
  return (
    <div className="inspect-disagreements" data-testid="inspect-disagreements">
      <p>{lead}</p>
      <ul>
        {splits.map((s, i) => (
          <li key={s.net} data-net={s.net} data-against={s.against} data-count={s.count}>
            {lines[i]}
          </li>
        ))}
      </ul>
    </div>
  );
}

export function InspectPanel({ inspection, netNames, busy, canRefresh, onRefresh, note }: Props) {
  const analysis = useMemo(() => (inspection === null ? null : analyse(inspection)), [inspection]);

  let body;
  if (inspection === null || analysis === null) {
    body = <p className="inspect-empty">{busy ? BUSY_TEXT : EMPTY_TEXT}</p>;
  } else if (analysis.kind === 'problem') {
    body = (
      <div className="notice error" role="alert">
        <p>This inspection cannot be shown: {analysis.message}</p>
      </div>
    );
  } else {
    body = (
      <>
        <div className="confusion-pair">
          {analysis.matrices.map(({ net, matrix }) => (
            <ConfusionMatrix key={net} net={net} name={netNames[net]} matrix={matrix} />
          ))}
        </div>
        <DisagreementNote splits={analysis.splits} total={inspection.labels.length} names={netNames} />
        <h3 className="gallery-heading">A sample of {formatInt(inspection.sample.indices.length)} test images</h3>
        <TestGallery inspection={inspection} />
      </>
    );
  }

  return (
    <section
      className="card inspect-panel"
      aria-labelledby="inspect-heading"
      aria-busy={busy}
      data-testid="inspect-panel"
    >
      <div className="section-head">
        <div className="inspect-title">
          <h2 id="inspect-heading">Test set: where the nets go wrong</h2>
          {note !== undefined && note !== '' && (
            <p className="hint inspect-note" data-testid="inspect-note">
              {note}
            </p>
          )}
        </div>
        <span className="inspect-actions">
          <span className="hint" role="status">
            {busy && inspection !== null ? 'Recomputing…' : ''}
          </span>
          <button
            type="button"
            className="secondary"
            onClick={onRefresh}
            disabled={busy || !canRefresh}
            data-testid="inspect-refresh"
          >
            Recompute on the test set
          </button>
        </span>
      </div>
      {body}
    </section>
  );
}
