// The training worker: owns the data and the models, picks the backend, runs one experiment at a time and streams
// typed events. Every handler's failure becomes an `error` event with a human message.
// First: starts the data download before TF.js below is evaluated.
import './earlyMnist';
import * as tf from '@tensorflow/tfjs';
import '@tensorflow/tfjs-backend-wasm';
import './wasmSetup';
import { planBackend } from '../core/backend';
import { chooseBackend } from '../core/backendChoice';
import { runExperiment } from '../core/twinRun';
import type { Mnist } from '../data/mnist';
import { loadAppMnist } from './appMnist';
import { assertNever } from '../shared/assertNever';
import type { BackendChoice, TrainConfig } from '../shared/config';
import { validateConfig } from '../shared/configText';
import type { BackendProbe, SomeNets, WorkerCommand, WorkerDebugOptions, WorkerEvent } from '../shared/protocol';
import { BackendGuard } from './backendGuard';
import { applyDebugOptions, installDebugHooks } from './debugHooks';
import { memoryReport } from './memoryReport';
import { handleRecalibrate, InsideInspectors } from './insideInspectors';
import { handleModelCommand } from './modelRequests';
import { ModelSlot } from './modelSlot';
import { readWebGLRenderer } from './rendererProbe';
import { yieldToEvents } from './yieldToEvents';

declare const self: DedicatedWorkerGlobalScope;

function post(event: WorkerEvent): void {
  self.postMessage(event);
}

function messageOf(e: unknown): string {
  return e instanceof Error ? e.message : String(e);
}

let ready: Promise<Mnist> | null = null;
/**
 * Settles once the backend is chosen (or could not be): the data is ready before the backend probe ends, so requests
 * that touch TF.js (memory, predictions, saved nets) wait for it; TF.js would otherwise start a backend of its own.
 */
let backendChosen: Promise<void> = Promise.resolve();
let current: { runId: number; stop: boolean; done: Promise<void> } | null = null;
/** Stops that arrived while their run was still waiting for the previous run or the data to be ready. */
const earlyStops = new Set<number>();
/** The nets that answer predictions (the training ones, a finished run's, or loaded ones). */
const slot = new ModelSlot((source, nets, config) => post({ type: 'models', runId: null, source, nets, config }));
const inside = new InsideInspectors(post);

/** A lost WebGL context ends the run on it; the worker then moves to the next backend (see recoverBackend). */
const guard = new BackendGuard(() => void recoverBackend());
installDebugHooks(self);

/** How long a run on a lost context gets to end by itself: a readback on it may never settle (seen in Chromium). */
const LOST_RUN_GRACE_MS = 3000;

async function recoverBackend(): Promise<void> {
  const run = current;
  if (run) {
    // The run sees guard.lost() between two batches and ends; its tensors go with the lost context. One stuck in a
    // readback is abandoned: the page moves to a new run id, so anything it might still say is dropped there.
    await Promise.race([run.done, new Promise((resolve) => setTimeout(resolve, LOST_RUN_GRACE_MS))]);
    if (current === run) current = null;
  }
  const interrupted = run?.runId ?? null;
  slot.clear();
  try {
    const active = await guard.failover();
    post({ type: 'backend', runId: null, info: { ...active, renderer: null, probe: null, probeSource: null } });
    post({
      type: 'backend-lost',
      runId: null,
      lost: 'webgl',
      message: `The WebGL context was lost; training moved to ${active.backend}.`,
      interruptedRunId: interrupted,
    });
  } catch (e) {
    post({ type: 'error', runId: null, scope: 'backend', message: `The WebGL context was lost and no other backend could start: ${messageOf(e)}` });
  }
}

function dataForRequests(): Promise<Mnist> {
  return ready ?? Promise.reject(new Error('The worker has not loaded the data yet.'));
}

/**
 * Loads the data, then chooses the backend (timing the candidates when automatic): the probe keeps this thread busy
 * for a few hundred milliseconds, which would otherwise hold up reading the data. Training waits for both.
 */
async function init(
  backend: BackendChoice,
  dataBaseUrl: string,
  cachedProbe: BackendProbe | null,
  debug: WorkerDebugOptions,
  onBackendSettled: () => void,
): Promise<Mnist> {
  const data = loadData(dataBaseUrl);
  // A failed download is reported by loadData; the backend is still chosen (saved nets can answer without data).
  await data.catch(() => {});
  try {
    applyDebugOptions(debug);
    const renderer = readWebGLRenderer();
    const deviceKey = `${renderer ?? 'no WebGL'} | ${self.navigator.userAgent} | tfjs ${tf.version.tfjs}`;
    const chosen = await chooseBackend(backend, renderer, deviceKey, cachedProbe);
    guard.watch(chosen.backend, planBackend(backend, renderer));
    post({ type: 'backend', runId: null, info: { ...chosen, renderer } });
  } catch (e) {
    post({ type: 'error', runId: null, scope: 'backend', message: messageOf(e) });
    throw e;
  } finally {
    onBackendSettled();
  }
  return data;
}

async function loadData(dataBaseUrl: string): Promise<Mnist> {
  const start = performance.now();
  try {
    const data = await loadAppMnist(dataBaseUrl, (loadedBytes, totalBytes) =>
      post({ type: 'data-progress', runId: null, loadedBytes, totalBytes }),
    );
    post({ type: 'data-ready', runId: null, trainCount: data.train.count, testCount: data.test.count, ms: performance.now() - start });
    return data;
  } catch (e) {
    post({ type: 'error', runId: null, scope: 'data', message: `The MNIST data could not be loaded. ${messageOf(e)}` });
    throw e;
  }
}

async function train(runId: number, config: TrainConfig): Promise<void> {
  const problems = validateConfig(config);
  if (problems.length > 0) {
    post({ type: 'error', runId, scope: 'config', message: `The worker refused the settings: ${problems.map((p) => p.message).join(' ')}` });
    return;
  }
  if (!ready) {
    post({ type: 'error', runId, scope: 'worker', message: 'The worker was asked to train before it was initialised.' });
    return;
  }
  if (current) {
    current.stop = true;
    await current.done;
  }
  let data: Mnist;
  try {
    data = await ready;
  } catch {
    post({ type: 'error', runId, scope: 'data', message: 'Cannot train: the MNIST data did not load.' });
    return;
  }
  if (earlyStops.delete(runId)) {
    post({ type: 'run-finished', runId, reason: 'stopped', elapsedMs: 0 });
    return;
  }
  const run = { runId, stop: false, done: Promise.resolve() };
  current = run;
  run.done = (async () => {
    const start = performance.now();
    // The latest val_accuracy of each net, saved with the nets this run leaves behind.
    let valAccuracy: SomeNets<number> = {};
    try {
      const outcome = await runExperiment(data, config, {
        onStart: ({ stepsPerEpoch, params }) => post({ type: 'run-started', runId, config, stepsPerEpoch, params }),
        onNetsBuilt: (_, models) => {
          valAccuracy = {};
          slot.training(runId, config, models);
        },
        adoptModels: (_, models) => slot.adopt(runId, config, models, valAccuracy),
        onProgress: (report) => post({ type: 'progress', runId, ...report }),
        onEpoch: (repeat, epoch, metrics) => {
          valAccuracy = { ...valAccuracy, ...Object.fromEntries(Object.entries(metrics).map(([net, m]) => [net, m.valAccuracy])) };
          post({ type: 'epoch', runId, repeat, epoch, metrics });
        },
        onDiverged: (divergence) => post({ type: 'diverged', runId, ...divergence }),
        shouldStop: () => run.stop || guard.lost() !== null,
        yieldControl: yieldToEvents,
        stepObserver: inside.observerFor(runId, config, data),
      });
      post({ type: 'run-finished', runId, reason: outcome, elapsedMs: performance.now() - start });
    } catch (e) {
      slot.runFailed();
      // An op on a lost context may throw before the loop sees the loss; the backend-lost event explains it.
      if (guard.lost() === null) post({ type: 'error', runId, scope: 'training', message: `Training failed: ${messageOf(e)}` });
    } finally {
      if (current === run) current = null;
    }
  })();
  await run.done;
}

function handle(command: WorkerCommand): void {
  switch (command.type) {
    case 'init':
      if (!ready) {
        let settle = (): void => {};
        backendChosen = new Promise((resolve) => {
          settle = resolve;
        });
        ready = init(command.backend, command.dataBaseUrl, command.cachedProbe ?? null, command.debug ?? {}, () => settle());
        ready.catch(() => {}); // reported by init; later trains report it again
      }
      return;
    case 'train':
      void train(command.runId, command.config);
      return;
    case 'stop':
      if (current && current.runId === command.runId) current.stop = true;
      else earlyStops.add(command.runId);
      return;
    case 'predict':
    case 'inspect-test':
    case 'save-models':
    case 'list-models':
    case 'load-models':
    case 'delete-models':
    case 'export-models':
    case 'import-models':
      void backendChosen.then(() => handleModelCommand(command, { slot, post, data: dataForRequests }));
      return;
    case 'inside-view':
      void inside.setView(command, { slot, data: dataForRequests, ready: backendChosen });
      return;
    case 'recalibrate-bn':
      void handleRecalibrate(command.requestId, { slot, post, data: dataForRequests });
      return;
    case 'memory':
      void backendChosen.then(() => {
        try {
          post({ type: 'memory', runId: null, requestId: command.requestId, ...memoryReport() });
        } catch (e) {
          post({ type: 'error', runId: null, scope: 'worker', requestId: command.requestId, message: `The worker's memory could not be read: ${messageOf(e)}` });
        }
      });
      return;
    default:
      assertNever(command, 'command');
  }
}

self.addEventListener('message', (e: MessageEvent<WorkerCommand>) => {
  try {
    handle(e.data);
  } catch (err) {
    post({ type: 'error', runId: null, scope: 'worker', message: messageOf(err) });
  }
});
