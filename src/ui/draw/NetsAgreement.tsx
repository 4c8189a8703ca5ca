// One line under the two readings: do the nets read the same digit? A polite live region, so a screen reader hears
// the verdict when it changes rather than every bar's percent.
import type { NetId } from '../../shared/metrics';
import { agreement, type NetPrediction } from './prediction';

interface Props {
  bn: NetPrediction;
  plain: NetPrediction;
  names: Record<NetId, string>;
}

export function NetsAgreement({ bn, plain, names }: Props) {
  const verdict = agreement(bn.kind === 'ready' ? bn.top : null, plain.kind === 'ready' ? plain.top : null);
  let text = '';
  if (verdict?.kind === 'agree') text = `Both nets read ${verdict.digit}.`;
  else if (verdict?.kind === 'disagree')
    text = `The nets disagree: ${names.bn} reads ${verdict.bn}, ${names.plain} reads ${verdict.plain}.`;
  return (
    <p
      className={`nets-agreement${verdict === null ? '' : ` ${verdict.kind}`}`}
      data-testid="prediction-agreement"
      data-agree={verdict === null ? '' : String(verdict.kind === 'agree')}
      role="status"
    >
      {text}
    </p>
  );
}
