// One net's confusion matrix on the test set as a real table: counts printed in every cell, shaded by their share of
// the row (right answers in the net's colour, errors in a warning hue), the worst errors bold, and a one-line summary.
import type { NetId } from '../../shared/metrics';
import { NET_GLYPH, NET_STYLE } from '../charts/palette';
import { formatInt } from '../format';
import {
  accuracyOf,
  confusedPairText,
  correctCount,
  matrixTotal,
  mostConfused,
  recallPerDigit,
  rowShare,
  shadeStrength,
  DIGIT_COUNT,
  type Matrix,
} from './confusion';

/** How many of the largest errors are bold in the table and named in the summary. */
export const WORST_PAIRS = 3;
const DIGITS = Array.from({ length: DIGIT_COUNT }, (_, d) => d);

interface Props {
  net: NetId;
  /** The net's name, as in the figure's legend. */
  name: string;
  matrix: Matrix;
}

function percent(share: number | null, digits: number): string {
  return share === null ? '–' : `${(share * 100).toFixed(digits)}%`;
}

/** A translucent tint, so the cell keeps the page's text colour readable in both schemes. */
function tint(colour: string, strength: number): string | undefined {
  return strength === 0 ? undefined : `color-mix(in srgb, ${colour} ${(strength * 100).toFixed(1)}%, transparent)`;
}

export function ConfusionMatrix({ net, name, matrix }: Props) {
  const total = matrixTotal(matrix);
  const accuracy = accuracyOf(matrix);
  const recall = recallPerDigit(matrix);
  const worst = mostConfused(matrix, WORST_PAIRS);
  const isWorst = (t: number, p: number): boolean => worst.some((w) => w.truth === t && w.predicted === p);

  return (
    // Focusable: on a phone the matrix scrolls sideways, and a keyboard must be able to scroll it too.
    <figure
      tabIndex={0}
      className={`confusion net-${net}`}
      data-testid={`confusion-${net}`}
      data-accuracy={accuracy === null ? '' : accuracy.toFixed(4)}
    >
      <table className="confusion-table" aria-describedby={`confusion-${net}-summary`}>
        <caption>
          <span
            className="confusion-glyph"
            style={{ color: NET_STYLE[net].tint ?? NET_STYLE[net].color }}
            aria-hidden="true"
          >
            {NET_GLYPH[net]}
          </span>{' '}
          Confusion matrix: {name}, {formatInt(total)} test images
        </caption>
        <thead>
          <tr>
            <td className="confusion-corner" />
            <th scope="colgroup" colSpan={DIGIT_COUNT} className="confusion-axis">
              Predicted digit →
            </th>
            <td />
          </tr>
          <tr>
            <th scope="col" className="confusion-axis">
              True ↓
            </th>
            {DIGITS.map((d) => (
              <th scope="col" key={d}>
                <span className="visually-hidden">read as </span>
                {d}
              </th>
            ))}
            <th scope="col" className="confusion-recall" title="Share of this digit's images read correctly">
              Recall
            </th>
          </tr>
        </thead>
        <tbody>
          {DIGITS.map((t) => (
            <tr key={t}>
              <th scope="row">
                <span className="visually-hidden">true </span>
                {t}
              </th>
              {DIGITS.map((p) => {
                const count = matrix[t]?.[p] ?? 0;
                const hit = t === p;
                const strength = shadeStrength(rowShare(matrix, t, p), hit);
                const classes = [
                  hit ? 'hit' : 'miss',
                  count === 0 ? 'zero' : '',
                  !hit && isWorst(t, p) ? 'worst' : '',
                ].filter(Boolean);
                return (
                  <td
                    key={p}
                    className={classes.join(' ')}
                    style={{
                      backgroundColor: tint(
                        hit ? (NET_STYLE[net].tint ?? NET_STYLE[net].color) : 'var(--confusion-miss)',
                        strength,
                      ),
                    }}
                  >
                    {count}
                  </td>
                );
              })}
              <td className="confusion-recall">{percent(recall[t] ?? null, 1)}</td>
            </tr>
          ))}
        </tbody>
      </table>
      <figcaption id={`confusion-${net}-summary`} className="confusion-summary">
        Accuracy <strong>{percent(accuracy, 2)}</strong>
        {total > 0 && ` (${formatInt(correctCount(matrix))} of ${formatInt(total)})`}
        {' · '}
        {worst.length === 0 ? 'no mistakes' : `most confused: ${worst.map(confusedPairText).join(', ')}`}
      </figcaption>
    </figure>
  );
}
