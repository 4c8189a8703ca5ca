// WebGPU is a candidate of the backend probe only where it offers a hardware adapter, and its 460 kB backend is
// fetched only then (src/core/webgpuBackend.ts). This machine has no GPU: Chromium offers no WebGPU adapter, or with
// --enable-unsafe-webgpu a SwiftShader fallback adapter; either way the chunk must never be requested (not by the
// worker, not by the service worker's precache), and a forced `backend=webgpu` must fall back with a reason.
import { chromium, expect, test, type Browser } from '@playwright/test';
import { CHROMIUM_ARGS, CHROMIUM_PATH } from './chromium';
import { LabPage } from './labPage';
import { StaticServer } from './staticServer';

const QUICK = 'epochs=1&train=1000&batch=50';
const WEBGPU_CHUNK = /\/assets\/webgpuRegister-[^/]+\.js$/;

/** Loads the app (automatic backend unless `query` says otherwise) and waits until the service worker is in. */
async function visit(browser: Browser, query: string): Promise<{ reason: string; requested: string[] }> {
  const server = new StaticServer({ root: 'dist', prefix: '/' });
  const url = await server.start();
  const context = await browser.newContext();
  try {
    const page = await context.newPage();
    const lab = new LabPage(page);
    await page.goto(`${url}?${query}`);
    await lab.waitReady();
    await expect(lab.backend).not.toContainText('choosing');
    await expect(page.getByTestId('sw-offline-ready')).toBeVisible({ timeout: 120_000 });
    const reason = (await lab.backend.textContent()) ?? '';
    return { reason, requested: server.log.map((r) => r.path) };
  } finally {
    await context.close();
    await server.stop();
  }
}

test('without a WebGPU adapter the probe never fetches the WebGPU backend', async ({ browser }) => {
  const { reason, requested } = await visit(browser, QUICK);
  expect(reason).toContain('wasm');
  // No adapter is the common case: the badge does not mention WebGPU.
  expect(reason).not.toContain('WebGPU');
  expect(requested.filter((p) => WEBGPU_CHUNK.test(p))).toEqual([]);
  // The rest of the app was fetched (and precached) as usual.
  expect(requested.some((p) => p.includes('training.worker'))).toBe(true);
});

test('a software (fallback) WebGPU adapter is skipped, said so, and its backend is not fetched', async () => {
  const browser = await chromium.launch({
    executablePath: CHROMIUM_PATH,
    args: [...CHROMIUM_ARGS, '--enable-unsafe-webgpu'],
  });
  try {
    const { reason, requested } = await visit(browser, QUICK);
    expect(reason).toMatch(
      /WebGPU not timed: WebGPU offers only a fallback \(software\) adapter \(google swiftshader\)/,
    );
    expect(reason).toContain('wasm');
    expect(requested.filter((p) => WEBGPU_CHUNK.test(p))).toEqual([]);
  } finally {
    await browser.close();
  }
});

test('backend=webgpu on a machine without WebGPU falls back, says why, and trains', async ({ page }) => {
  const lab = new LabPage(page);
  await lab.open(`${QUICK}&backend=webgpu`);
  await lab.waitReady();
  await expect(lab.backend).toContainText('forced by the URL (backend=webgpu)');
  await expect(lab.backend).toContainText(/fell back after: webgpu/);
  await lab.train.click();
  await lab.waitForEpochs(1, 120_000);
  expect(await lab.metric('bn', 1, 'val_accuracy')).toBeGreaterThan(0.5);
});
