// A seed lane: a worker that trains seeds beside the training worker on a CPU with cores to spare
// (core/seedLanes.ts). It gets the data once, starts the same backend, then trains one seed at a time — the same
// code as the training worker's own loop — and streams that seed's epochs, divergences and position. Its models stay
// here and are freed with the seed: the page predicts and saves with the training worker's.
import '@tensorflow/tfjs-backend-wasm';
import './wasmSetup';
import { activateBackend } from '../core/backend';
import { runOneSeed } from '../core/experiment';
import { ResidentSplit } from '../core/residentData';
import { splitFromBytes } from '../data/splitBytes';
import { assertNever } from '../shared/assertNever';
import type { LaneCommand, LaneEvent } from '../shared/laneProtocol';
import { RunPacer } from './runPacer';
import { yieldToEvents } from './yieldToEvents';

declare const self: DedicatedWorkerGlobalScope;

function post(event: LaneEvent): void {
  self.postMessage(event);
}

function messageOf(e: unknown): string {
  return e instanceof Error ? e.message : String(e);
}

/** The run's examples and the test set, on the backend: uploaded once, for every seed the lane trains. */
let data: { train: ResidentSplit; test: ResidentSplit } | null = null;
let stop = false;
/** Holds the lane between two mini-batches while the training worker's run is held (never slowed or stepped). */
const pacer = new RunPacer();

async function init(command: Extract<LaneCommand, { type: 'init' }>): Promise<void> {
  try {
    // As the training worker starts it (with its kernel fixes), or the seeds would not give the same numbers there.
    await activateBackend({ order: [command.backend], reason: 'the training worker’s' });
    // The floats are only a step on the way: once on the backend, the lane holds the data once.
    data = {
      train: new ResidentSplit(splitFromBytes(command.train)),
      test: new ResidentSplit(splitFromBytes(command.test)),
    };
    post({ type: 'ready' });
  } catch (e) {
    post({ type: 'failed', message: messageOf(e) });
  }
}

async function train(command: Extract<LaneCommand, { type: 'train' }>): Promise<void> {
  if (data === null) {
    post({ type: 'failed', message: 'the lane was asked to train before it had the data' });
    return;
  }
  stop = false;
  try {
    const outcome = await runOneSeed(data, command.config, command.seedIndex, {
      onEpoch: (seedIndex, epoch, metrics) => post({ type: 'epoch', seedIndex, epoch, metrics }),
      onDiverged: (divergence) => post({ type: 'diverged', divergence }),
      onProgress: (report) => post({ type: 'position', epoch: report.epoch, step: report.step }),
      shouldStop: () => stop,
      awaitTurn: () => pacer.turn(),
      yieldControl: yieldToEvents,
    });
    post({ type: 'done', outcome });
  } catch (e) {
    post({ type: 'failed', message: messageOf(e) });
  }
}

function handle(command: LaneCommand): void {
  switch (command.type) {
    case 'init':
      void init(command);
      return;
    case 'train':
      void train(command);
      return;
    case 'hold':
      pacer.pause();
      return;
    case 'release':
      pacer.resume();
      return;
    case 'stop':
      // Not pacer.stop(): that is for good, and the lane may be given another seed of a later wave.
      stop = true;
      pacer.resume();
      return;
    default:
      assertNever(command, 'lane command');
  }
}

self.addEventListener('message', (e: MessageEvent<LaneCommand>) => {
  try {
    handle(e.data);
  } catch (err) {
    post({ type: 'failed', message: messageOf(err) });
  }
});
