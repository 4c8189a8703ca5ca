// The built dist/ on other hosts than `vite preview`: under a subpath on a host that gzips everything, and served
// cross-origin isolated (COOP + COEP), where TF.js would pick its threaded WASM build (src/worker/wasmSetup.ts).
import { expect, test, type Page } from '@playwright/test';
import { LabPage } from './labPage';
import { StaticServer } from './staticServer';

const QUICK = 'epochs=1&train=1000&batch=50';

/** Page errors, and errors thrown in any worker the page starts. */
function collectErrors(page: Page): string[] {
  const errors: string[] = [];
  page.on('pageerror', (e) => errors.push(e.message));
  page.on('console', (m) => {
    if (m.type() === 'error') errors.push(m.text());
  });
  return errors;
}

test('dist/ under a subpath, on a host that gzips every response, loads and trains', async ({ browser }) => {
  const server = new StaticServer({ root: 'dist', prefix: '/course/bn-lab/', gzipAll: true });
  const url = await server.start();
  const context = await browser.newContext();
  try {
    const page = await context.newPage();
    const errors = collectErrors(page);
    const lab = new LabPage(page);
    await page.goto(`${url}?${QUICK}`);
    await lab.waitReady();
    await lab.train.click();
    await lab.waitForEpochs(1, 120_000);
    expect(await lab.metric('bn', 1, 'val_accuracy')).toBeGreaterThan(0.5);
    // Everything the app asked for was inside its folder, and found.
    const outside = server.log.filter((r) => !r.path.startsWith('/course/bn-lab/'));
    expect(outside, 'requests outside the subpath').toEqual([]);
    expect(
      server.log.filter((r) => r.status >= 400),
      'failed requests',
    ).toEqual([]);
    expect(server.log.some((r) => r.path.includes('/assets/mnist/train-images-idx3-ubyte-'))).toBe(true);
    expect(errors).toEqual([]);
  } finally {
    await context.close();
    await server.stop();
  }
});

test('served cross-origin isolated (COOP + COEP), the app trains on WASM with no page error', async ({ browser }) => {
  const server = new StaticServer({ root: 'dist', prefix: '/', isolated: true });
  const url = await server.start();
  const context = await browser.newContext();
  try {
    const page = await context.newPage();
    const errors = collectErrors(page);
    const workers: string[] = [];
    page.on('worker', (w) => workers.push(w.url()));
    const lab = new LabPage(page);
    await page.goto(`${url}?${QUICK}&backend=wasm`);
    expect(await page.evaluate(() => self.crossOriginIsolated)).toBe(true);
    await lab.waitReady();
    await expect(lab.backend).toContainText('wasm');
    await lab.train.click();
    await lab.waitForEpochs(1, 120_000);
    expect(await lab.metric('plain', 1, 'val_accuracy')).toBeGreaterThan(0.5);
    // One training worker, and none of the threaded build's pthread workers (they start from blob: URLs).
    expect(workers.filter((w) => w.startsWith('blob:'))).toEqual([]);
    expect(workers.filter((w) => w.includes('training.worker'))).toHaveLength(1);
    expect(server.log.some((r) => r.path.includes('threaded'))).toBe(false);
    expect(errors).toEqual([]);
  } finally {
    await context.close();
    await server.stop();
  }
});
