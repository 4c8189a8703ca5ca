// The backend choice. The worker picks its backend once, at start, so a change rewrites the URL and reloads.
import type { ChangeEvent } from 'react';
import { BACKEND_NAMES, isBackendChoice, type BackendChoice } from '../shared/config';
import { searchWithBackend } from './urlState';

const OPTION_LABEL: Record<BackendChoice, string> = {
  auto: 'auto (best here)',
  webgl: 'webgl (GPU)',
  wasm: 'wasm (CPU)',
  cpu: 'cpu (slowest)',
};

interface Props {
  value: BackendChoice;
  /** A reload would end the run in progress. */
  disabled: boolean;
}

export function BackendSelect({ value, disabled }: Props) {
  const onChange = (e: ChangeEvent<HTMLSelectElement>) => {
    const next = e.target.value;
    if (!isBackendChoice(next) || next === value) return;
    const { pathname, search, hash } = window.location;
    window.history.replaceState(window.history.state, '', `${pathname}${searchWithBackend(search, next)}${hash}`);
    window.location.reload();
  };
  return (
    <div className="field">
      <label htmlFor="setting-backend">Backend</label>
      <select id="setting-backend" name="backend" value={value} onChange={onChange} disabled={disabled} aria-describedby="setting-backend-hint">
        {(['auto', ...BACKEND_NAMES] as const).map((b) => (
          <option key={b} value={b}>
            {OPTION_LABEL[b]}
          </option>
        ))}
      </select>
      <small id="setting-backend-hint" className="hint">
        {disabled ? 'Stop the run to change it: ' : ''}changing it reloads the page, because the worker picks its backend once, at start.
      </small>
    </div>
  );
}
