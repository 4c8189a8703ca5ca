// The foundation, end to end: the real worker, the real backend and the real MNIST in Chromium.
import { expect, test } from '@playwright/test';
import { BN_RGB, LabPage, PLAIN_RGB } from './labPage';

test('a short run fills two log rows per epoch and draws both nets in both charts', async ({ page, baseURL }) => {
  const origin = new URL(baseURL ?? 'http://127.0.0.1/').origin;
  const foreign: string[] = [];
  page.on('request', (r) => {
    if (new URL(r.url()).origin !== origin && !r.url().startsWith('blob:') && !r.url().startsWith('data:'))
      foreign.push(r.url());
  });
  const lab = new LabPage(page);
  await lab.startRun('epochs=2&train=2000');
  await expect(lab.stop).toBeEnabled();
  await lab.waitForEpochs(2, 120_000);
  await expect(lab.stop).toBeDisabled();
  for (const net of ['bn', 'plain'] as const) {
    await expect(lab.rows(net)).toHaveCount(2);
    for (const epoch of [1, 2]) {
      const acc = await lab.metric(net, epoch, 'val_accuracy');
      expect(acc).toBeGreaterThan(0.5);
      expect(acc).toBeLessThanOrEqual(1);
      expect(await lab.metric(net, epoch, 'loss')).toBeGreaterThan(0);
    }
  }
  for (const chart of [lab.lossChart, lab.accuracyChart]) {
    await expect.poll(() => lab.pixelsOfColour(chart, BN_RGB)).toBeGreaterThan(20);
    await expect.poll(() => lab.pixelsOfColour(chart, PLAIN_RGB)).toBeGreaterThan(20);
  }
  await expect(lab.progress).toContainText(/2\s*\/\s*2/);
  // Keras's model.summary() numbers for the blog's nets.
  await expect(page.getByTestId('param-counts')).toContainText('110,154 parameters, 109,770 trainable');
  await expect(page.getByTestId('param-counts')).toContainText('No BN: 109,386 parameters');
  expect(foreign, 'requests that left the page origin').toEqual([]);
});

test('the recipe on 12,000 examples reaches 0.90 and BN keeps up with the plain net', async ({ page }) => {
  const lab = new LabPage(page);
  await lab.startRun('epochs=2&train=12000&batch=64');
  await lab.waitForEpochs(2, 170_000);
  const bn = await lab.metric('bn', 2, 'val_accuracy');
  const plain = await lab.metric('plain', 2, 'val_accuracy');
  console.log(`val_accuracy after 2 epochs on 12,000: BN ${bn}, plain ${plain}`);
  expect(bn).toBeGreaterThanOrEqual(0.9);
  expect(plain).toBeGreaterThanOrEqual(0.9);
  expect(bn).toBeGreaterThanOrEqual(plain - 0.01);
});

test('Stop stops the run within moments, and Train again starts afresh with cleared charts', async ({ page }) => {
  const lab = new LabPage(page);
  await lab.startRun('epochs=50&train=60000');
  await expect(lab.progress).toContainText(/step/i);
  await lab.stop.click();
  await expect(lab.stop).toBeDisabled({ timeout: 5_000 });
  await expect(lab.train).toBeEnabled();
  const stoppedAt = await lab.progress.innerText();
  await page.waitForTimeout(1_000);
  expect(await lab.progress.innerText()).toBe(stoppedAt);
  await expect(lab.rows()).toHaveCount(0);

  await lab.startRun('epochs=2&train=4000&batch=50');
  await lab.waitForEpochs(2, 60_000);
  // Train again, as users do, each run's live curves drawn on the charts the last one left: nothing may fail in the
  // page, and the progress line follows every run (a Chart.js listener once threw on every progress report of a
  // second run, and the line stayed on "Starting the run" until it finished).
  const pageErrors: string[] = [];
  page.on('pageerror', (e) => pageErrors.push(e.message));
  for (let again = 0; again < 2; again++) {
    await lab.train.click();
    // A fresh run clears the previous one's rows before its own first epoch arrives.
    await expect(lab.rows()).toHaveCount(0);
    await expect
      .poll(() => lab.progress.innerText(), { intervals: [50], timeout: 60_000 })
      .toMatch(/Epoch \d\/2 · step/);
    await lab.waitForEpochs(2, 60_000);
    await expect(lab.train).toBeEnabled();
  }
  expect(pageErrors).toEqual([]);
  await expect(lab.error).toHaveText('');
});

test('shows the backend in use and why', async ({ page }) => {
  const lab = new LabPage(page);
  await lab.open();
  await expect(lab.backend).toContainText(/\b(webgl|wasm|cpu)\b/i, { timeout: 60_000 });
  // Headless Chromium here renders WebGL in software, so the app must prefer WASM.
  const renderer = await page.evaluate(() => {
    const gl = document.createElement('canvas').getContext('webgl');
    const info = gl?.getExtension('WEBGL_debug_renderer_info');
    return gl && info ? String(gl.getParameter(info.UNMASKED_RENDERER_WEBGL)) : '';
  });
  if (/swiftshader|llvmpipe/i.test(renderer)) await expect(lab.backend).toContainText(/wasm/i);
  // Chosen by a timed probe, whose rate is shown; the next visit on this device reuses it instead of timing again.
  await expect(lab.backend).toHaveAttribute('data-probe', 'measured');
  await expect(lab.backend).toContainText(/measured now: \w+ [\d,]+ samples\/s/);
  await page.reload();
  await expect(lab.backend).toHaveAttribute('data-probe', 'cached', { timeout: 60_000 });
  await expect(lab.backend).toContainText(/measured on \d{4}-\d\d-\d\d/);
});

test('a forced backend is used', async ({ page }) => {
  const lab = new LabPage(page);
  await lab.open('backend=cpu');
  await expect(lab.backend).toContainText(/cpu/i, { timeout: 60_000 });
  await expect(lab.backend).toContainText(/forced/i);
  await expect(lab.backend).toHaveAttribute('data-probe', '');
});
