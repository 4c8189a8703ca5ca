// The maths with real numbers: the blog's four formulas, typeset (MathML), and the current mini-batch's values at the
// chosen BN layer and unit — a few x_i, μ_B, σ²_B, x̂_i, γ, β, y_i — with the running averages and how the momentum
// moves them. Plain decimal text in cells named by data-field / data-row, so the formulas can be checked.
import type { BnMath } from '../../shared/inside';
import { plainDecimal } from './insideDatasets';

/** The blog's equations, in MathML (rendered natively by the browser). */
const FORMULAS = `
<math display="block"><msub><mi>μ</mi><mi>B</mi></msub><mo>=</mo><mfrac><mn>1</mn><mi>m</mi></mfrac><munderover><mo>∑</mo><mrow><mi>i</mi><mo>=</mo><mn>1</mn></mrow><mi>m</mi></munderover><msub><mi>x</mi><mi>i</mi></msub></math>
<math display="block"><msubsup><mi>σ</mi><mi>B</mi><mn>2</mn></msubsup><mo>=</mo><mfrac><mn>1</mn><mi>m</mi></mfrac><munderover><mo>∑</mo><mrow><mi>i</mi><mo>=</mo><mn>1</mn></mrow><mi>m</mi></munderover><msup><mrow><mo>(</mo><msub><mi>x</mi><mi>i</mi></msub><mo>−</mo><msub><mi>μ</mi><mi>B</mi></msub><mo>)</mo></mrow><mn>2</mn></msup></math>
<math display="block"><msub><mover><mi>x</mi><mo>^</mo></mover><mi>i</mi></msub><mo>=</mo><mfrac><mrow><msub><mi>x</mi><mi>i</mi></msub><mo>−</mo><msub><mi>μ</mi><mi>B</mi></msub></mrow><msqrt><msubsup><mi>σ</mi><mi>B</mi><mn>2</mn></msubsup><mo>+</mo><mi>ε</mi></msqrt></mfrac></math>
<math display="block"><msub><mi>y</mi><mi>i</mi></msub><mo>=</mo><mi>γ</mi><msub><mover><mi>x</mi><mo>^</mo></mover><mi>i</mi></msub><mo>+</mo><mi>β</mi></math>`;

interface Props {
  math: BnMath | null;
  /** The recorded step's steps-before count in its seed (0-based), when the numbers are a training step's. */
  step: number | null;
  /** Why there are no numbers (no BN on this layer, not recording yet…). */
  emptyText: string;
}

function Field({ field, label, value, title }: { field: string; label: string; value: number; title: string }) {
  return (
    <div className="bn-math-field" title={title}>
      <dt>{label}</dt>
      <dd data-field={field}>{plainDecimal(value)}</dd>
    </div>
  );
}

export function BnMathPanel({ math, step, emptyText }: Props) {
  // data-step: the 1-based step of this seed whose mini-batch is shown (empty for a sample batch).
  const shownStep = math?.source === 'step' && step !== null ? step + 1 : null;
  return (
    <div
      className="bn-math"
      data-testid="bn-math"
      data-ready={math ? 'true' : 'false'}
      data-source={math?.source ?? ''}
      data-step={shownStep ?? ''}
    >
      <h3>The maths with real numbers</h3>
      <div className="bn-math-formulas" dangerouslySetInnerHTML={{ __html: FORMULAS }} />
      {math === null ? (
        <p className="muted">{emptyText}</p>
      ) : (
        <>
          <p className="muted">
            {math.source === 'step'
              ? `The mini-batch of training step ${shownStep === null ? '' : shownStep.toLocaleString('en-US')}`
              : 'No run in progress: a sample mini-batch, the first training images'}{' '}
            (m = <span data-field="m">{math.m}</span>), hidden layer {math.layer + 1}, unit {math.unit + 1}: μ_B and
            σ²_B are over all {math.m} examples; the first {math.rows.length} are shown.
          </p>
          <dl className="bn-math-fields">
            <Field field="mu" label="μ_B" value={math.mean} title="batch mean" />
            <Field field="var" label="σ²_B" value={math.variance} title="batch variance (divided by m)" />
            <Field field="epsilon" label="ε" value={math.epsilon} title="added before the square root" />
            <Field field="gamma" label="γ" value={math.gamma} title="learned scale" />
            <Field field="beta" label="β" value={math.beta} title="learned shift" />
          </dl>
          <table className="bn-math-rows">
            <thead>
              <tr>
                <th scope="col">i</th>
                <th scope="col">x_i</th>
                <th scope="col">x̂_i = (x_i − μ_B)/√(σ²_B + ε)</th>
                <th scope="col">y_i = γ·x̂_i + β</th>
              </tr>
            </thead>
            <tbody>
              {math.rows.map((row, i) => (
                <tr key={i} data-row={i}>
                  <th scope="row">{i + 1}</th>
                  <td data-field="x">{plainDecimal(row.x)}</td>
                  <td data-field="xhat">{plainDecimal(row.xhat)}</td>
                  <td data-field="y">{plainDecimal(row.y)}</td>
                </tr>
              ))}
            </tbody>
          </table>
          <p className="bn-math-running">
            Running averages (used in inference mode), momentum{' '}
            <span data-field="momentum">{plainDecimal(math.momentum)}</span>: mean{' '}
            <span data-field="running-mean-before">{plainDecimal(math.runningMeanBefore)}</span> →{' '}
            {plainDecimal(math.momentum, 4)} × {plainDecimal(math.runningMeanBefore, 4)} +{' '}
            {plainDecimal(1 - math.momentum, 4)} × {plainDecimal(math.mean, 4)} ={' '}
            <span data-field="running-mean-after">{plainDecimal(math.runningMeanAfter)}</span>; variance{' '}
            <span data-field="running-var-before">{plainDecimal(math.runningVarBefore)}</span> →{' '}
            <span data-field="running-var-after">{plainDecimal(math.runningVarAfter)}</span> (the biased σ²_B, as Keras
            and TF.js keep it).
            {math.source === 'sample'
              ? ' Computed: this sample trains nothing, so the net’s own averages stay as they are.'
              : ''}
          </p>
        </>
      )}
    </div>
  );
}
