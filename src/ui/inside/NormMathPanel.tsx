// A LayerNorm, GroupNorm or RMSNorm net's numbers on the latest recorded mini-batch: for the first examples, the chosen
// unit's input, that example's own mean and variance over its group of units, x̂ and y. Each row has its own
// statistics: that is the difference from BN, whose μ_B and σ²_B are one pair for the whole batch.
import type { NormMath } from '../../shared/inside';
import { NET_IDS, type NetId } from '../../shared/metrics';
import type { SomeNets } from '../../shared/protocol';
import { plainDecimal } from './insideDatasets';

interface Props {
  maths: SomeNets<NormMath> | undefined;
  names: Record<NetId, string>;
  step: number | null;
}

function over(math: NormMath): string {
  const units = `its ${math.groupSize} units`;
  return math.groups > 1 ? `${units} of group ${math.group + 1} of ${math.groups}` : units;
}

export function NormMathPanel({ maths, names, step }: Props) {
  const shown = NET_IDS.flatMap((net) => {
    const math = maths?.[net];
    return math ? [{ net, math }] : [];
  });
  if (shown.length === 0) return null;
  return (
    <div className="norm-maths" data-testid="norm-maths">
      <h3>The per-example normalizations with real numbers</h3>
      {shown.map(({ net, math }) => (
        <div key={net} className={`norm-math net-${net}`} data-net={net} data-m={math.m}>
          <p>
            <strong>{names[net]}</strong>, hidden layer {math.layer + 1}, unit {math.unit + 1}
            {step === null ? '' : `, training step ${step + 1}`} (m = {math.m}): each example i is normalized over{' '}
            {over(math)}
            {math.centered ? '' : ', without subtracting a mean (σ² here is the mean square)'}; the first{' '}
            {math.rows.length} examples. γ = {plainDecimal(math.gamma)}
            {math.centered ? `, β = ${plainDecimal(math.beta)}` : ''}, ε = {math.epsilon}.
          </p>
          <div className="table-scroll" tabIndex={0} role="region" aria-label={`${names[net]}: the numbers`}>
            <table className="bn-math-rows">
              <thead>
                <tr>
                  <th scope="col">i</th>
                  <th scope="col">x_ij</th>
                  <th scope="col">{math.centered ? 'μ_i' : 'μ_i (none)'}</th>
                  <th scope="col">{math.centered ? 'σ²_i' : 'mean x²_i'}</th>
                  <th scope="col">x̂_ij</th>
                  <th scope="col">y_ij</th>
                </tr>
              </thead>
              <tbody>
                {math.rows.map((row, i) => (
                  <tr key={i}>
                    <th scope="row">{i + 1}</th>
                    <td>{plainDecimal(row.x)}</td>
                    <td>{plainDecimal(row.mean)}</td>
                    <td>{plainDecimal(row.variance)}</td>
                    <td>{plainDecimal(row.xhat)}</td>
                    <td>{plainDecimal(row.y)}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        </div>
      ))}
    </div>
  );
}
