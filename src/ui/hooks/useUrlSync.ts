// Keeps the address bar and the settings form in step: a valid form is written to the URL (so copying the link
// reproduces the next run), and Back/Forward put the settings of that history entry back into the form.
import { useEffect, useRef } from 'react';
import type { TrainConfig } from '../../shared/config';
import { parseConfig, type ConfigProblem } from '../../shared/configText';
import { urlForConfig } from '../urlState';

/**
 * Writes a valid config into the URL with replaceState (editing a field should not add history entries), and calls
 * `onNavigate` with the settings read from the URL when the user goes back or forward.
 */
export function useUrlSync(
  config: TrainConfig | null,
  onNavigate: (read: { config: TrainConfig; problems: ConfigProblem[] }) => void,
): void {
  useEffect(() => {
    if (config === null) return;
    const next = urlForConfig(config, window.location.pathname, window.location.hash);
    const current = `${window.location.pathname}${window.location.search}${window.location.hash}`;
    if (next !== current) window.history.replaceState(window.history.state, '', next);
  }, [config]);

  // A ref, so a new callback each render does not re-register the listener.
  const navigate = useRef(onNavigate);
  useEffect(() => {
    navigate.current = onNavigate;
  }, [onNavigate]);
  useEffect(() => {
    const onPopState = () => navigate.current(parseConfig(window.location.search));
    window.addEventListener('popstate', onPopState);
    return () => window.removeEventListener('popstate', onPopState);
  }, []);
}

/** Adds a history entry for settings set in one go (a preset), so Back returns to the settings before it. */
export function pushConfigUrl(config: TrainConfig): void {
  const next = urlForConfig(config, window.location.pathname, window.location.hash);
  const current = `${window.location.pathname}${window.location.search}${window.location.hash}`;
  if (next !== current) window.history.pushState(null, '', next);
}
