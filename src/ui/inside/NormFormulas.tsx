// The normalizations of the run side by side: over which axis each takes its statistics (the lesson: BN over the
// batch, the others over each example's own units), its formula, and what changes at inference. LayerNorm, GroupNorm
// and RMSNorm keep no running statistics, so their training and inference modes are the same computation.
import type { TrainConfig } from '../../shared/config';
import type { NetId } from '../../shared/metrics';

interface Row {
  net: NetId;
  name: string;
  axis: string;
  formula: string;
  inference: string;
}

function rows(config: TrainConfig, nets: readonly NetId[]): Row[] {
  const g = config.groups;
  const all: Record<Exclude<NetId, 'plain'>, Omit<Row, 'net'>> = {
    bn: {
      name: 'BatchNorm',
      axis: 'over the m examples of the mini-batch, for each unit j (down a column of the m × d batch)',
      formula: 'μⱼ = (1/m)·Σᵢ xᵢⱼ, σ²ⱼ = (1/m)·Σᵢ (xᵢⱼ − μⱼ)², x̂ᵢⱼ = (xᵢⱼ − μⱼ)/√(σ²ⱼ + ε), yᵢⱼ = γⱼ·x̂ᵢⱼ + βⱼ',
      inference: 'different: running averages of μ and σ² replace the batch’s (see the modes chart)',
    },
    ln: {
      name: 'LayerNorm',
      axis: 'over the d units of each example i (along a row), whatever the batch',
      formula: 'μᵢ = (1/d)·Σⱼ xᵢⱼ, σ²ᵢ = (1/d)·Σⱼ (xᵢⱼ − μᵢ)², x̂ᵢⱼ = (xᵢⱼ − μᵢ)/√(σ²ᵢ + ε), yᵢⱼ = γⱼ·x̂ᵢⱼ + βⱼ',
      inference: 'the same: no running statistics',
    },
    gn: {
      name: `GroupNorm (${g} groups)`,
      axis: `over each group of d/${g} consecutive units of each example i`,
      formula: 'μᵢ₍g₎, σ²ᵢ₍g₎ over the units j of group g; x̂ᵢⱼ = (xᵢⱼ − μᵢ₍g₎)/√(σ²ᵢ₍g₎ + ε), yᵢⱼ = γⱼ·x̂ᵢⱼ + βⱼ',
      inference: 'the same: no running statistics',
    },
    rms: {
      name: 'RMSNorm',
      axis: 'over the d units of each example i, without subtracting the mean',
      formula: 'rᵢ = √((1/d)·Σⱼ xᵢⱼ² + ε), x̂ᵢⱼ = xᵢⱼ/rᵢ, yᵢⱼ = γⱼ·x̂ᵢⱼ (no β)',
      inference: 'the same: no running statistics',
    },
  };
  return nets.flatMap((net) => (net === 'plain' ? [] : [{ net, ...all[net] }]));
}

export function NormFormulas({ config, nets }: { config: TrainConfig; nets: readonly NetId[] }) {
  const shown = rows(config, nets);
  return (
    <div className="norm-formulas" data-testid="norm-formulas">
      <h3>The normalizations side by side</h3>
      <p className="muted">
        x is the layer’s input for a mini-batch: m examples (rows) × d units (columns); ε = {config.bnEpsilon}. What
        differs is the axis the mean and variance are taken over.
      </p>
      <div className="table-scroll" tabIndex={0} role="region" aria-label="The normalizations side by side">
        <table className="norm-table">
          <thead>
            <tr>
              <th scope="col">normalization</th>
              <th scope="col">statistics taken</th>
              <th scope="col">formula</th>
              <th scope="col">at inference</th>
            </tr>
          </thead>
          <tbody>
            {shown.map((row) => (
              <tr key={row.net} data-net={row.net} className={`net-${row.net}`}>
                <th scope="row">{row.name}</th>
                <td data-field="axis">{row.axis}</td>
                <td data-field="formula" className="formula">
                  {row.formula}
                </td>
                <td data-field="inference">{row.inference}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </div>
  );
}
