// The seeds benchmark: wall time of one seed against five (blog nets, both of them, batch 32, one epoch, validation
// included), the five trained together (the GPU backends' default), one after another (the CPU backends' default
// on fewer than 4 cores), and in lanes — other workers beside this one, as the app starts them on 4 or more cores —
// with one lane and with a lane per extra seed; and the arithmetic floor of training five seeds at once — the matmuls
// every seed must do for itself, timed alone. Imports TF.js and the core.
import * as tf from '@tensorflow/tfjs';
import { makeStepOptimizer } from '../../../src/core/stepOptimizers';
import { runExperiment, type RunOptions } from '../../../src/core/experiment';
import type { Mnist } from '../../../src/data/mnist';
import { openSeedLanes } from '../../../src/worker/seedLaneWorkers';
import { defaultConfig, type BackendName, type TrainConfig } from '../../../src/shared/config';
import type { SeedsPlan, SeedsResult } from '../benchTypes';

/** Wall time of a whole run, from the call to the end (model building, every step, every validation). */
async function wallMs(
  data: Mnist,
  plan: SeedsPlan,
  seeds: number,
  options: RunOptions,
  yieldControl: () => Promise<void>,
): Promise<number> {
  const config: TrainConfig = { ...defaultConfig(), seed: 42, seeds, epochs: 1, trainSize: plan.trainSize };
  const start = performance.now();
  await runExperiment(data, config, { yieldControl }, options);
  return performance.now() - start;
}

/**
 * ms per step of only the matrix products K seeds of both blog nets need (forward, weight gradients, input
 * gradients: 8 per net and seed, as the hand-written step does them), with nothing else around them.
 */
async function matMulFloorMs(seeds: number, batch: number, steps: number): Promise<number> {
  const dims = [784, 128, 64, 10];
  const owned: tf.Tensor[] = [];
  const t = <T extends tf.Tensor>(x: T): T => {
    owned.push(x);
    return x;
  };
  const layers = Array.from({ length: 2 * seeds }, () =>
    dims.slice(0, -1).map((n, i) => {
      const out = dims[i + 1] ?? 1;
      return {
        w: t(tf.randomNormal([n, out])),
        x: t(tf.randomNormal([batch, n])),
        dy: t(tf.randomNormal([batch, out])),
      };
    }),
  );
  const once = (): tf.Tensor =>
    tf.tidy(() => {
      let acc = tf.scalar(0);
      for (const net of layers) {
        net.forEach((l, i) => {
          acc = tf.add(acc, tf.sum(tf.matMul(l.x, l.w)));
          acc = tf.add(acc, tf.sum(tf.matMul(l.x, l.dy, true, false)));
          if (i > 0) acc = tf.add(acc, tf.sum(tf.matMul(l.dy, l.w, false, true)));
        });
      }
      return acc;
    });
  try {
    for (let i = 0; i < 5; i++) await once().data();
    const start = performance.now();
    let last: tf.Tensor | null = null;
    for (let i = 0; i < steps; i++) {
      last?.dispose();
      last = once();
    }
    await last?.data();
    last?.dispose();
    return (performance.now() - start) / steps;
  } finally {
    tf.dispose(owned);
  }
}

/** `yieldControl` as the app's worker yields between steps (not setTimeout: nested, it waits 4 ms). */
/**
 * ms per step of Adam's update of the large kernels alone (784×128 and 128×64 of both nets, for each seed), with the
 * app's own optimizer: elementwise passes over every weight, which no batching removes either.
 */
async function adamFloorMs(seeds: number, steps: number): Promise<number> {
  const shapes = [
    [784, 128],
    [128, 64],
  ];
  const variables = Array.from({ length: 2 * seeds }, () =>
    shapes.map((s) => tf.variable(tf.randomNormal(s), true)),
  ).flat();
  const grads = variables.map((v) => tf.randomNormal(v.shape));
  const optimizer = makeStepOptimizer('adam', 1e-3);
  const once = (): void => tf.tidy(() => optimizer.apply(variables, grads));
  try {
    for (let i = 0; i < 5; i++) once();
    await variables[0]?.data();
    const start = performance.now();
    for (let i = 0; i < steps; i++) once();
    await variables[0]?.data();
    return (performance.now() - start) / steps;
  } finally {
    optimizer.dispose();
    tf.dispose([...variables, ...grads]);
  }
}

/** Opens `count` lanes for each run (the workers start, get the data and their backend inside the timed run). */
function inLanes(count: number, backend: BackendName): RunOptions {
  return { openLanes: (config, data) => openSeedLanes(count, backend, data, config) };
}

export async function measureSeeds(
  data: Mnist,
  plan: SeedsPlan,
  backend: BackendName,
  log: (text: string) => void,
  yieldControl: () => Promise<void>,
): Promise<SeedsResult> {
  const one: number[] = [];
  const together: number[] = [];
  const inTurn: number[] = [];
  // Lanes run on the CPU backends only (the app never opens them on a GPU one).
  const laneCounts = backend === 'wasm' || backend === 'cpu' ? [...new Set([1, plan.seeds - 1])] : [];
  const lanes = laneCounts.map((count) => ({ lanes: count, ms: [] as number[] }));
  for (let r = 0; r < plan.repeats; r++) {
    one.push(await wallMs(data, plan, 1, {}, yieldControl));
    together.push(await wallMs(data, plan, plan.seeds, { seedMode: 'together' }, yieldControl));
    inTurn.push(await wallMs(data, plan, plan.seeds, { seedMode: 'in-turn' }, yieldControl));
    for (const l of lanes) l.ms.push(await wallMs(data, plan, plan.seeds, inLanes(l.lanes, backend), yieldControl));
    log(
      `seeds repeat ${r + 1}: 1 seed ${one.at(-1)?.toFixed(0)} ms, ${plan.seeds} together ${together.at(-1)?.toFixed(0)} ms, ` +
        `${plan.seeds} in turn ${inTurn.at(-1)?.toFixed(0)} ms` +
        lanes.map((l) => `, in ${l.lanes} lane(s) ${l.ms.at(-1)?.toFixed(0)} ms`).join(''),
    );
  }
  const floorOne = await matMulFloorMs(1, 32, 200);
  const floorMany = await matMulFloorMs(plan.seeds, 32, 100);
  const adamOne = await adamFloorMs(1, 200);
  const adamMany = await adamFloorMs(plan.seeds, 100);
  log(
    `floor per step, both nets: matmuls 1 seed ${floorOne.toFixed(2)} ms, ${plan.seeds} seeds ${floorMany.toFixed(2)} ms; ` +
      `Adam on the large kernels 1 seed ${adamOne.toFixed(2)} ms, ${plan.seeds} seeds ${adamMany.toFixed(2)} ms`,
  );
  return {
    ...plan,
    oneMs: one,
    togetherMs: together,
    inTurnMs: inTurn,
    lanes,
    cores: navigator.hardwareConcurrency,
    floorMsPerStep: { one: floorOne, many: floorMany },
    adamMsPerStep: { one: adamOne, many: adamMany },
  };
}
