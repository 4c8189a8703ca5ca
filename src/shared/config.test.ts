import { describe, expect, it } from 'vitest';
import { DEFAULT_CONFIG, parseConfig, serializeConfig, stepsPerEpoch, validateConfig } from './config';

describe('settings in the URL', () => {
  it('defaults to the blog recipe', () => {
    expect(parseConfig('')).toEqual({ config: DEFAULT_CONFIG, problems: [] });
    expect(stepsPerEpoch(DEFAULT_CONFIG)).toBe(1875);
  });

  it('reads every setting and ignores unknown keys', () => {
    const { config, problems } = parseConfig('?epochs=2&batchSize=64&lr=0.01&trainSize=12000&seed=9&backend=wasm&foo=bar');
    expect(config).toEqual({ epochs: 2, batchSize: 64, lr: 0.01, trainSize: 12000, seed: 9, backend: 'wasm' });
    expect(problems).toEqual([]);
  });

  it('reports each bad value with what was given and uses the default instead', () => {
    const { config, problems } = parseConfig('?epochs=0&batchSize=abc&lr=&trainSize=12.5&backend=tpu&seed=-1');
    expect(config).toEqual(DEFAULT_CONFIG);
    expect(problems.map((p) => [p.key, p.given, p.used])).toEqual([
      ['epochs', '0', '10'],
      ['batchSize', 'abc', '32'],
      ['lr', '', '0.001'],
      ['trainSize', '12.5', '60000'],
      ['seed', '-1', '42'],
      ['backend', 'tpu', 'auto'],
    ]);
    expect(problems[0]?.message).toBe('Epochs must be between 1 and 100.');
    expect(problems[3]?.message).toBe('Training examples must be a whole number.');
  });

  it('writes only what differs from the defaults, and round-trips', () => {
    expect(serializeConfig(DEFAULT_CONFIG)).toBe('');
    const config = { ...DEFAULT_CONFIG, epochs: 3, lr: 0.0005, backend: 'cpu' as const };
    expect(serializeConfig(config)).toBe('epochs=3&lr=0.0005&backend=cpu');
    expect(parseConfig(`?${serializeConfig(config)}`).config).toEqual(config);
  });

  it('validates a whole config again (the worker does), including values that are not numbers at all', () => {
    expect(validateConfig(DEFAULT_CONFIG)).toEqual([]);
    const garbage = JSON.parse('{"epochs":"ten","batchSize":4096,"lr":0.001,"trainSize":60000,"seed":1,"backend":"gpu"}');
    expect(validateConfig(garbage).map((p) => p.key)).toEqual(['epochs', 'batchSize', 'backend']);
  });

  it('keeps the last, smaller batch as Keras does', () => {
    expect(stepsPerEpoch({ trainSize: 2000, batchSize: 64 })).toBe(32);
  });
});
