// The page URL as the record of an experiment: pure helpers that build the address for a config or a backend change.
import { serializeConfig, type BackendChoice, type TrainConfig } from '../shared/config';

/** The address for a config: same page and hash, settings that differ from the defaults in the query. */
export function urlForConfig(config: TrainConfig, pathname: string, hash: string): string {
  const query = serializeConfig(config);
  return `${pathname}${query ? `?${query}` : ''}${hash}`;
}

/** The current query with only the backend changed ('auto' is the default, so it leaves the URL). */
export function searchWithBackend(search: string, backend: BackendChoice): string {
  const params = new URLSearchParams(search);
  if (backend === 'auto') params.delete('backend');
  else params.set('backend', backend);
  const query = params.toString();
  return query ? `?${query}` : '';
}
