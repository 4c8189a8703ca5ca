// The page URL as the record of an experiment: pure helpers that build the address for a config or a backend change.
import type { BackendChoice, TrainConfig } from '../shared/config';
import { fieldSpec } from '../shared/configFields';
import { serializeConfig } from '../shared/configText';

/** The address for a config: same page and hash, settings that differ from the defaults in the query. */
export function urlForConfig(config: TrainConfig, pathname: string, hash: string): string {
  const query = serializeConfig(config);
  return `${pathname}${query ? `?${query}` : ''}${hash}`;
}

/** The full link for a config, on the page at `href` (what "Copy link" copies). */
export function linkForConfig(config: TrainConfig, href: string): string {
  const page = new URL(href);
  return new URL(urlForConfig(config, page.pathname, page.hash), page).href;
}

/** The current query with only the backend changed ('auto' is the default, so it leaves the URL). */
export function searchWithBackend(search: string, backend: BackendChoice): string {
  const key = fieldSpec('backend').url;
  const params = new URLSearchParams(search);
  if (backend === 'auto') params.delete(key);
  else params.set(key, backend);
  const query = params.toString().replace(/%2C/g, ',');
  return query ? `?${query}` : '';
}
