// The one description of a net's layers: made by the factory for every net it builds, naming each hidden layer's
// Dense, BN and activation wherever BN sits, and read by the training step and the probe pass instead of layer names.
import * as tf from '@tensorflow/tfjs';
import { beforeAll, describe, expect, it } from 'vitest';
import { defaultConfig, type TrainConfig } from '../shared/config';
import { useCpuBackend } from '../test-support/tfCpu';
import { probeForward, type Visit } from './inside/probeForward';
import { planMlp } from './mlpPlan';
import { buildNet } from './models';
import { denseLayers, kernelOf, netLayers, requireNetLayers } from './netLayers';

beforeAll(useCpuBackend);

const config = (changes: Partial<TrainConfig>): TrainConfig => ({ ...defaultConfig(), ...changes });

describe('netLayers', () => {
  it('describes each hidden layer of a BN net with BN before the activation', () => {
    const model = buildNet('bn', config({ layers: [16, 8] }), 1);
    const layers = requireNetLayers(model);
    expect(layers.hidden.map((h) => [h.index, h.units, h.bn !== null, h.bnPlace, h.activationName])).toEqual([
      [0, 16, true, 'before', 'relu'],
      [1, 8, true, 'before', 'relu'],
    ]);
    // The layers named are the model's own, in the model's order.
    const order = model.layers;
    for (const h of layers.hidden) {
      if (!h.bn) throw new Error(`no BN on layer ${h.index}`);
      const at = order.indexOf(h.dense);
      expect([order.indexOf(h.bn), order.indexOf(h.activation)]).toEqual([at + 1, at + 2]);
    }
    expect(order[0]).toBe(layers.flatten);
    expect(order[order.length - 1]).toBe(layers.output);
    model.dispose();
  });

  it('places BN after the activation and only on the layers asked for', () => {
    const model = buildNet('bn', config({ layers: [12, 10, 8], bnPlace: 'after', bnLayers: [2] }), 1);
    const layers = requireNetLayers(model);
    expect(layers.hidden.map((h) => h.bn !== null)).toEqual([false, true, false]);
    const second = layers.hidden[1];
    if (!second?.bn) throw new Error('no BN on layer 2');
    expect(model.layers.indexOf(second.bn)).toBe(model.layers.indexOf(second.activation) + 1);
    expect(denseLayers(layers).map((l) => kernelOf(l).shape)).toEqual([
      [784, 12],
      [12, 10],
      [10, 8],
      [8, 10],
    ]);
    model.dispose();
  });

  it('has nothing for a model the factory did not build, which then trains by autodiff', () => {
    const model = tf.sequential({
      layers: [tf.layers.flatten({ inputShape: [28, 28] }), tf.layers.dense({ units: 10, activation: 'softmax' })],
    });
    expect(netLayers(model)).toBeNull();
    expect(planMlp(model)).toBeNull();
    expect(() => requireNetLayers(model)).toThrow(/not built/);
    model.dispose();
  });

  it('leaves the layer written out in core/bn to autodiff, but the probe pass reads it', () => {
    const model = buildNet('bn', config({ layers: [8], bnImpl: 'scratch' }), 1);
    expect(planMlp(model)).toBeNull();
    const seen: string[] = [];
    const before = tf.memory().numTensors;
    tf.tidy(() => {
      probeForward(model, tf.zeros([4, 28, 28]), { kind: 'batch' }, (v: Visit) =>
        seen.push(`${v.kind}:${v.kind === 'dense' ? v.index : v.hidden}`),
      );
    });
    expect(tf.memory().numTensors).toBe(before);
    expect(seen).toEqual(['dense:0', 'bn:0', 'activation:0', 'dense:1']);
    model.dispose();
  });

  it('tells the probe pass each layer’s hidden index with BN after the activation', () => {
    const model = buildNet('bn', config({ layers: [8, 6], bnPlace: 'after' }), 1);
    const seen: string[] = [];
    tf.tidy(() => {
      probeForward(model, tf.zeros([3, 28, 28]), { kind: 'running' }, (v: Visit) =>
        seen.push(`${v.kind}:${v.kind === 'dense' ? v.index : v.hidden}`),
      );
    });
    expect(seen).toEqual(['dense:0', 'activation:0', 'bn:0', 'dense:1', 'activation:1', 'bn:1', 'dense:2']);
    model.dispose();
  });
});
