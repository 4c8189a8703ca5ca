// Offline after one visit, and a new deployment offered, not forced: the service worker (scripts/pwaOptions.ts) on a
// plain static host under a subpath.
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect, test, type Page } from '@playwright/test';
import { LabPage } from './labPage';
import { StaticServer } from './staticServer';

const QUICK = 'epochs=1&train=1000&batch=50';

/** Waits until the service worker is installed and active: the page then says it works offline. */
async function waitInstalled(page: Page): Promise<void> {
  await expect(page.getByTestId('sw-offline-ready')).toBeVisible({ timeout: 60_000 });
  expect(await page.evaluate(async () => (await navigator.serviceWorker.ready).active?.state)).toBe('activated');
}

test('after one visit, with the network gone, a reload loads the app and it trains', async ({ browser }) => {
  const server = new StaticServer({ root: 'dist', prefix: '/bn-lab/' });
  const url = await server.start();
  const context = await browser.newContext();
  try {
    const page = await context.newPage();
    const errors: string[] = [];
    page.on('pageerror', (e) => errors.push(e.message));
    const lab = new LabPage(page);
    await page.goto(`${url}?${QUICK}`);
    await lab.waitReady();
    await waitInstalled(page);
    // The data came over the wire once: the worker kept it, the service worker did not fetch it again.
    const dataDownloads = server.log
      .filter((r) => r.path.includes('/assets/mnist/') && r.status === 200)
      .map((r) => r.path);
    expect(dataDownloads).toHaveLength(4);
    expect(new Set(dataDownloads).size).toBe(4);

    await context.setOffline(true);
    await server.stop();
    await page.reload();
    await lab.waitReady();
    await lab.train.click();
    await lab.waitForEpochs(1, 120_000);
    expect(await lab.metric('bn', 1, 'val_accuracy')).toBeGreaterThan(0.5);
    expect((await lab.error.allTextContents()).join('')).toBe('');
    expect(errors).toEqual([]);
  } finally {
    await context.close();
    await server.stop().catch(() => {});
  }
});

test('when a new version is deployed, the page offers to reload, and reloading shows it', async ({ browser }) => {
  // A copy of dist/ that can be "deployed" again in place.
  const root = mkdtempSync(join(tmpdir(), 'bn-lab-deploy-'));
  cpSync('dist', root, { recursive: true });
  const server = new StaticServer({ root, prefix: '/' });
  const url = await server.start();
  const context = await browser.newContext();
  try {
    const page = await context.newPage();
    const lab = new LabPage(page);
    await page.goto(`${url}?${QUICK}`);
    await lab.waitReady();
    await waitInstalled(page);
    await expect(page.getByTestId('sw-update')).toHaveCount(0);

    // Version 2: another index.html, and the service worker that lists it (as a rebuild would give).
    const indexPath = join(root, 'index.html');
    writeFileSync(
      indexPath,
      readFileSync(indexPath, 'utf8').replace('<title>', '<meta name="deployed" content="v2" />\n    <title>'),
    );
    const swPath = join(root, 'sw.js');
    const sw = readFileSync(swPath, 'utf8');
    const updated = sw.replace(/(url:"index\.html",revision:")[0-9a-f]+"/, '$1v2"');
    expect(updated).not.toBe(sw);
    writeFileSync(swPath, updated);

    await page.reload();
    await lab.waitReady();
    await expect(page.getByTestId('sw-update')).toBeVisible({ timeout: 60_000 });
    await expect(page.locator('meta[name="deployed"]')).toHaveCount(0);
    await page.getByTestId('sw-reload').click();
    await expect(page.locator('meta[name="deployed"]')).toHaveAttribute('content', 'v2', { timeout: 30_000 });
    await lab.waitReady();
  } finally {
    await context.close();
    await server.stop();
    rmSync(root, { recursive: true, force: true });
  }
});

test('with service workers blocked, the page says offline use is unavailable in plain words and works', async ({
  browser,
}) => {
  const context = await browser.newContext({ serviceWorkers: 'block' });
  try {
    const page = await context.newPage();
    const warnings: string[] = [];
    page.on('console', (m) => {
      if (m.type() === 'warning') warnings.push(m.text());
    });
    const lab = new LabPage(page);
    await page.goto(`./?${QUICK}`);
    await lab.waitReady();
    const note = page.getByTestId('sw-failed');
    await expect(note).toHaveText(
      'Offline use is unavailable in this browser: service workers are blocked. Everything else works.',
    );
    await expect(note).not.toContainText('undefined');
    // The real error stays in the console for whoever debugs it.
    expect(warnings.some((w) => w.startsWith('Service worker registration failed'))).toBe(true);
    await lab.train.click();
    await expect(lab.train).toBeEnabled({ timeout: 120_000 });
    await expect(lab.error).toHaveText('');
  } finally {
    await context.close();
  }
});
