// The URL as the experiment's record: settings that differ from the defaults, the full link, and a backend change.
import { describe, expect, it } from 'vitest';
import { defaultConfig } from '../shared/config';
import { parseConfig } from '../shared/configText';
import { linkForConfig, searchWithBackend, urlForConfig } from './urlState';

describe('URL state', () => {
  it('writes only non-default settings with short keys and keeps the path and hash', () => {
    expect(urlForConfig(defaultConfig(), '/lab/', '')).toBe('/lab/');
    const config = { ...defaultConfig(), epochs: 2, trainSize: 2000, layers: [256, 32] };
    const url = urlForConfig(config, '/lab/', '#figure');
    expect(url).toBe('/lab/?epochs=2&train=2000&layers=256,32#figure');
    expect(parseConfig(url.slice('/lab/'.length, url.indexOf('#'))).config).toEqual(config);
  });

  it('builds the absolute link that Copy link copies, dropping whatever the old query held', () => {
    const config = { ...defaultConfig(), activation: 'tanh' as const, bnLayers: [2] };
    const link = linkForConfig(config, 'http://127.0.0.1:4173/lab/?epochs=0&junk=1#log');
    expect(link).toBe('http://127.0.0.1:4173/lab/?act=tanh&bn=2#log');
    expect(parseConfig(new URL(link).search)).toEqual({ config, problems: [] });
  });

  it('changes only the backend, and auto leaves the URL', () => {
    expect(searchWithBackend('?epochs=2&layers=64,32', 'wasm')).toBe('?epochs=2&layers=64,32&backend=wasm');
    expect(searchWithBackend('?epochs=2&backend=cpu', 'webgl')).toBe('?epochs=2&backend=webgl');
    expect(searchWithBackend('?backend=cpu', 'auto')).toBe('');
  });
});
