// importBundle refuses what is not a model of this app, with a code and a readable message, and leaks nothing.
// Both nets to a file and back on the CPU backend: identical predictions after the round trip, and every kind of bad
// file refused with its code and a message a user can act on, leaving no tensor behind.
import * as tf from '@tensorflow/tfjs';
import { beforeAll, describe, expect, it } from 'vitest';
import { useCpuBackend } from '../test-support/tfCpu';
import { ModelFileError, type ModelFileErrorCode } from './bundleFormat';
import { exportBundle, importBundle } from './modelBundle';
import { SMALL, infoFor, trainedLike, disposeAll } from './modelBundle.fixture';

beforeAll(async () => {
  await useCpuBackend();
});

type Json = Record<string, unknown>;

describe('importBundle refuses what is not a model of this app, with a code and a readable message', () => {
  let good: Json;

  beforeAll(async () => {
    const models = trainedLike(SMALL, ['bn', 'plain']);
    good = JSON.parse(new TextDecoder().decode(await exportBundle(models, infoFor(SMALL)))) as Json;
    disposeAll(models);
  });

  const encode = (value: unknown): Uint8Array => new TextEncoder().encode(JSON.stringify(value));
  const net = (bundle: Json, id: 'bn' | 'plain'): Json => (bundle.nets as Record<string, Json>)[id] ?? {};
  const edited = (edit: (copy: Json) => void): Uint8Array => {
    const copy = structuredClone(good);
    edit(copy);
    return encode(copy);
  };

  async function refusal(bytes: ArrayBuffer | Uint8Array): Promise<ModelFileError> {
    const before = tf.memory().numTensors;
    const error = await importBundle(bytes).then(
      () => null,
      (e: unknown) => e,
    );
    expect(tf.memory().numTensors).toBe(before);
    if (!(error instanceof ModelFileError)) throw new Error(`expected a ModelFileError, got ${String(error)}`);
    return error;
  }

  async function expectRefused(
    bytes: ArrayBuffer | Uint8Array,
    code: ModelFileErrorCode,
    message: string | RegExp,
  ): Promise<void> {
    const error = await refusal(bytes);
    expect(error.code).toBe(code);
    expect(error.message).toMatch(message);
  }

  it('random bytes', async () => {
    const random = new Uint8Array(512);
    let x = 12345;
    for (let i = 0; i < random.length; i++) random[i] = (x = (Math.imul(x, 1103515245) + 12345) >>> 0) >>> 24;
    await expectRefused(random, 'not-json', /^This file is not a BatchNorm Lab model: it is not (text|JSON)/);
    await expectRefused(
      new TextEncoder().encode('this is not JSON').buffer,
      'not-json',
      'it is not JSON (it starts with “this is not JSON”).',
    );
  });

  it('valid JSON that is not ours', async () => {
    await expectRefused(
      encode({ modelTopology: {}, weightsManifest: [] }),
      'not-ours',
      /not a BatchNorm Lab model: it looks like a plain TF\.js model\.json/,
    );
    await expectRefused(
      encode({ hello: 'world' }),
      'not-ours',
      "This file is not a BatchNorm Lab model: it has no 'format' field.",
    );
    await expectRefused(
      encode([1, 2, 3]),
      'not-ours',
      'This file is not a BatchNorm Lab model: it holds a list, not an object.',
    );
    await expectRefused(
      edited((b) => (b.format = 'other-app/models')),
      'not-ours',
      /its format is "other-app\/models"/,
    );
  });

  it('a version from the future', async () => {
    await expectRefused(
      edited((b) => (b.version = 2)),
      'version',
      'This model file is version 2; this BatchNorm Lab reads version 1.',
    );
  });

  it('settings that are not valid (0 epochs), or a damaged description', async () => {
    await expectRefused(
      edited((b) => ((b.info as Json).config = { ...SMALL, epochs: 0 })),
      'bad-config',
      'The settings saved with these nets are not valid: Epochs must be between 1 and 100. (given 0)',
    );
    await expectRefused(
      edited((b) => ((b.info as Json).savedAt = 'yesterday')),
      'bad-info',
      /'savedAt' is not a date/,
    );
    await expectRefused(
      edited((b) => ((b.info as Json).valAccuracy = { bn: 'high' })),
      'bad-info',
      /val_accuracy is "high"/,
    );
  });

  it('no nets, an unknown net, or a net the settings do not train', async () => {
    await expectRefused(
      edited((b) => (b.nets = {})),
      'no-nets',
      'This model file holds no nets.',
    );
    await expectRefused(
      edited((b) => ((b.nets as Json).extra = {})),
      'no-nets',
      /does not know: extra/,
    );
    await expectRefused(
      edited((b) => ((b.info as Json).config = { ...SMALL, nets: 'bn' })),
      'no-nets',
      /holds a no-BN net, but its settings train the BN net only/,
    );
  });

  it("weights of a different shape: the settings' layers changed but the weights are the [16, 8] nets'", async () => {
    await expectRefused(
      edited((b) => ((b.info as Json).config = { ...SMALL, layers: [16, 10] })),
      'wrong-shape',
      "The BN net's weights do not match its settings: 'dense_1/kernel' should be [16, 10], found [16, 8].",
    );
    await expectRefused(
      edited((b) => ((b.info as Json).config = { ...SMALL, denseBias: false })),
      'wrong-shape',
      "The BN net's weights do not match its settings: expected 12 weight tensors, found 14.",
    );
    await expectRefused(
      edited((b) => ((b.info as Json).config = { ...SMALL, layers: [16, 8, 8] })),
      'wrong-shape',
      "The BN net's layers do not match its settings: expected 11 layers, found 8.",
    );
  });

  it('layers that differ from the settings even where no weight shows it (the activation)', async () => {
    await expectRefused(
      edited((b) => ((b.info as Json).config = { ...SMALL, activation: 'tanh' })),
      'wrong-shape',
      "The BN net's layers do not match its settings: layer 4 should be Activation 'tanh_0', found Activation 'relu_0'.",
    );
  });

  it('truncated, non-base64 or non-finite weight data', async () => {
    await expectRefused(
      edited((b) => (net(b, 'plain').weightData = String(net(b, 'plain').weightData).slice(0, 400))),
      'bad-weights',
      /^The no-BN net's weights are damaged: expected 51,144 bytes of weight data, found 300\.$/,
    );
    await expectRefused(
      edited((b) => (net(b, 'bn').weightData = '%%%%')),
      'bad-weights',
      "The BN net's weights are damaged: 'weightData' is not base64 text.",
    );
    const nan = new Uint8Array(new Float32Array([Number.NaN]).buffer);
    await expectRefused(
      edited((b) => {
        const text = String(net(b, 'plain').weightData);
        const bytes = Uint8Array.from(atob(text), (c) => c.charCodeAt(0));
        bytes.set(nan, 0);
        net(b, 'plain').weightData = btoa(String.fromCharCode(...bytes));
      }),
      'bad-weights',
      "The no-BN net's weights are damaged: some values are NaN or infinite.",
    );
  });

  it('a weight list that is not one', async () => {
    await expectRefused(
      edited((b) => (net(b, 'bn').weightSpecs = 'none')),
      'bad-weights',
      "The BN net is damaged: it has no 'weightSpecs' list.",
    );
    await expectRefused(
      edited(
        (b) => ((net(b, 'bn').weightSpecs as Json[])[0] = { name: 'dense_0/kernel', shape: [784, 16], dtype: 'int32' }),
      ),
      'bad-weights',
      "The BN net's weight 'dense_0/kernel' is stored as int32; this app reads float32 weights.",
    );
  });

  it('refuses the second net after building the first, and frees the first', async () => {
    // The BN net is fine and built first; the plain net's weights are cut short.
    const error = await refusal(edited((b) => (net(b, 'plain').weightData = '')));
    expect(error.code).toBe('bad-weights');
  });
});
