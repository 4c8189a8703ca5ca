// The blog's full recipe end to end in headless Chromium: 2 nets × 10 epochs × 1,875 steps on all of MNIST.
// Prints the epoch table and writes it to bench/results/recipe.{json,md} (or BENCH_OUT). Not part of `npm test`:
// quality numbers and wall time belong here, where people read them, not in assertions.
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { test } from '@playwright/test';
import { LabPage } from '../e2e/labPage';
import { longestTask, resetLongestTask, watchLongTasks } from './longTasks';

const QUERY = process.env.RECIPE_QUERY ?? '';
const OUT = process.env.BENCH_OUT ?? 'bench/results';

test('full blog recipe', async ({ page, browser }) => {
  test.setTimeout(60 * 60_000);
  // The longest main-thread task while training: the page must stay responsive (the worker does the work).
  await watchLongTasks(page);
  const lab = new LabPage(page);
  await lab.open(QUERY);
  await lab.waitReady();
  const backend = (await lab.backend.innerText()).trim();
  await resetLongestTask(page);
  const started = Date.now();
  await lab.train.click();
  const epochs = Number(new URLSearchParams(QUERY).get('epochs') ?? 10);
  await lab.waitForEpochs(epochs, 55 * 60_000);
  const wallSeconds = (Date.now() - started) / 1000;
  const longestTaskMs = await longestTask(page);
  const rows: Array<Record<string, number | string>> = [];
  for (let epoch = 1; epoch <= epochs; epoch++) {
    for (const net of ['bn', 'plain'] as const) {
      rows.push({
        epoch,
        net,
        loss: await lab.metric(net, epoch, 'loss'),
        accuracy: await lab.metric(net, epoch, 'accuracy'),
        val_loss: await lab.metric(net, epoch, 'val_loss'),
        val_accuracy: await lab.metric(net, epoch, 'val_accuracy'),
      });
    }
  }
  const report = {
    query: QUERY || '(defaults: the blog recipe)',
    backend,
    browser: browser.version(),
    wallSeconds,
    longestTaskMs,
    rows,
    date: new Date().toISOString(),
  };
  const table = [
    '| epoch | net | loss | accuracy | val_loss | val_accuracy |',
    '|---|---|---|---|---|---|',
    ...rows.map((r) => `| ${r.epoch} | ${r.net} | ${r.loss} | ${r.accuracy} | ${r.val_loss} | ${r.val_accuracy} |`),
  ].join('\n');
  const md = `# Full recipe\n\n${report.query}; backend: ${backend}; Chromium ${report.browser}; wall time ${wallSeconds.toFixed(0)} s; longest main-thread task while training ${longestTaskMs.toFixed(0)} ms (0 = none over 50 ms)\n\n${table}\n`;
  mkdirSync(OUT, { recursive: true });
  writeFileSync(join(OUT, 'recipe.json'), JSON.stringify(report, null, 2));
  writeFileSync(join(OUT, 'recipe.md'), md);
  console.log(md);
});
