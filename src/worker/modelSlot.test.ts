import * as tf from '@tensorflow/tfjs';
import { beforeAll, describe, expect, it } from 'vitest';
import { ModelSlot } from './modelSlot';
import { buildNet } from '../core/models';
import { DEFAULT_CONFIG } from '../shared/config';
import type { ModelSource } from '../shared/protocol';
import { useCpuBackend } from '../test-support/tfCpu';

beforeAll(useCpuBackend);

const pair = () => ({ bn: buildNet('bn', DEFAULT_CONFIG, 1), plain: buildNet('plain', DEFAULT_CONFIG, 1) });

describe('ModelSlot', () => {
  it('answers with the training nets, then owns the finished ones, and frees what it replaces', () => {
    const told: Array<ModelSource | null> = [];
    const slot = new ModelSlot((source) => told.push(source));
    const before = tf.memory().numTensors;
    const first = pair();
    slot.training(1, DEFAULT_CONFIG, first);
    expect(slot.current()?.source).toEqual({ kind: 'training', runId: 1 });
    expect(slot.saveable()).toBeNull();
    slot.adopt(1, DEFAULT_CONFIG, first);
    expect(slot.saveable()?.source).toEqual({ kind: 'trained', runId: 1 });
    const second = pair();
    slot.training(2, DEFAULT_CONFIG, second);
    // The first run's models were the slot's: a new run makes them stale, so they are freed (the count at the end
    // proves it: nobody else disposes them).
    slot.runFailed();
    expect(slot.current()).toBeNull();
    second.bn.dispose();
    second.plain.dispose();
    const loaded = { plain: buildNet('plain', DEFAULT_CONFIG, 3) };
    slot.load('saved', DEFAULT_CONFIG, loaded);
    expect(slot.current()?.source).toEqual({ kind: 'loaded', name: 'saved' });
    slot.load('again', DEFAULT_CONFIG, { plain: buildNet('plain', DEFAULT_CONFIG, 4) });
    slot.load('last', DEFAULT_CONFIG, {});
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
