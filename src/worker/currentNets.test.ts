import * as tf from '@tensorflow/tfjs';
import { beforeAll, describe, expect, it } from 'vitest';
import { CurrentNets } from './currentNets';
import { buildNet } from '../core/models';
import { DEFAULT_CONFIG } from '../shared/config';
import type { ModelSource } from '../shared/protocol';
import { useCpuBackend } from '../test-support/tfCpu';

beforeAll(useCpuBackend);

const pair = () => ({ bn: buildNet('bn', DEFAULT_CONFIG, 1), plain: buildNet('plain', DEFAULT_CONFIG, 1) });

describe('CurrentNets', () => {
  it('answers with the training nets, then owns the finished ones, and frees what it replaces', () => {
    const told: Array<ModelSource | null> = [];
    const currentNets = new CurrentNets((source) => told.push(source));
    const before = tf.memory().numTensors;
    const first = pair();
    currentNets.training(1, DEFAULT_CONFIG, first);
    expect(currentNets.current()?.source).toEqual({ kind: 'training', runId: 1 });
    expect(currentNets.saveable()).toBeNull();
    currentNets.adopt(1, DEFAULT_CONFIG, first);
    expect(currentNets.saveable()?.source).toEqual({ kind: 'trained', runId: 1 });
    const second = pair();
    currentNets.training(2, DEFAULT_CONFIG, second);
    // The first run's models were owned here: a new run makes them stale, so they are freed (the count at the end
    // proves it: nobody else disposes them).
    currentNets.runFailed();
    expect(currentNets.current()).toBeNull();
    second.bn.dispose();
    second.plain.dispose();
    const loaded = { plain: buildNet('plain', DEFAULT_CONFIG, 3) };
    currentNets.load('saved', DEFAULT_CONFIG, loaded);
    expect(currentNets.current()?.source).toEqual({ kind: 'loaded', name: 'saved' });
    currentNets.load('again', DEFAULT_CONFIG, { plain: buildNet('plain', DEFAULT_CONFIG, 4) });
    currentNets.load('last', DEFAULT_CONFIG, {});
    expect(tf.memory().numTensors).toBe(before);
    expect(told).toEqual([
      { kind: 'training', runId: 1 },
      { kind: 'trained', runId: 1 },
      { kind: 'training', runId: 2 },
      null,
      { kind: 'loaded', name: 'saved' },
      { kind: 'loaded', name: 'again' },
      { kind: 'loaded', name: 'last' },
    ]);
  });
});
