// The benchmark's worker: activates one backend, loads MNIST from the app's own server, and runs every measurement
// in measure.ts for the batch sizes asked, alternating the ways of training within each repeat.
import * as tf from '@tensorflow/tfjs';
import '@tensorflow/tfjs-backend-wasm';
import '../../../src/worker/wasmSetup';
import { getThreadsCount } from '@tensorflow/tfjs-backend-wasm';
import { activateBackend } from '../../../src/core/backend';
import { loadAppMnist } from '../../../src/worker/appMnist';
import { readWebGLRenderer } from '../../../src/worker/rendererProbe';
import { yieldToEvents } from '../../../src/worker/yieldToEvents';
import type {
  BackendResult,
  BenchMessage,
  BenchOptions,
  BenchReply,
  LoopResult,
  NetsTimed,
  Throughput,
  Variant,
} from '../benchTypes';
import { NETS_TIMED } from '../benchTypes';
import type { NetId } from '../../../src/shared/metrics';
import { memoryAcrossEpochs, timeAppLoop, timeFit, timeValidation } from './measure';
import { median } from '../median';
import { measureSeeds } from './seedsMeasure';

declare const self: DedicatedWorkerGlobalScope;

function reply(message: BenchReply): void {
  self.postMessage(message);
}

function log(text: string): void {
  reply({ type: 'log', text });
}

function summary(runs: number[]): Throughput {
  return { median: median(runs), runs };
}

const NETS = NETS_TIMED;
const SINGLE: NetId[] = ['bn', 'plain', 'ln', 'gn', 'rms'];

function emptyRuns(): Record<NetsTimed, number[]> {
  return { bn: [], plain: [], ln: [], gn: [], rms: [], both: [], every: [] };
}

async function run(options: BenchOptions): Promise<BackendResult> {
  await activateBackend({ order: [options.backend], reason: 'benchmark' });
  const detail =
    options.backend === 'webgl'
      ? `renderer: ${readWebGLRenderer() ?? 'unknown'}`
      : options.backend === 'wasm'
        ? `SIMD: ${String(tf.env().getBool('WASM_HAS_SIMD_SUPPORT'))}, threads: ${getThreadsCount()}`
        : 'plain JavaScript';
  log(`${options.backend}: ${detail}`);
  const loadStart = performance.now();
  const data = await loadAppMnist(options.dataBaseUrl, () => {}, { keep: false });
  const dataLoadMs = performance.now() - loadStart;

  const loops: LoopResult[] = [];
  for (const plan of options.loops) {
    const runs: Record<Variant, Record<NetsTimed, number[]>> = {
      app: emptyRuns(),
      'app-autodiff': emptyRuns(),
      fit: emptyRuns(),
    };
    for (let r = 0; r < options.repeats; r++) {
      for (const nets of NETS) runs.app[nets].push(await timeAppLoop(data, plan, nets, 'hand-written', yieldToEvents));
      for (const nets of NETS)
        runs['app-autodiff'][nets].push(await timeAppLoop(data, plan, nets, 'autodiff', yieldToEvents));
      const fit: Partial<Record<NetId, number>> = {};
      for (const net of SINGLE) {
        const rate = await timeFit(data, plan, net);
        fit[net] = rate;
        runs.fit[net].push(rate);
      }
      // Nets trained one after the other: total samples over total time.
      const together = (nets: NetId[]): number => nets.length / nets.reduce((t, n) => t + 1 / (fit[n] ?? NaN), 0);
      runs.fit.both.push(together(['bn', 'plain']));
      runs.fit.every.push(together(SINGLE));
      log(
        `${options.backend} batch ${plan.batchSize} repeat ${r + 1}: app both ${runs.app.both.at(-1)?.toFixed(0)} samples/s, ` +
          `app every ${runs.app.every.at(-1)?.toFixed(0)}, ` +
          `autodiff both ${runs['app-autodiff'].both.at(-1)?.toFixed(0)}, fit both ${runs.fit.both.at(-1)?.toFixed(0)}`,
      );
    }
    const throughput = Object.fromEntries(
      (Object.keys(runs) as Variant[]).map((v) => [v, Object.fromEntries(NETS.map((n) => [n, summary(runs[v][n])]))]),
    ) as LoopResult['throughput'];
    loops.push({ ...plan, throughput });
  }

  const validationRuns: number[] = [];
  for (let r = 0; r < options.repeats; r++) validationRuns.push(await timeValidation(data));
  log(`${options.backend}: validation pass ${median(validationRuns).toFixed(0)} ms`);
  const memory = await memoryAcrossEpochs(data, 5, yieldToEvents);
  const seeds = options.seeds ? await measureSeeds(data, options.seeds, options.backend, log, yieldToEvents) : null;
  log(`${options.backend}: tensors per epoch ${memory.epochs.map((p) => p.numTensors).join(', ')}`);
  return {
    backend: options.backend,
    tfjsVersion: tf.version.tfjs,
    detail,
    loops,
    validationMs: summary(validationRuns),
    memory,
    dataLoadMs,
    seeds,
  };
}

self.addEventListener('message', (e: MessageEvent<BenchMessage>) => {
  run(e.data.options).then(
    (result) => reply({ type: 'result', result }),
    (error: unknown) =>
      reply({
        type: 'error',
        message: error instanceof Error ? `${error.message}\n${error.stack ?? ''}` : String(error),
      }),
  );
});
