// `npm run bench`: the performance benchmark. Drives the built app and the benchmark page (dist/bench/) in headless
// Chromium: per backend, the app's training loop against plain TF.js model.fit in one worker, a validation pass and
// tensor counts per epoch; on the app page, first paint, data-ready time and the longest main-thread task while
// training; with --full, the whole blog recipe. Writes perf.json and perf.md to BENCH_OUT (bench/run.mjs sets it).
// It prints; it asserts nothing about speed.
import { mkdirSync, writeFileSync } from 'node:fs';
import { cpus, release, totalmem, type } from 'node:os';
import { join } from 'node:path';
import { test, type Page } from '@playwright/test';
import { LabPage } from '../e2e/labPage';
import type { BackendName } from '../src/shared/config';
import { MNIST_CACHE, MNIST_DIR } from '../scripts/vite-plugin-mnist';
import type { BackendResult, BenchOptions, LoopPlan } from './page/benchTypes';
import { longestTask, resetLongestTask, watchLongTasks } from './longTasks';
import { markdown, type FullRecipe, type PageTiming, type PerfReport } from './perfReport';
import { median } from './page/median';

const OUT = process.env.BENCH_OUT ?? 'bench/results';
const FULL = process.env.BENCH_FULL === '1';
const REPEATS = Number(process.env.BENCH_REPEATS ?? 3);
const BACKENDS = (process.env.BENCH_BACKENDS ?? 'webgl,wasm,cpu').split(',').filter(Boolean) as BackendName[];
const PAGE_LOADS = 3;
/** Examples per epoch of the one-seed vs five-seed runs (BENCH_SEEDS_TRAIN; the blog's epoch is 60,000). */
const SEEDS_TRAIN = Number(process.env.BENCH_SEEDS_TRAIN ?? 20_000);

test.use({ serviceWorkers: 'block' });

/** Fewer timed steps on the slow backends (software WebGL and plain-JS CPU run ~30 ms a step here). */
function loopsFor(backend: BackendName): LoopPlan[] {
  const fast = backend === 'wasm';
  return [
    { batchSize: 32, warmup: fast ? 20 : 10, steps: fast ? 300 : 60 },
    { batchSize: 128, warmup: fast ? 10 : 5, steps: fast ? 100 : 20 },
  ];
}

/** Load timings of the app page, then the longest main-thread task during a short run. */
async function timePage(page: Page, backend: BackendName): Promise<PageTiming> {
  const lab = new LabPage(page);
  const loads: Array<Omit<PageTiming, 'backend' | 'longestTaskMs' | 'loads'>> = [];
  for (let i = 0; i < PAGE_LOADS; i++) {
    // Every load fetches the data over loopback: the worker's copy from the load before is dropped (the service
    // worker is blocked for this benchmark; bench/firstVisit.bench.ts measures visits with it).
    if (i > 0) await page.evaluate((name) => caches.delete(name), MNIST_CACHE);
    await lab.open(`backend=${backend}&trainSize=6400&epochs=1`);
    await lab.waitReady();
    // Train is enabled once the data is in; the backend probe may still be finishing.
    await page.waitForFunction(() => performance.getEntriesByName('bnlab:backend').length > 0, null, {
      timeout: 60_000,
    });
    loads.push(
      await page.evaluate(() => {
        const at = (name: string): number => performance.getEntriesByName(name)[0]?.startTime ?? Number.NaN;
        return {
          firstPaintMs: at('first-paint'),
          firstContentfulPaintMs: at('first-contentful-paint'),
          backendReadyMs: at('bnlab:backend'),
          dataReadyMs: at('bnlab:data-ready'),
        };
      }),
    );
  }
  await resetLongestTask(page);
  await lab.train.click();
  await lab.waitForEpochs(1, 10 * 60_000);
  return {
    backend,
    firstPaintMs: median(loads.map((l) => l.firstPaintMs)),
    firstContentfulPaintMs: median(loads.map((l) => l.firstContentfulPaintMs)),
    backendReadyMs: median(loads.map((l) => l.backendReadyMs)),
    dataReadyMs: median(loads.map((l) => l.dataReadyMs)),
    longestTaskMs: await longestTask(page),
    loads: PAGE_LOADS,
  };
}

/** The blog recipe end to end in the app, on the backend it picks itself. */
async function fullRecipe(page: Page): Promise<FullRecipe> {
  const lab = new LabPage(page);
  await lab.open();
  await lab.waitReady();
  // The badge reads "Backend: wasm — why…"; the report keeps the name and the reason.
  const backend = (await lab.backend.innerText()).trim().replace(/^Backend:\s*/, '');
  await resetLongestTask(page);
  const started = Date.now();
  await lab.train.click();
  await lab.waitForEpochs(10, 60 * 60_000);
  const wallSeconds = (Date.now() - started) / 1000;
  const epochs: FullRecipe['epochs'] = [];
  for (let epoch = 1; epoch <= 10; epoch++) {
    epochs.push({
      epoch,
      bn: await lab.metric('bn', epoch, 'val_accuracy'),
      plain: await lab.metric('plain', epoch, 'val_accuracy'),
    });
  }
  const last = epochs[epochs.length - 1];
  return {
    backend,
    wallSeconds,
    longestTaskMs: await longestTask(page),
    valAccuracy: { bn: last?.bn ?? Number.NaN, plain: last?.plain ?? Number.NaN },
    epochs,
  };
}

test('performance', async ({ page, browser, baseURL }) => {
  test.setTimeout(3 * 60 * 60_000);
  page.on('console', (m) => {
    if (m.type() === 'log' || m.type() === 'error') console.log(`[page] ${m.text()}`);
  });
  await watchLongTasks(page);
  const backends: BackendResult[] = [];
  for (const backend of BACKENDS) {
    await page.goto('./bench/index.html');
    const options: BenchOptions = {
      backend,
      dataBaseUrl: new URL(MNIST_DIR, baseURL).href,
      loops: loopsFor(backend),
      repeats: REPEATS,
      // Whole runs of one and five seeds; a tenth of the examples on WebGL (software here: ~30 ms a step), none on
      // plain JS (an hour).
      seeds:
        backend === 'cpu'
          ? null
          : { trainSize: backend === 'webgl' ? SEEDS_TRAIN / 10 : SEEDS_TRAIN, seeds: 5, repeats: REPEATS },
    };
    backends.push(await page.evaluate((o) => window.benchBackend(o), options));
  }
  const pages: PageTiming[] = [];
  for (const backend of BACKENDS) pages.push(await timePage(page, backend));
  const full = FULL ? await fullRecipe(page) : null;
  const cpu = cpus()[0]?.model ?? 'unknown CPU';
  const report: PerfReport = {
    date: new Date().toISOString(),
    machine: { cpu, cores: cpus().length, memoryGiB: Math.round(totalmem() / 2 ** 30), os: `${type()} ${release()}` },
    browser: browser.version(),
    repeats: REPEATS,
    backends,
    pages,
    full,
  };
  mkdirSync(OUT, { recursive: true });
  writeFileSync(join(OUT, 'perf.json'), JSON.stringify(report, null, 2));
  const md = markdown(report);
  writeFileSync(join(OUT, 'perf.md'), md);
  console.log(md);
});
