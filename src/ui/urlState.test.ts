// The URL as the experiment's record: settings that differ from the defaults, and a backend change.
import { describe, expect, it } from 'vitest';
import { DEFAULT_CONFIG, parseConfig } from '../shared/config';
import { searchWithBackend, urlForConfig } from './urlState';

describe('URL state', () => {
  it('writes only non-default settings and keeps the path and hash', () => {
    expect(urlForConfig(DEFAULT_CONFIG, '/lab/', '')).toBe('/lab/');
    const config = { ...DEFAULT_CONFIG, epochs: 2, trainSize: 2000 };
    const url = urlForConfig(config, '/lab/', '#figure');
    expect(url).toBe('/lab/?epochs=2&trainSize=2000#figure');
    expect(parseConfig(url.slice('/lab/'.length, url.indexOf('#'))).config).toEqual(config);
  });

  it('changes only the backend, and auto leaves the URL', () => {
    expect(searchWithBackend('?epochs=2', 'wasm')).toBe('?epochs=2&backend=wasm');
    expect(searchWithBackend('?epochs=2&backend=cpu', 'webgl')).toBe('?epochs=2&backend=webgl');
    expect(searchWithBackend('?backend=cpu', 'auto')).toBe('');
  });
});
