// One line under the readings: do the nets read the same digit? A polite live region, so a screen reader hears
// the verdict when it changes rather than every bar's percent.
import type { NetId } from '../../shared/metrics';
import type { NetPrediction } from './prediction';

interface Props {
  /** Every net shown, in the figure's order. */
  views: ReadonlyArray<{ net: NetId; view: NetPrediction }>;
  names: Record<NetId, string>;
}

/** The verdict over the nets that have a reading; null while fewer than two do. */
function verdictText(views: Props['views'], names: Props['names']): { agree: boolean; text: string } | null {
  const ready = views.flatMap(({ net, view }) => (view.kind === 'ready' ? [{ net, digit: view.top.digit }] : []));
  const [first] = ready;
  if (!first || ready.length < 2) return null;
  if (ready.every((r) => r.digit === first.digit)) {
    return {
      agree: true,
      text: ready.length === 2 ? `Both nets read ${first.digit}.` : `All ${ready.length} nets read ${first.digit}.`,
    };
  }
  const readings = ready.map((r) => `${names[r.net]} reads ${r.digit}`).join(', ');
  return { agree: false, text: `The nets disagree: ${readings}.` };
}

export function NetsAgreement({ views, names }: Props) {
  const verdict = verdictText(views, names);
  return (
    <p
      className={`nets-agreement${verdict === null ? '' : verdict.agree ? ' agree' : ' disagree'}`}
      data-testid="prediction-agreement"
      data-agree={verdict === null ? '' : String(verdict.agree)}
      role="status"
    >
      {verdict?.text ?? ''}
    </p>
  );
}
