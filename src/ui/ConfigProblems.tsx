// Lists the settings in the link that were refused: the URL key, what was given, why, and the value used instead.
import type { ConfigProblem } from '../shared/configText';
import { countRender } from './renderCount';

interface Props {
  problems: readonly ConfigProblem[];
  onDismiss: () => void;
}

export function ConfigProblems({ problems, onDismiss }: Props) {
  countRender('ConfigProblems');
  if (problems.length === 0) return null;
  return (
    <section className="notice warning" data-testid="config-problems" aria-labelledby="config-problems-heading">
      <div className="notice-head">
        <h2 id="config-problems-heading">
          {problems.length === 1
            ? 'A setting in the link was not used'
            : `${problems.length} settings in the link were not used`}
        </h2>
        <button type="button" className="dismiss" onClick={onDismiss} aria-label="Dismiss the settings notice">
          ×
        </button>
      </div>
      <ul>
        {problems.map((p) => (
          <li key={`${p.key}-${p.name}`} data-key={p.name}>
            <code>{p.name}</code>: got <code>“{p.given}”</code>. {p.message} Using <code>{p.used}</code> instead.
          </li>
        ))}
      </ul>
    </section>
  );
}
