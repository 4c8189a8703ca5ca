// Faults the app must survive: the worker throwing, the worker going silent mid-run, the WebGL context lost mid-run,
// a GPU that can only render float16. Each ends with the app training again.
import { expect, test, type Page, type Worker } from '@playwright/test';
import { InsidePanel } from './insidePanel';
import { LabPage } from './labPage';

/** The training worker (the page has no other). */
async function trainingWorker(page: Page): Promise<Worker> {
  await expect.poll(() => page.workers().length, { timeout: 30_000 }).toBeGreaterThan(0);
  const worker = page.workers().find((w) => /training/.test(w.url()));
  if (!worker)
    throw new Error(
      `no training worker among ${page
        .workers()
        .map((w) => w.url())
        .join(', ')}`,
    );
  return worker;
}

test('the worker throwing shows its message and a Restart that brings a fresh worker; the log stays', async ({
  page,
}) => {
  const lab = new LabPage(page);
  const inside = new InsidePanel(page);
  await lab.open('epochs=1&train=1000&batch=50');
  await lab.waitReady();
  // The BN inspectors are open: the fresh worker must be told so too, not start with them closed.
  await inside.open();
  await lab.train.click();
  await lab.waitForEpochs(1, 120_000);
  await expect(lab.train).toBeEnabled();
  const old = await trainingWorker(page);
  const closed = new Promise<void>((resolve) => old.once('close', () => resolve()));

  await old.evaluate(() => {
    setTimeout(() => {
      throw new Error('injected fault');
    }, 0);
  });
  const fault = page.getByTestId('worker-fault');
  await expect(fault).toBeVisible();
  await expect(fault).toHaveAttribute('data-kind', 'crashed');
  await expect(fault).toContainText('injected fault');
  await expect(lab.train).toBeDisabled();

  await page.getByTestId('restart-worker').click();
  await closed; // the old worker is ended
  await expect(fault).toHaveCount(0);
  await lab.waitReady();
  await expect(lab.backend).toContainText(/wasm|webgl|cpu/);
  await expect(lab.rows()).toHaveCount(2); // the log (and the charts) of the earlier run are kept
  expect(page.workers()).toHaveLength(1);

  await lab.train.click();
  await expect(lab.rows()).toHaveCount(0);
  await lab.waitForEpochs(1, 120_000);
  await inside.waitForPoints(inside.percentiles, 1);
});

test('a run that goes silent is noticed as stalled, and Restart recovers', async ({ page }) => {
  const lab = new LabPage(page);
  // debug-stall-ms shortens the 30 s watch for the test.
  await lab.startRun('epochs=20&train=60000&debug-stall-ms=3000');
  await expect(lab.progress).toContainText(/step/i);
  const worker = await trainingWorker(page);
  // The worker closes itself: no error event, just silence, as when it hangs.
  void worker.evaluate(() => self.close()).catch(() => undefined);
  const fault = page.getByTestId('worker-fault');
  await expect(fault).toHaveAttribute('data-kind', 'stalled');
  await expect(fault).toContainText(/no progress for 3 s/);

  await page.getByTestId('restart-worker').click();
  await expect(fault).toHaveCount(0);
  await lab.waitReady();
  await lab.setField('epochs', '1');
  await lab.setField('trainSize', '1000');
  await lab.train.click();
  await lab.waitForEpochs(1, 120_000);
  await expect(fault).toHaveCount(0);
});

test('a lost WebGL context mid-run: a notice, and the run starts again on WASM and finishes', async ({ page }) => {
  const lab = new LabPage(page);
  // SwiftShader WebGL is slow here: a tiny net and few steps.
  await lab.startRun('backend=webgl&epochs=2&train=1000&batch=50&layers=16');
  await expect(lab.backend).toContainText('webgl');
  await expect(lab.progress).toContainText(/step/i, { timeout: 120_000 });
  const worker = await trainingWorker(page);
  expect(
    await worker.evaluate(() =>
      (self as unknown as { batchnormLabDebug: { loseWebGLContext(): boolean } }).batchnormLabDebug.loseWebGLContext(),
    ),
  ).toBe(true);

  await expect(lab.error).toContainText(/WebGL context was lost; training moved to wasm/, { timeout: 60_000 });
  await expect(lab.error).toContainText(/starts again/);
  await expect(lab.backend).toContainText('wasm');
  await lab.waitForEpochs(2, 120_000);
  for (const net of ['bn', 'plain'] as const) expect(await lab.metric(net, 2, 'val_accuracy')).toBeGreaterThan(0.5);
});

test('WebGL that can only render float16 is not used for training', async ({ page }) => {
  const lab = new LabPage(page);
  await lab.open('backend=webgl&debug-float16=1');
  await expect(lab.backend).toContainText('wasm', { timeout: 60_000 });
  await expect(lab.backend).toContainText(/32-bit float/);
  await lab.waitReady();
});
