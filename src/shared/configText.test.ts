// Settings as text: every field survives a trip through the URL, every bad value is named with the default used
// instead, and the worker's whole-config check survives any garbage.
import { describe, expect, it } from 'vitest';
import { DEFAULT_CONFIG, defaultConfig, stepsPerEpoch, type TrainConfig } from './config';
import { FIELDS, type FieldKey } from './configFields';
import { configFromTexts, configToTexts, parseConfig, serializeConfig, validateConfig } from './configText';

/** A value other than the default for every field, and how the URL writes it. */
const NON_DEFAULT: { [K in FieldKey]: [TrainConfig[K], string] } = {
  optimizer: ['rmsprop', 'opt=rmsprop'],
  lr: [0.0003, 'lr=0.0003'],
  batchSize: [128, 'batch=128'],
  epochs: [3, 'epochs=3'],
  trainSize: [12_000, 'train=12000'],
  seed: [7, 'seed=7'],
  layers: [[256, 128, 64], 'layers=256,128,64'],
  activation: ['tanh', 'act=tanh'],
  init: ['he', 'init=he'],
  denseBias: [false, 'bias=0'],
  bnLayers: [[1], 'bn=1'],
  bnPlace: ['after', 'bnpos=after'],
  bnMomentum: [0.9, 'mom=0.9'],
  bnEpsilon: [1e-7, 'eps=1e-7'],
  bnScale: [false, 'gamma=0'],
  bnCenter: [false, 'beta=0'],
  bnImpl: ['scratch', 'bnimpl=scratch'],
  groups: [16, 'groups=16'],
  norms: [['batch', 'group'], 'norms=batch,group'],
  nets: ['bn', 'nets=bn'],
  seeds: [3, 'seeds=3'],
  xAxis: ['steps', 'x=steps'],
  backend: ['wasm', 'backend=wasm'],
};

function setField<K extends FieldKey>(config: TrainConfig, key: K): TrainConfig {
  config[key] = NON_DEFAULT[key][0];
  return config;
}

describe('settings in the URL', () => {
  it('defaults to the blog recipe, and the defaults write an empty query', () => {
    expect(parseConfig('')).toEqual({ config: DEFAULT_CONFIG, problems: [] });
    expect(serializeConfig(defaultConfig())).toBe('');
  });

  it.each(FIELDS.map((f) => [f.key, f.url] as const))('round-trips %s under its short key "%s"', (key) => {
    const config = setField(defaultConfig(), key);
    const query = NON_DEFAULT[key][1];
    expect(serializeConfig(config)).toBe(query);
    expect(parseConfig(`?${query}`)).toEqual({ config, problems: [] });
  });

  it('round-trips every field changed at once, in the table order', () => {
    const config = defaultConfig();
    for (const spec of FIELDS) setField(config, spec.key);
    const query = serializeConfig(config);
    expect(query).toBe(FIELDS.map((f) => NON_DEFAULT[f.key][1]).join('&'));
    expect(parseConfig(query).config).toEqual(config);
  });

  it('still reads the old long keys, and prefers the short key when both are given', () => {
    expect(parseConfig('?batchSize=64&trainSize=12000').config).toEqual({
      ...defaultConfig(),
      batchSize: 64,
      trainSize: 12_000,
    });
    expect(parseConfig('?batch=16&batchSize=64').config.batchSize).toBe(16);
  });

  it('reads text as people write it: case, spaces, thousands separators, exponents, "x" between widths', () => {
    const { config, problems } = parseConfig(
      '?opt=Adam&act=ReLU&train=12,000&lr=3e-4&layers=256x128&bn=ALL&gamma=off&beta=yes',
    );
    expect(problems).toEqual([]);
    expect(config).toEqual({ ...defaultConfig(), trainSize: 12_000, lr: 0.0003, layers: [256, 128], bnScale: false });
  });

  it('ignores unknown keys', () => {
    expect(parseConfig('?foo=bar&epochs=2&EPOCHS=9&utm_source=x')).toEqual({
      config: { ...defaultConfig(), epochs: 2 },
      problems: [],
    });
  });

  // [query, key, URL key, message, value used instead]
  const INVALID: Array<[string, FieldKey, string, string, string]> = [
    ['epochs=0', 'epochs', 'epochs', 'Epochs must be between 1 and 100.', '10'],
    ['epochs=101', 'epochs', 'epochs', 'Epochs must be between 1 and 100.', '10'],
    ['epochs=2.5', 'epochs', 'epochs', 'Epochs must be a whole number.', '10'],
    ['epochs=ten', 'epochs', 'epochs', 'Epochs must be a number.', '10'],
    ['epochs=', 'epochs', 'epochs', 'Epochs must be a number.', '10'],
    ['lr=0', 'lr', 'lr', 'Learning rate must be between 0.00001 and 1.', '0.001'],
    ['lr=2', 'lr', 'lr', 'Learning rate must be between 0.00001 and 1.', '0.001'],
    ['lr=1e-6', 'lr', 'lr', 'Learning rate must be between 0.00001 and 1.', '0.001'],
    ['batch=0', 'batchSize', 'batch', 'Batch size must be between 1 and 1,024.', '32'],
    ['batch=1025', 'batchSize', 'batch', 'Batch size must be between 1 and 1,024.', '32'],
    ['batch=0x20', 'batchSize', 'batch', 'Batch size must be a number.', '32'],
    ['batchSize=abc', 'batchSize', 'batchSize', 'Batch size must be a number.', '32'],
    ['train=99', 'trainSize', 'train', 'Training examples must be between 100 and 60,000.', '60000'],
    ['train=60001', 'trainSize', 'train', 'Training examples must be between 100 and 60,000.', '60000'],
    ['seed=-1', 'seed', 'seed', 'Seed must be between 0 and 2,147,483,647.', '42'],
    ['seed=2147483648', 'seed', 'seed', 'Seed must be between 0 and 2,147,483,647.', '42'],
    ['layers=', 'layers', 'layers', 'Hidden layers must list 1 to 5 widths.', '128,64'],
    ['layers=3', 'layers', 'layers', 'Each layer width must be a whole number from 4 to 1,024 (got 3).', '128,64'],
    [
      'layers=2000',
      'layers',
      'layers',
      'Each layer width must be a whole number from 4 to 1,024 (got 2000).',
      '128,64',
    ],
    ['layers=1,2,3,4,5,6', 'layers', 'layers', 'Hidden layers must list 1 to 5 widths.', '128,64'],
    [
      'layers=64,abc',
      'layers',
      'layers',
      'Each layer width must be a whole number from 4 to 1,024 (got abc).',
      '128,64',
    ],
    [
      'layers=64,32.5',
      'layers',
      'layers',
      'Each layer width must be a whole number from 4 to 1,024 (got 32.5).',
      '128,64',
    ],
    ['act=relu6', 'activation', 'act', 'Activation must be one of relu, sigmoid, tanh.', 'relu'],
    ['init=xavier', 'init', 'init', 'Weight init must be one of glorot, he, gauss.', 'glorot'],
    ['opt=lbfgs', 'optimizer', 'opt', 'Optimizer must be one of adam, sgd, momentum, rmsprop.', 'adam'],
    ['bias=maybe', 'denseBias', 'bias', 'Bias before BN must be on or off (1 or 0).', '1'],
    ['bn=0', 'bnLayers', 'bn', 'BN on layers: 0 is not a hidden layer number (1–5).', 'all'],
    ['bn=6', 'bnLayers', 'bn', 'BN on layers: 6 is not a hidden layer number (1–5).', 'all'],
    ['bn=1,1', 'bnLayers', 'bn', 'BN on layers lists a layer twice.', 'all'],
    ['bn=', 'bnLayers', 'bn', 'BN on layers must be "all" or at least one layer number.', 'all'],
    ['bn=3', 'bnLayers', 'bn', 'The net has 2 hidden layers: there is no layer 3.', 'all'],
    ['layers=32&bn=1,2', 'bnLayers', 'bn', 'The net has 1 hidden layer: there is no layer 2.', 'all'],
    ['bnpos=middle', 'bnPlace', 'bnpos', 'BN position must be one of before, after.', 'before'],
    ['mom=1', 'bnMomentum', 'mom', 'Momentum must be between 0 and 0.9999.', '0.99'],
    ['mom=-0.1', 'bnMomentum', 'mom', 'Momentum must be between 0 and 0.9999.', '0.99'],
    ['eps=0', 'bnEpsilon', 'eps', 'ε must be between 1e-8 and 1.', '0.001'],
    ['eps=2', 'bnEpsilon', 'eps', 'ε must be between 1e-8 and 1.', '0.001'],
    ['gamma=2', 'bnScale', 'gamma', 'Learnable γ must be on or off (1 or 0).', '1'],
    ['beta=', 'bnCenter', 'beta', 'Learnable β must be on or off (1 or 0).', '1'],
    ['nets=none', 'nets', 'nets', 'Nets to train must be one of both, bn, plain.', 'both'],
    ['seeds=0', 'seeds', 'seeds', 'Seeds must be between 1 and 10.', '1'],
    ['seeds=11', 'seeds', 'seeds', 'Seeds must be between 1 and 10.', '1'],
    ['x=time', 'xAxis', 'x', 'x-axis must be one of epochs, steps.', 'epochs'],
    ['backend=tpu', 'backend', 'backend', 'Backend must be one of auto, webgl, wasm, cpu, webgpu.', 'auto'],
  ];

  it.each(INVALID)('refuses ?%s: names %s, says why and uses the default', (query, key, name, message, used) => {
    const params = new URLSearchParams(query);
    const given = params.get(name) ?? '';
    const { config, problems } = parseConfig(`?${query}`);
    expect(problems).toEqual([{ key, name, given, message, used }]);
    expect(config[key]).toEqual(DEFAULT_CONFIG[key]);
  });

  it('reports every bad key of one link and keeps the good ones', () => {
    const { config, problems } = parseConfig('?epochs=0&lr=banana&train=1000&act=relu6&seed=5');
    expect(problems.map((p) => [p.name, p.given, p.used])).toEqual([
      ['lr', 'banana', '0.001'],
      ['epochs', '0', '10'],
      ['act', 'relu6', 'relu'],
    ]);
    expect(config).toEqual({ ...defaultConfig(), trainSize: 1000, seed: 5 });
  });
});

describe('the form as text', () => {
  it('round-trips a config through its texts', () => {
    const config = { ...defaultConfig(), layers: [32], bnLayers: [1], bnEpsilon: 1e-5, denseBias: false };
    expect(configFromTexts(configToTexts(config))).toEqual({ config, errors: {} });
  });

  it('gives a reason per refused field, a field’s own refusal before a cross-field one', () => {
    const texts = { ...configToTexts(defaultConfig()), epochs: '0', layers: '64', bnLayers: '2,9' };
    expect(configFromTexts(texts)).toEqual({
      config: null,
      errors: {
        epochs: 'Epochs must be between 1 and 100.',
        bnLayers: 'BN on layers: 9 is not a hidden layer number (1–5).',
      },
    });
  });
});

describe('the worker’s whole-config check', () => {
  it('accepts a valid config', () => {
    expect(validateConfig(defaultConfig())).toEqual([]);
  });

  const cyclic: Record<string, unknown> = { ...defaultConfig() };
  cyclic.layers = [cyclic];
  const GARBAGE: Array<[string, unknown, FieldKey[]]> = [
    ['null', null, ['epochs']],
    ['undefined', undefined, ['epochs']],
    ['a number', 42, ['epochs']],
    ['a string', 'epochs=2', ['epochs']],
    ['an empty object', {}, FIELDS.map((f) => f.key)],
    ['an array', [], FIELDS.map((f) => f.key)],
    ['strings where numbers go', { ...defaultConfig(), epochs: '10', lr: '0.001' }, ['lr', 'epochs']],
    [
      'NaN and Infinity',
      { ...defaultConfig(), seed: Number.NaN, batchSize: Number.POSITIVE_INFINITY },
      ['batchSize', 'seed'],
    ],
    ['junk in the widths', { ...defaultConfig(), layers: [128, '64', null] }, ['layers']],
    ['widths that are not a list', { ...defaultConfig(), layers: '128,64' }, ['layers']],
    ['junk in the BN layers', { ...defaultConfig(), bnLayers: [1, 'x'] }, ['bnLayers']],
    ['a BN layer set that is a word', { ...defaultConfig(), bnLayers: 'some' }, ['bnLayers']],
    ['a missing field', (({ optimizer: _drop, ...rest }) => rest)(defaultConfig()), ['optimizer']],
    ['numbers for flags', { ...defaultConfig(), bnScale: 1, denseBias: 'true' }, ['denseBias', 'bnScale']],
    ['a BigInt', { ...defaultConfig(), epochs: 10n }, ['epochs']],
    ['a cycle', cyclic, ['layers']],
    ['BN on a layer the net lacks', { ...defaultConfig(), layers: [64], bnLayers: [2] }, ['bnLayers']],
  ];

  it.each(GARBAGE)('refuses %s without throwing', (_name, value, keys) => {
    const problems = validateConfig(value);
    expect(problems.map((p) => p.key)).toEqual(keys);
    for (const p of problems) {
      expect(p.message).not.toBe('');
      expect(typeof p.given).toBe('string');
    }
  });

  it('names a cross-field problem by its URL key', () => {
    expect(validateConfig({ ...defaultConfig(), layers: [64], bnLayers: [2] })).toEqual([
      {
        key: 'bnLayers',
        name: 'bn',
        given: '[2]',
        message: 'The net has 1 hidden layer: there is no layer 2.',
        used: 'all',
      },
    ]);
  });
});

describe('steps per epoch', () => {
  it('keeps the last, smaller batch as Keras does', () => {
    expect(stepsPerEpoch(DEFAULT_CONFIG)).toBe(1875);
    expect(stepsPerEpoch({ trainSize: 2000, batchSize: 64 })).toBe(32);
  });
});

describe('the norms and groups settings', () => {
  it('reads norms as a set in the figure order, and the default pair writes nothing', () => {
    expect(parseConfig('norms=rms,none,layer').config.norms).toEqual(['none', 'layer', 'rms']);
    expect(serializeConfig({ ...defaultConfig(), norms: ['none', 'batch'] })).toBe('');
    expect(serializeConfig({ ...defaultConfig(), norms: ['none', 'batch', 'group'] })).toBe('norms=none,batch,group');
  });

  it('refuses an unknown or repeated normalization with a message, and keeps the default', () => {
    const unknown = parseConfig('norms=none,instance');
    expect(unknown.config.norms).toEqual(['none', 'batch']);
    expect(unknown.problems[0]?.message).toBe('Normalizations: instance is not one of none, batch, layer, group, rms.');
    expect(parseConfig('norms=layer,layer').problems[0]?.message).toBe('Normalizations lists layer twice.');
    expect(parseConfig('norms=').problems[0]?.message).toMatch(/must list at least one/);
  });

  it('asks GroupNorm’s groups to divide every hidden width, only when a GroupNorm net trains', () => {
    const bad = parseConfig('norms=none,group&layers=128,60&groups=8');
    const message = "GroupNorm's 8 groups must divide every hidden width; 60 does not divide by 8.";
    // The default groups clash too, so the nets fall back to the default pair: the run still starts.
    expect(bad.problems.map((p) => [p.name, p.message])).toEqual([
      ['groups', message],
      ['norms', message],
    ]);
    expect(bad.config.norms).toEqual(['none', 'batch']);
    expect(parseConfig('norms=group&layers=128,60&groups=4').problems).toEqual([]);
    expect(parseConfig('norms=group&groups=3').config.groups).toBe(8);
    expect(parseConfig('layers=100,100&groups=8').problems).toEqual([]);
    expect(validateConfig({ ...defaultConfig(), norms: ['group'], layers: [30], groups: 4 })[0]?.key).toBe('groups');
  });

  it('keeps the older nets key working: bn keeps the normalized nets, plain the plain one', () => {
    expect(parseConfig('nets=bn').problems).toEqual([]);
    const clash = parseConfig('nets=plain&norms=batch,layer');
    expect(clash.problems.map((p) => p.key)).toEqual(['nets']);
    expect(clash.problems[0]?.message).toMatch(/Plain only keeps the net without normalization/);
  });
});
