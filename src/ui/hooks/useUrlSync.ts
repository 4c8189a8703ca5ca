// Keeps the address bar in step with the settings form, so copying the link reproduces the next run.
import { useEffect } from 'react';
import type { TrainConfig } from '../../shared/config';
import { urlForConfig } from '../urlState';

/** Writes a valid config into the URL (replaceState: editing a field should not add history entries). */
export function useUrlSync(config: TrainConfig | null): void {
  useEffect(() => {
    if (config === null) return;
    const next = urlForConfig(config, window.location.pathname, window.location.hash);
    const current = `${window.location.pathname}${window.location.search}${window.location.hash}`;
    if (next !== current) window.history.replaceState(window.history.state, '', next);
  }, [config]);
}
