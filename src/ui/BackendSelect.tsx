// The backend choice. The worker picks its backend once, at start, so a change rewrites the URL and reloads.
import type { ChangeEvent } from 'react';
import { isBackendChoice } from '../shared/configFields';
import { describedBy, fieldId, FieldShell, type FieldProps } from './controls/FieldShell';
import { searchWithBackend } from './urlState';

interface Props extends FieldProps<'choice'> {
  /** A reload would end the run in progress. */
  running: boolean;
}

export function BackendSelect({ spec, text, error, running }: Props) {
  const id = fieldId(spec.key);
  const onChange = (e: ChangeEvent<HTMLSelectElement>) => {
    const next = e.target.value;
    if (!isBackendChoice(next) || next === text) return;
    const { pathname, search, hash } = window.location;
    window.history.replaceState(window.history.state, '', `${pathname}${searchWithBackend(search, next)}${hash}`);
    window.location.reload();
  };
  return (
    <FieldShell id={id} label={spec.label} hint={spec.hint} error={error} inapplicable={running ? 'Stop the run to change it: changing it reloads the page.' : null}>
      <select id={id} name={spec.url} value={text} onChange={onChange} disabled={running} aria-describedby={describedBy(id, error)}>
        {spec.options.map((o) => (
          <option key={o.value} value={o.value}>
            {o.label}
          </option>
        ))}
      </select>
    </FieldShell>
  );
}
