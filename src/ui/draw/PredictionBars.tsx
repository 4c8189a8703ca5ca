// One net's reading of the drawn digit: the top digit large and ten probability bars, or a word on why there is none;
// compact (a row with ten small upright bars) when more than two nets read. The root carries the automation hooks:
// data-testid, data-digit and data-confidence ('' when there is no reading).
import type { CSSProperties } from 'react';
import type { NetId } from '../../shared/metrics';
import { NET_GLYPH } from '../charts/palette';
import { barFraction, DIGITS, percentText, predictionData, type NetPrediction } from './prediction';

const MESSAGES: Record<Exclude<NetPrediction['kind'], 'ready'>, string> = {
  'no-model': 'No trained net yet — press Train',
  empty: 'Draw a digit',
  waiting: 'Reading your digit…',
  untrained: 'The last run did not train this net',
  invalid: 'No usable answer: the output is not a number (the net diverged)',
};

interface Props {
  net: NetId;
  /** The net's name as the page shows it elsewhere ("With BN (before ReLU)", "No BN"). */
  title: string;
  /** `prediction-bn` or `prediction-plain`. */
  testId: string;
  view: NetPrediction;
  /** Five cards of ten horizontal bars would fill two screens: with more than two nets each is one short row. */
  compact?: boolean;
}

export function PredictionBars({ net, title, testId, view, compact = false }: Props) {
  const data = predictionData(view);
  const ready = view.kind === 'ready' ? view : null;
  return (
    <article
      className={`prediction net-${net}${ready === null ? ' idle' : ''}${compact ? ' compact' : ''}`}
      data-testid={testId}
      data-digit={data.digit}
      data-confidence={data.confidence}
      data-state={view.kind}
    >
      <h3 className="prediction-title">
        <span className="net-glyph" aria-hidden="true">
          {NET_GLYPH[net]}
        </span>{' '}
        {title}
      </h3>
      <div className="prediction-top">
        {view.kind === 'ready' ? (
          <p className="prediction-reading">
            <span className="visually-hidden">Reads </span>
            <span className="prediction-digit">{view.top.digit}</span>
            <span className="prediction-confidence">{`${percentText(view.top.probability)} sure`}</span>
          </p>
        ) : (
          <p className="prediction-message">{MESSAGES[view.kind]}</p>
        )}
      </div>
      <ol className="prob-bars" aria-label={`${title}: probability of each digit`}>
        {DIGITS.map((digit) => {
          const probability = ready?.probabilities[digit] ?? null;
          const top = ready?.top.digit === digit;
          return (
            <li
              key={digit}
              className={`prob${top ? ' top' : ''}`}
              aria-current={top || undefined}
              title={compact && probability !== null ? `${digit}: ${percentText(probability)}` : undefined}
            >
              <span className="prob-digit">{digit}</span>
              <span className="prob-track" aria-hidden="true">
                {/* The bar's length as a variable: horizontal bars scale in x, the compact upright ones in y. */}
                <span
                  className="prob-fill"
                  style={{ '--p': probability === null ? 0 : barFraction(probability) } as CSSProperties}
                />
              </span>
              <span className="prob-value">{probability === null ? '–' : percentText(probability)}</span>
              {/* Not by colour alone: the top bar also has a marker and a bold label. */}
              <span className="prob-marker" aria-hidden="true">
                {top ? '◀' : ''}
              </span>
            </li>
          );
        })}
      </ol>
    </article>
  );
}
