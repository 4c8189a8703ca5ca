// A notice per net that diverged: where its loss became NaN or infinite, and that the other net went on.
import type { TrainConfig } from '../shared/config';
import type { Divergence } from '../shared/protocol';
import { divergenceText } from './divergenceText';
import { countRender } from './renderCount';

interface Props {
  divergences: readonly Divergence[];
  config: TrainConfig | null;
  active: boolean;
}

export function Divergences({ divergences, config, active }: Props) {
  countRender('Divergences');
  if (divergences.length === 0) return null;
  return (
    <div className="divergences" role="status">
      {divergences.map((d) => (
        <p
          key={`${d.seedIndex}-${d.net}`}
          className="notice warning divergence"
          data-testid={`divergence-${d.net}`}
          data-repeat={d.seedIndex}
        >
          <span aria-hidden="true">✕ </span>
          {divergenceText(d, config, divergences, active)}
        </p>
      ))}
    </div>
  );
}
