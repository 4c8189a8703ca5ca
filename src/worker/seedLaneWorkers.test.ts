// The training worker's side of seed lanes, against a fake worker: the data handed over, events passed on, and every
// way a lane can fail turning into a rejected seed (which the run then trains itself).
import { describe, expect, it } from 'vitest';
import type { LaneEvents } from '../core/seedLanes';
import { IMAGE_SIZE } from '../data/idx';
import type { Mnist } from '../data/mnist';
import { DEFAULT_CONFIG } from '../shared/config';
import type { LaneCommand, LaneEvent } from '../shared/laneProtocol';
import { openSeedLanes, type LaneWorker } from './seedLaneWorkers';

class FakeWorker implements LaneWorker {
  sent: LaneCommand[] = [];
  terminated = false;
  onmessage: ((e: MessageEvent<LaneEvent>) => void) | null = null;
  onerror: ((e: ErrorEvent) => void) | null = null;
  onmessageerror: ((e: MessageEvent) => void) | null = null;

  postMessage(command: LaneCommand): void {
    this.sent.push(command);
  }

  terminate(): void {
    this.terminated = true;
  }

  say(event: LaneEvent): void {
    this.onmessage?.({ data: event } as MessageEvent<LaneEvent>);
  }

  crash(message: string): void {
    this.onerror?.({ message, preventDefault: () => {} } as ErrorEvent);
  }
}

function fakeMnist(trainCount: number, testCount: number): Mnist {
  const split = (count: number) => ({
    count,
    images: new Float32Array(count * IMAGE_SIZE).fill(1),
    labels: new Uint8Array(count).fill(3),
  });
  return { train: split(trainCount), test: split(testCount) };
}

function recorder(): { events: LaneEvents; log: string[] } {
  const log: string[] = [];
  return {
    log,
    events: {
      onEpoch: (seedIndex, epoch) => log.push(`epoch ${seedIndex}/${epoch}`),
      onDiverged: (d) => log.push(`diverged ${d.net} ${d.seedIndex}`),
      onPosition: (epoch, step) => log.push(`at ${epoch}/${step}`),
    },
  };
}

const flush = (): Promise<void> => new Promise((resolve) => setTimeout(resolve, 0));

function open(count: number, trainSize = 4) {
  const workers: FakeWorker[] = [];
  const lanes = openSeedLanes(count, 'wasm', fakeMnist(10, 3), { ...DEFAULT_CONFIG, trainSize, seeds: 3 }, () => {
    const w = new FakeWorker();
    workers.push(w);
    return w;
  });
  return { lanes, workers };
}

describe('openSeedLanes', () => {
  it('starts each lane with the backend and the run’s examples as bytes', () => {
    const { lanes, workers } = open(2);
    expect(lanes.lanes).toHaveLength(2);
    for (const w of workers) {
      const init = w.sent[0];
      expect(init?.type).toBe('init');
      if (init?.type !== 'init') continue;
      expect(init.backend).toBe('wasm');
      expect(init.train.count).toBe(4);
      expect(init.train.pixels.length).toBe(4 * IMAGE_SIZE);
      expect(init.train.pixels[0]).toBe(255);
      expect(init.test.count).toBe(3);
      expect(init.test.labels[0]).toBe(3);
    }
    lanes.dispose();
    expect(workers.every((w) => w.terminated)).toBe(true);
  });

  it('trains a seed once the lane is ready and passes its events on', async () => {
    const { lanes, workers } = open(1);
    const lane = lanes.lanes[0];
    const w = workers[0];
    if (!lane || !w) throw new Error('no lane');
    const { events, log } = recorder();
    const done = lane.train({ ...DEFAULT_CONFIG, seeds: 3 }, 2, events);
    await flush();
    expect(w.sent.map((c) => c.type)).toEqual(['init']);
    w.say({ type: 'ready' });
    await flush();
    expect(w.sent.at(-1)).toMatchObject({ type: 'train', seedIndex: 2 });
    lane.hold();
    lane.release();
    w.say({ type: 'position', epoch: 1, step: 5 });
    w.say({ type: 'diverged', divergence: { net: 'plain', seedIndex: 2, epoch: 1, step: 6 } });
    w.say({ type: 'epoch', seedIndex: 2, epoch: 1, metrics: {} });
    w.say({ type: 'done', outcome: 'completed' });
    await expect(done).resolves.toBe('completed');
    expect(log).toEqual(['at 1/5', 'diverged plain 2', 'epoch 2/1']);
    expect(w.sent.map((c) => c.type)).toEqual(['init', 'train', 'hold', 'release']);
    lane.stop();
    expect(w.sent.at(-1)?.type).toBe('stop');
  });

  it('fails the seed when the lane cannot start, throws, or its worker dies', async () => {
    const { lanes, workers } = open(3);
    const [a, b, c] = lanes.lanes;
    const [wa, wb, wc] = workers;
    if (!a || !b || !c || !wa || !wb || !wc) throw new Error('no lanes');
    wa.say({ type: 'failed', message: 'the wasm backend did not start' });
    await expect(a.train(DEFAULT_CONFIG, 1, recorder().events)).rejects.toThrow('the wasm backend did not start');

    wb.say({ type: 'ready' });
    const seed = b.train(DEFAULT_CONFIG, 2, recorder().events);
    await flush();
    wb.say({ type: 'failed', message: 'memory access out of bounds' });
    await expect(seed).rejects.toThrow('memory access out of bounds');
    // A failed lane takes no more seeds and is sent nothing more.
    await expect(b.train(DEFAULT_CONFIG, 4, recorder().events)).rejects.toThrow('memory access out of bounds');
    const sent = wb.sent.length;
    b.hold();
    expect(wb.sent.length).toBe(sent);

    wc.say({ type: 'ready' });
    const dying = c.train(DEFAULT_CONFIG, 3, recorder().events);
    await flush();
    wc.crash('');
    await expect(dying).rejects.toThrow('its script could not run');
  });

  it('fails a seed still in hand when the run disposes its lanes', async () => {
    const { lanes, workers } = open(1);
    const lane = lanes.lanes[0];
    workers[0]?.say({ type: 'ready' });
    const seed = lane?.train(DEFAULT_CONFIG, 1, recorder().events);
    await flush();
    lanes.dispose();
    await expect(seed).rejects.toThrow('the run ended');
  });
});
