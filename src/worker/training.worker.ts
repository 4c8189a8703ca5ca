// The training worker: owns the data and the models, picks the backend, runs one experiment at a time and streams
// typed events. Every handler's failure becomes an `error` event with a human message. The runs themselves (replace,
// stop, pause, backend loss) are RunLifecycle's.
// First: starts the data download before TF.js below is evaluated.
import './earlyMnist';
import * as tf from '@tensorflow/tfjs';
import '@tensorflow/tfjs-backend-wasm';
import './wasmSetup';
import { planBackend } from '../core/backend';
import { chooseBackend } from '../core/backendChoice';
import { readWebGpuFacts } from '../core/gpuAdapter';
import { runExperiment } from '../core/experiment';
import { seedLaneCount, type LaneDecision } from '../core/seedLaneCount';
import type { Mnist } from '../data/mnist';
import { loadAppMnist } from './appMnist';
import { assertNever } from '../shared/assertNever';
import { BACKEND_NAMES, type BackendChoice } from '../shared/config';
import { TEST_HOOKS } from '../shared/testHooks';
import type { BackendProbe, WorkerCommand, WorkerDebugOptions, WorkerEvent } from '../shared/protocol';
import { BackendGuard } from './backendGuard';
import { applyDebugOptions, installDebugHooks } from './debugHooks';
import { memoryReport } from './memoryReport';
import { handleRecalibrate, InsideInspectors } from './insideInspectors';
import { handleModelCommand } from './modelRequests';
import { CurrentNets } from './currentNets';
import { readWebGLRenderer, webGpuOf } from './rendererProbe';
import { throttleProgress } from './progressThrottle';
import { RunLifecycle } from './runLifecycle';
import { openSeedLanes } from './seedLaneWorkers';
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
/** The nets that answer predictions (the training ones, a finished run's, or loaded ones). */
const currentNets = new CurrentNets((source, nets, config) =>
  post({ type: 'models', runId: null, source, nets, config }),
);
const inside = new InsideInspectors(post);
/** A test's or the benchmark's lane count (debug options); the device decides otherwise. */
let forcedLanes: number | undefined;

/** Whether seeds may train in other workers on the backend in use now (it changes after a lost WebGL context). */
function laneDecision(): LaneDecision {
  const backend = BACKEND_NAMES.find((name) => name === tf.getBackend()) ?? 'cpu';
  const nav = self.navigator as WorkerNavigator & { deviceMemory?: number };
  return seedLaneCount({ backend, cores: nav.hardwareConcurrency, memoryGb: nav.deviceMemory, forced: forcedLanes });
}

/** A lost WebGL context ends the run on it; the worker then moves to the next backend (see RunLifecycle). */
const guard = new BackendGuard(() => void runs.recoverBackend());
const runs = new RunLifecycle({
  post,
  data: () => ready,
  runExperiment: (data, config, hooks) =>
    runExperiment(data, config, hooks, {
      openLanes: (run, runData) => {
        const { lanes } = laneDecision();
        const count = Math.min(lanes, run.seeds - 1);
        const backend = BACKEND_NAMES.find((name) => name === tf.getBackend());
        return count > 0 && backend ? openSeedLanes(count, backend, runData, run) : null;
      },
    }),
  currentNets,
  observerFor: (runId, config, data, everyStep) => inside.observerFor(runId, config, data, everyStep),
  lostBackend: () => guard.lost(),
  failover: () => guard.failover(),
  yieldControl: yieldToEvents,
});
// Browser tests' hooks, in their build only: the production bundle leaves them out (shared/testHooks.ts).
if (TEST_HOOKS) installDebugHooks(self);

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
    if (TEST_HOOKS) {
      applyDebugOptions(debug);
      forcedLanes = debug.seedLanes;
    }
    const renderer = readWebGLRenderer();
    const webgpu = await readWebGpuFacts(webGpuOf(self.navigator));
    const adapter = webgpu.kind === 'hardware' ? webgpu.adapter : 'no WebGPU';
    const key = `${renderer ?? 'no WebGL'} | ${adapter} | ${self.navigator.userAgent} | tfjs ${tf.version.tfjs}`;
    const chosen = await chooseBackend(backend, { renderer, webgpu, key }, cachedProbe);
    guard.watch(chosen.backend, planBackend(backend, renderer));
    post({ type: 'backend', runId: null, info: { ...chosen, renderer, seedLanes: laneDecision() } });
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
    const data = await loadAppMnist(
      dataBaseUrl,
      throttleProgress((loadedBytes, totalBytes) =>
        post({ type: 'data-progress', runId: null, loadedBytes, totalBytes }),
      ),
    );
    post({
      type: 'data-ready',
      runId: null,
      trainCount: data.train.count,
      testCount: data.test.count,
      ms: performance.now() - start,
    });
    return data;
  } catch (e) {
    post({ type: 'error', runId: null, scope: 'data', message: `The MNIST data could not be loaded. ${messageOf(e)}` });
    throw e;
  }
}

function handle(command: WorkerCommand): void {
  switch (command.type) {
    case 'init':
      if (!ready) {
        let settle = (): void => {};
        backendChosen = new Promise((resolve) => {
          settle = resolve;
        });
        ready = init(command.backend, command.dataBaseUrl, command.cachedProbe ?? null, command.debug ?? {}, () =>
          settle(),
        );
        ready.catch(() => {}); // reported by init; later trains report it again
      }
      return;
    case 'train':
      void runs.train(command);
      return;
    case 'stop':
    case 'pause':
    case 'resume':
    case 'step':
    case 'speed':
      runs.command(command);
      return;
    case 'predict':
    case 'inspect-test':
    case 'save-models':
    case 'list-models':
    case 'load-models':
    case 'delete-models':
    case 'export-models':
    case 'import-models':
      void backendChosen.then(() => handleModelCommand(command, { currentNets, post, data: dataForRequests }));
      return;
    case 'inside-view':
      void inside.setView(command, { currentNets, data: dataForRequests, ready: backendChosen });
      return;
    case 'recalibrate-bn':
      void handleRecalibrate(command.requestId, { currentNets, post, data: dataForRequests });
      return;
    case 'memory':
      void backendChosen.then(() => {
        try {
          post({ type: 'memory', runId: null, requestId: command.requestId, ...memoryReport() });
        } catch (e) {
          post({
            type: 'error',
            runId: null,
            scope: 'worker',
            requestId: command.requestId,
            message: `The worker's memory could not be read: ${messageOf(e)}`,
          });
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
