// The LayerNorm, GroupNorm and RMSNorm layers in the app's nets: where they sit, their weights, one mode for training
// and inference, the inspectors' probe pass through them, and TF.js's own save and load.
import * as tf from '@tensorflow/tfjs';
import { beforeAll, describe, expect, it } from 'vitest';
import { buildNet, countParams } from '../models';
import { probeForward } from '../inside/probeForward';
import { defaultConfig } from '../../shared/config';
import { useCpuBackend } from '../../test-support/tfCpu';
import { GroupNorm, LayerNorm, RmsNorm } from './featureNormLayers';

beforeAll(useCpuBackend);

const x = (): tf.Tensor => tf.randomUniform([6, 28, 28], 0, 1, 'float32', 5);

describe('the LN, GN and RMS nets', () => {
  it('put their normalization where BN would be, with γ and β per unit (RMSNorm: γ only)', () => {
    const spec = defaultConfig();
    const classes = (net: 'ln' | 'gn' | 'rms') => {
      const model = buildNet(net, spec, 1);
      const out = { layers: model.layers.map((l) => l.getClassName()), params: countParams(model) };
      model.dispose();
      return out;
    };
    const plain = 784 * 128 + 128 + 128 * 64 + 64 + 64 * 10 + 10;
    expect(classes('ln')).toEqual({
      layers: ['Flatten', 'Dense', 'LayerNorm', 'Activation', 'Dense', 'LayerNorm', 'Activation', 'Dense'],
      params: { total: plain + 2 * (128 + 64), trainable: plain + 2 * (128 + 64) },
    });
    expect(classes('gn').layers[2]).toBe('GroupNorm');
    expect(classes('rms')).toEqual({
      layers: ['Flatten', 'Dense', 'RmsNorm', 'Activation', 'Dense', 'RmsNorm', 'Activation', 'Dense'],
      params: { total: plain + 128 + 64, trainable: plain + 128 + 64 },
    });
    const after = buildNet('gn', { ...spec, bnPlace: 'after', bnLayers: [2] }, 1);
    expect(after.layers.map((l) => l.name)).toEqual([
      'flatten',
      'dense_0',
      'relu_0',
      'dense_1',
      'relu_1',
      'group_norm_1',
      'dense_2',
    ]);
    after.dispose();
  });

  it('give the same output in training and inference mode, and the probe pass gives it too', () => {
    for (const net of ['ln', 'gn', 'rms'] as const) {
      const model = buildNet(net, defaultConfig(), 2);
      const before = tf.memory().numTensors;
      const [train, infer, probed] = tf.tidy(() => {
        const input = x();
        return [
          (model.apply(input, { training: true }) as tf.Tensor).dataSync(),
          (model.apply(input, { training: false }) as tf.Tensor).dataSync(),
          probeForward(model, input, { kind: 'running' }).dataSync(),
        ];
      });
      expect(tf.memory().numTensors).toBe(before);
      expect(Array.from(train)).toEqual(Array.from(infer));
      expect(Array.from(probed)).toEqual(Array.from(infer));
      model.dispose();
    }
  });

  it('save and load through TF.js serialization with their settings', async () => {
    const model = buildNet('gn', { ...defaultConfig(), groups: 4, bnEpsilon: 1e-5, bnCenter: false }, 3);
    let saved: tf.io.ModelArtifacts | null = null;
    await model.save(
      tf.io.withSaveHandler(async (artifacts) => {
        saved = artifacts;
        return { modelArtifactsInfo: { dateSaved: new Date(), modelTopologyType: 'JSON' } };
      }),
    );
    if (!saved) throw new Error('nothing saved');
    const loaded = await tf.loadLayersModel(tf.io.fromMemory(saved));
    const layer = loaded.getLayer('group_norm_0');
    expect(layer).toBeInstanceOf(GroupNorm);
    expect(layer.getConfig()).toMatchObject({ groups: 4, epsilon: 1e-5, center: false, scale: true });
    const same = tf.tidy(() => {
      const input = x();
      return tf.max(tf.abs(tf.sub(model.predict(input) as tf.Tensor, loaded.predict(input) as tf.Tensor))).dataSync();
    });
    expect(same[0]).toBe(0);
    model.dispose();
    loaded.dispose();
  });

  it('refuse groups that do not divide the width, naming both', () => {
    const layer = new GroupNorm({ groups: 8 });
    expect(() => layer.build([null, 60])).toThrow('GroupNorm: 8 groups do not divide 60 units.');
    expect(new LayerNorm().groups).toBe(1);
    expect(new RmsNorm({ center: true }).center).toBe(false);
  });
});
