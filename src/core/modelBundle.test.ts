// Both nets to a file and back on the CPU backend: identical predictions after the round trip, and every kind of bad
// file refused with its code and a message a user can act on, leaving no tensor behind.
import * as tf from '@tensorflow/tfjs';
import { beforeAll, describe, expect, it } from 'vitest';
import { type TrainConfig } from '../shared/config';
import { useCpuBackend } from '../test-support/tfCpu';
import { BUNDLE_FORMAT } from './bundleFormat';
import { exportBundle, importBundle } from './modelBundle';
import { SMALL, infoFor, trainedLike, disposeAll, INPUTS, roundTrip } from './modelBundle.fixture';

beforeAll(async () => {
  await useCpuBackend();
});

describe('exportBundle → importBundle', () => {
  it('gives identical predictions for a BN net with γ and β switched off (no Dense bias) and its plain twin', async () => {
    await roundTrip({ ...SMALL, bnScale: false, bnCenter: false, denseBias: false }, ['bn', 'plain']);
  });

  it('gives identical predictions for 3 sigmoid layers with BN after the activation on layers 1 and 3', async () => {
    await roundTrip(
      { ...SMALL, layers: [24, 12, 8], activation: 'sigmoid', bnPlace: 'after', bnLayers: [1, 3], init: 'he' },
      ['bn', 'plain'],
    );
  });

  it('round-trips a file holding the plain net only', async () => {
    await roundTrip({ ...SMALL, nets: 'plain' }, ['plain']);
  });

  it('round-trips every normalization: LayerNorm, GroupNorm (4 groups) and RMSNorm beside BN and plain', async () => {
    await roundTrip({ ...SMALL, norms: ['none', 'batch', 'layer', 'group', 'rms'], groups: 4 }, [
      'bn',
      'plain',
      'ln',
      'gn',
      'rms',
    ]);
  });

  it('round-trips LN, GN and RMS nets placed after the activation, without γ and β, on layer 2 only', async () => {
    const config: TrainConfig = {
      ...SMALL,
      norms: ['layer', 'group', 'rms'],
      groups: 2,
      bnPlace: 'after',
      bnScale: false,
      bnCenter: false,
      bnLayers: [2],
    };
    await roundTrip(config, ['ln', 'gn', 'rms']);
  });

  it('reads a file saved before the other normalizations existed (no norms, no groups in its settings)', async () => {
    const models = trainedLike(SMALL, ['bn', 'plain']);
    const info = infoFor(SMALL);
    const json = JSON.parse(new TextDecoder().decode(await exportBundle(models, info))) as {
      info: { config: Record<string, unknown> };
    };
    delete json.info.config.norms;
    delete json.info.config.groups;
    const loaded = await importBundle(new TextEncoder().encode(JSON.stringify(json)));
    expect(loaded.info.config.norms).toEqual(['none', 'batch']);
    expect(loaded.info.config.groups).toBe(8);
    expect(Object.keys(loaded.models).sort()).toEqual(['bn', 'plain']);
    disposeAll(models);
    disposeAll(loaded.models);
  });

  it('writes UTF-8 JSON in TF.js terms: a topology, weight specs and base64 weight bytes per net', async () => {
    const models = trainedLike(SMALL, ['bn']);
    const json = JSON.parse(
      new TextDecoder().decode(await exportBundle(models, infoFor({ ...SMALL, nets: 'bn' }, { bn: 0.9 }))),
    ) as Record<string, unknown>;
    disposeAll(models);
    expect(json.format).toBe(BUNDLE_FORMAT);
    expect(json.version).toBe(1);
    const bn = (json.nets as Record<string, Record<string, unknown>>).bn;
    expect((bn?.modelTopology as { class_name: string }).class_name).toBe('Sequential');
    expect((bn?.weightSpecs as Array<{ name: string }>).map((s) => s.name)).toContain('batch_norm_0/moving_mean');
    expect(bn?.weightData).toMatch(/^[A-Za-z0-9+/]+=*$/);
  });

  it('rebuilds a BN layer without γ, β so that it still runs in training mode (the patch of models.ts survives)', async () => {
    const config: TrainConfig = { ...SMALL, bnScale: false, bnCenter: false };
    const models = trainedLike(config, ['bn']);
    const loaded = await importBundle(await exportBundle(models, infoFor({ ...config, nets: 'bn' }, { bn: 0.5 })));
    disposeAll(models);
    const before = tf.memory().numTensors;
    const bn = loaded.models.bn;
    if (!bn) throw new Error('no bn net');
    const out = tf.tidy(() => (bn.apply(INPUTS(), { training: true }) as tf.Tensor).sum().dataSync()[0]);
    expect(out).toBeCloseTo(4, 4);
    expect(tf.memory().numTensors).toBe(before);
    disposeAll(loaded.models);
  });

  it('reads a file saved before the number of seeds was called seeds (`repeats`)', async () => {
    const models = trainedLike(SMALL, ['plain']);
    const json = JSON.parse(new TextDecoder().decode(await exportBundle(models, infoFor({ ...SMALL, seeds: 3 })))) as {
      info: { config: Record<string, unknown> };
    };
    disposeAll(models);
    const { seeds, ...older } = json.info.config;
    json.info.config = { ...older, repeats: seeds };
    const loaded = await importBundle(new TextEncoder().encode(JSON.stringify(json)));
    expect(loaded.info.config.seeds).toBe(3);
    expect(loaded.info.config).not.toHaveProperty('repeats');
    disposeAll(loaded.models);
  });
});
