// "Same results": the blog recipe's BN net trained with TF.js's BatchNorm layer and with the from-scratch one
// (src/core/bn), same seed, on the WASM backend in Node, and their val_accuracy compared epoch by epoch.
// `npm run bench:bnimpl` (BNIMPL_EPOCHS to shorten); writes bench/results/bnimpl.{json,md}.
import * as tf from '@tensorflow/tfjs';
import '@tensorflow/tfjs-backend-wasm';
import { mkdir, writeFile } from 'node:fs/promises';
import { expect, it } from 'vitest';
import { patchWasmMatMul } from '../../src/core/wasmMatMulFix';
import { runExperiment } from '../../src/core/twinRun';
import { loadMnist } from '../../src/data/mnist';
import { defaultConfig, type BnImpl, type TrainConfig } from '../../src/shared/config';
import { nodeSource } from '../../src/test-support/nodeMnist';

const EPOCHS = Number(process.env.BNIMPL_EPOCHS ?? 10);
/** BNIMPL_BIAS=0 drops the Dense bias before BN (the paper's choice): a control for where the two runs part. */
const DENSE_BIAS = process.env.BNIMPL_BIAS !== '0';
/** The bar: val_accuracy within 0.003 at every epoch. */
const TOLERANCE = 0.003;

interface Curve {
  valAccuracy: number[];
  valLoss: number[];
  seconds: number;
}

async function train(bnImpl: BnImpl): Promise<Curve> {
  const data = await loadMnist(nodeSource);
  const config: TrainConfig = { ...defaultConfig(), nets: 'bn', epochs: EPOCHS, bnImpl, denseBias: DENSE_BIAS };
  const curve: Curve = { valAccuracy: [], valLoss: [], seconds: 0 };
  const start = performance.now();
  await runExperiment(data, config, {
    onEpoch: (_repeat, epoch, metrics) => {
      const m = metrics.bn;
      if (!m) throw new Error('the BN net did not report');
      curve.valAccuracy.push(m.valAccuracy);
      curve.valLoss.push(m.valLoss);
      console.log(`${bnImpl} epoch ${epoch}: val_accuracy ${m.valAccuracy.toFixed(4)} val_loss ${m.valLoss.toFixed(4)} (${m.seconds.toFixed(1)} s)`);
    },
  });
  curve.seconds = (performance.now() - start) / 1000;
  return curve;
}

it(`trains the blog recipe's BN net to the same curve with either BN layer (${EPOCHS} epochs, WASM)`, async () => {
  await tf.setBackend('wasm');
  await tf.ready();
  patchWasmMatMul();
  const layers = await train('layers');
  const scratch = await train('scratch');
  const rows = layers.valAccuracy.map((a, i) => {
    const b = scratch.valAccuracy[i] ?? Number.NaN;
    return { epoch: i + 1, layers: a, scratch: b, diff: Math.abs(a - b) };
  });
  const maxDiff = Math.max(...rows.map((r) => r.diff));
  const md = [
    `# BN layer: built-in vs from scratch (blog recipe${DENSE_BIAS ? '' : ' without the bias before BN'}, BN net, seed 42, ${EPOCHS} epochs, WASM in Node)`,
    '',
    '| epoch | val_accuracy built-in | val_accuracy scratch | difference |',
    '|---|---|---|---|',
    ...rows.map((r) => `| ${r.epoch} | ${r.layers.toFixed(4)} | ${r.scratch.toFixed(4)} | ${r.diff.toFixed(4)} |`),
    '',
    `Largest difference: ${maxDiff.toFixed(4)} (bar: ${TOLERANCE}). Wall time: built-in ${layers.seconds.toFixed(0)} s, scratch ${scratch.seconds.toFixed(0)} s.`,
  ].join('\n');
  await mkdir(new URL('../results/', import.meta.url), { recursive: true });
  const stem = DENSE_BIAS ? 'bnimpl' : 'bnimpl-nobias';
  await writeFile(new URL(`../results/${stem}.json`, import.meta.url), JSON.stringify({ epochs: EPOCHS, layers, scratch, rows, maxDiff }, null, 2));
  await writeFile(new URL(`../results/${stem}.md`, import.meta.url), `${md}\n`);
  console.log(md);
  expect(rows).toHaveLength(EPOCHS);
  for (const r of rows) expect(r.diff, `epoch ${r.epoch}`).toBeLessThanOrEqual(TOLERANCE);
});
