// Seeds trained in other workers beside the training worker, on a CPU with cores to spare (src/core/seedLanes.ts,
// seedLaneCount.ts). This machine has 2 cores: by default the lanes must cost nothing — never started, their worker
// script never fetched, not even by the service worker's precache. Forced on with the tests' switch, they must give
// every seed the numbers the seeds give trained one after another, and end, stop and free like any run.
import { readFile } from 'node:fs/promises';
import { expect, test, type Page } from '@playwright/test';
import { settledMemory } from './checks';
import { LabPage } from './labPage';
import { StaticServer } from './staticServer';

const QUICK = 'backend=wasm&seeds=3&epochs=2&train=1500&batch=50';
const LANE_CHUNK = /\/assets\/seedLane\.worker-[^/]+\.js$/;

/** Every seed's logged numbers, keyed by net, seed and epoch (not the seconds, which differ from run to run). */
async function loggedNumbers(page: Page): Promise<Record<string, string>> {
  return page.getByTestId('epoch-log').evaluate((log) => {
    const out: Record<string, string> = {};
    for (const row of Array.from(log.querySelectorAll('tr[data-model]'))) {
      const key = `${row.getAttribute('data-model')}/${row.getAttribute('data-seed')}/${row.getAttribute('data-epoch')}`;
      const fields = ['loss', 'accuracy', 'val_loss', 'val_accuracy'].map(
        (f) => row.querySelector(`[data-field="${f}"]`)?.textContent ?? '',
      );
      out[key] = fields.join(' ');
    }
    return out;
  });
}

test('on two cores the lanes are never started and their worker never fetched', async ({ browser }) => {
  const server = new StaticServer({ root: 'dist', prefix: '/' });
  const url = await server.start();
  const context = await browser.newContext();
  try {
    const page = await context.newPage();
    const cores = await page.evaluate(() => navigator.hardwareConcurrency);
    test.skip(cores >= 4, `this machine has ${cores} cores: the lanes are meant to start here`);
    const lab = new LabPage(page);
    await page.goto(`${url}?${QUICK}`);
    await lab.waitReady();
    await expect(lab.backend).toHaveAttribute('data-seed-lanes', '0');
    await expect(lab.backend).toHaveAttribute(
      'title',
      /seeds train one after another \(\d cores; other workers need 4/,
    );
    await lab.train.click();
    await expect(lab.progress).toContainText('Seed 1 of 3');
    await expect(lab.rows()).toHaveCount(12, { timeout: 120_000 });
    await expect(page.getByTestId('sw-offline-ready')).toBeVisible({ timeout: 120_000 });
    const requested = server.log.map((r) => r.path);
    expect(requested.some((p) => p.includes('training.worker'))).toBe(true);
    expect(requested.filter((p) => LANE_CHUNK.test(p))).toEqual([]);
    await expect(lab.error).toHaveText('');
  } finally {
    await context.close();
    await server.stop();
  }
});

test('lanes forced on: the seeds train at once, to the numbers of one after another', async ({ page }) => {
  test.setTimeout(300_000);
  const lab = new LabPage(page);
  await lab.startRun(`${QUICK}&debug-seed-lanes=0`);
  await expect(lab.progress).toContainText('Seed 1 of 3');
  await expect(lab.rows()).toHaveCount(12, { timeout: 120_000 });
  await expect(lab.train).toBeEnabled();
  const inTurn = await loggedNumbers(page);
  expect(Object.keys(inTurn)).toHaveLength(12);

  await lab.open(`${QUICK}&debug-seed-lanes=2`);
  await lab.waitReady();
  await expect(lab.backend).toHaveAttribute('data-seed-lanes', '2');
  await expect(page.locator('#setting-seeds-hint')).toContainText('Here up to 3 train at once');
  await lab.train.click();
  await expect(lab.progress).toContainText('All 3 seeds at once', { timeout: 60_000 });
  await expect(lab.rows()).toHaveCount(12, { timeout: 120_000 });
  await expect(lab.train).toBeEnabled();
  expect(await loggedNumbers(page)).toEqual(inTurn);
  await expect(page.getByTestId('repeat-summary')).toBeVisible();
  await expect(lab.error).toHaveText('');
  // Every seed's rows are in the CSV; the nets the run leaves are the last wave's first seed's, and they save.
  const [csv] = await Promise.all([
    page.waitForEvent('download'),
    page.getByRole('button', { name: 'Download CSV' }).click(),
  ]);
  expect((await readFile(await csv.path(), 'utf8')).trim().split('\n')).toHaveLength(1 + 12);
  const saved = page.getByTestId('saved-models');
  await saved.getByRole('textbox').fill('lanes');
  await page.getByTestId('save-models').click();
  await expect(saved.locator('[data-testid="saved-model"][data-name="lanes"]')).toBeVisible();

  // Runs in lanes leave nothing behind in the training worker (the lanes are whole workers, ended with the run),
  // and a stop reaches them: the run ends as stopped, and the next one trains.
  const baseline = await settledMemory(page);
  await lab.train.click();
  await expect(lab.progress).toContainText('All 3 seeds at once', { timeout: 60_000 });
  await lab.stop.click();
  await expect(lab.train).toBeEnabled({ timeout: 30_000 });
  await expect(lab.rows()).not.toHaveCount(12);
  await lab.train.click();
  await expect(lab.rows()).toHaveCount(12, { timeout: 120_000 });
  await expect(lab.train).toBeEnabled();
  expect(await loggedNumbers(page)).toEqual(inTurn);
  expect(await settledMemory(page)).toEqual(baseline);
  await expect(lab.error).toHaveText('');
});
