// The training worker's side of seed lanes (core/seedLanes.ts): starts the lane workers for a run, hands each the
// data as bytes, and turns their messages into a SeedLane. A lane that cannot start, throws or dies fails the seed it
// was given (the run trains that seed itself); the lanes are terminated when the run ends.
import type { SeedLane, SeedLanes, LaneEvents } from '../core/seedLanes';
import type { Mnist } from '../data/mnist';
import { splitToBytes } from '../data/splitBytes';
import type { BackendName, TrainConfig } from '../shared/config';
import type { LaneCommand, LaneEvent, LaneSplit } from '../shared/laneProtocol';

/** The part of a Worker a lane uses (a fake in tests). */
export interface LaneWorker {
  postMessage(command: LaneCommand): void;
  terminate(): void;
  onmessage: ((e: MessageEvent<LaneEvent>) => void) | null;
  onerror: ((e: ErrorEvent) => void) | null;
  onmessageerror: ((e: MessageEvent) => void) | null;
}

export function spawnLaneWorker(): LaneWorker {
  return new Worker(new URL('./seedLane.worker.ts', import.meta.url), { type: 'module', name: 'seed-lane' });
}

interface Training {
  events: LaneEvents;
  resolve: (outcome: 'completed' | 'stopped') => void;
  reject: (e: Error) => void;
}

export class WorkerLane implements SeedLane {
  private readonly ready: Promise<void>;
  private settleReady: { resolve: () => void; reject: (e: Error) => void } = { resolve: () => {}, reject: () => {} };
  private training: Training | null = null;
  private failure: Error | null = null;

  constructor(
    private readonly worker: LaneWorker,
    init: Extract<LaneCommand, { type: 'init' }>,
  ) {
    this.ready = new Promise<void>((resolve, reject) => {
      this.settleReady = { resolve, reject };
    });
    // Awaited by train; a lane that fails before anyone asks must not count as an unhandled rejection.
    this.ready.catch(() => {});
    worker.onmessage = (e) => this.onEvent(e.data);
    worker.onerror = (e) => {
      e.preventDefault();
      this.fail(e.message || 'its script could not run');
    };
    worker.onmessageerror = () => this.fail('a message from it could not be read');
    worker.postMessage(init);
  }

  async train(config: TrainConfig, seedIndex: number, events: LaneEvents): Promise<'completed' | 'stopped'> {
    await this.ready;
    if (this.failure) throw this.failure;
    if (this.training) throw new Error('the lane is already training a seed');
    return new Promise((resolve, reject) => {
      this.training = { events, resolve, reject };
      this.worker.postMessage({ type: 'train', config, seedIndex });
    });
  }

  hold(): void {
    this.send({ type: 'hold' });
  }

  release(): void {
    this.send({ type: 'release' });
  }

  stop(): void {
    this.send({ type: 'stop' });
  }

  terminate(): void {
    this.worker.terminate();
    this.fail('the run ended');
  }

  private send(command: LaneCommand): void {
    if (this.failure === null) this.worker.postMessage(command);
  }

  private onEvent(event: LaneEvent): void {
    const t = this.training;
    switch (event.type) {
      case 'ready':
        this.settleReady.resolve();
        return;
      case 'epoch':
        t?.events.onEpoch(event.seedIndex, event.epoch, event.metrics);
        return;
      case 'diverged':
        t?.events.onDiverged(event.divergence);
        return;
      case 'position':
        t?.events.onPosition(event.epoch, event.step);
        return;
      case 'done':
        this.training = null;
        t?.resolve(event.outcome);
        return;
      case 'failed':
        this.fail(event.message);
        return;
    }
  }

  private fail(message: string): void {
    if (this.failure === null) this.failure = new Error(message);
    this.settleReady.reject(this.failure);
    const t = this.training;
    this.training = null;
    t?.reject(this.failure);
  }
}

/** The data for a run's lanes: the examples it trains on and the whole test set, as bytes. */
function laneData(data: Mnist, config: TrainConfig): { train: LaneSplit; test: LaneSplit } {
  return { train: splitToBytes(data.train, config.trainSize), test: splitToBytes(data.test) };
}

/** Starts `count` lanes on `backend` for one run; the run disposes them (which terminates the workers). */
export function openSeedLanes(
  count: number,
  backend: BackendName,
  data: Mnist,
  config: TrainConfig,
  spawn: () => LaneWorker = spawnLaneWorker,
): SeedLanes {
  const { train, test } = laneData(data, config);
  const lanes: WorkerLane[] = [];
  for (let i = 0; i < count; i++) lanes.push(new WorkerLane(spawn(), { type: 'init', backend, train, test }));
  return {
    lanes,
    dispose: () => {
      for (const lane of lanes) lane.terminate();
    },
  };
}
