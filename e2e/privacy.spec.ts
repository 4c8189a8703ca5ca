// Offline and private, over a whole session: every request stays on the page's origin, and once the first load is
// done (page, worker, WASM, MNIST) a session of training, drawing, the test set, saving, loading and downloads
// requests nothing more. Also the security headers of the built app, and no CSP violation during all of it.
import { readdirSync } from 'node:fs';
import { expect, test, type ConsoleMessage } from '@playwright/test';
import { DrawPad } from './drawPad';
import { LabPage } from './labPage';
import { syntheticDigitSet } from '../src/digit/syntheticDigits';

const SEVEN = syntheticDigitSet(3).find((d) => d.label === 7 && d.variant === 'centred');

/** Messages Chromium prints when the Content-Security-Policy refuses something (page or worker). */
const CSP_REFUSAL = /Content Security Policy|Refused to/i;

test('a whole session requests nothing after the first load, nothing off-origin, and breaks no CSP rule', async ({
  page,
  baseURL,
}) => {
  test.setTimeout(240_000);
  const origin = new URL(baseURL ?? 'http://127.0.0.1/').origin;
  const requests: string[] = [];
  page.on('request', (r) => {
    // data: and blob: URLs are the page's own memory, not the network.
    if (!/^(data|blob):/.test(r.url())) requests.push(r.url());
  });
  // The service worker's own requests (its script, its precache) are the context's, not the page's.
  const everything: string[] = [];
  page.context().on('request', (r) => {
    if (!/^(data|blob):/.test(r.url())) everything.push(r.url());
  });
  const refusals: string[] = [];
  const onConsole = (m: ConsoleMessage) => {
    if (CSP_REFUSAL.test(m.text())) refusals.push(m.text());
  };
  page.on('console', onConsole);
  page.on('worker', (w) => w.on('console', onConsole));
  // Reported on the page by the browser itself (the listener is installed before any of the app's scripts).
  await page.addInitScript(() => {
    document.addEventListener('securitypolicyviolation', (e) =>
      console.error(`Refused to load: ${e.violatedDirective} ${e.blockedURI}`),
    );
  });

  const lab = new LabPage(page);
  const pad = new DrawPad(page);
  const response = await page.goto('./?epochs=1&train=2000&batch=50');
  expect(response?.headers()['content-security-policy']).toMatch(/script-src 'self' 'wasm-unsafe-eval'/);
  expect(response?.headers()['content-security-policy']).not.toMatch(/'unsafe-eval'|'unsafe-inline'/);
  expect(response?.headers()['x-content-type-options']).toBe('nosniff');
  expect(response?.headers()['referrer-policy']).toBe('no-referrer');
  expect(response?.headers()['content-security-policy']).toMatch(/frame-ancestors 'none'/);
  await lab.waitReady();
  await expect(lab.backend).toContainText(/wasm|webgl|cpu/);
  const firstLoad = [...requests];
  expect(firstLoad.some((u) => u.includes('/assets/mnist/train-images-idx3-ubyte-'))).toBe(true);
  expect(firstLoad.some((u) => u.endsWith('.wasm'))).toBe(true);

  // Train, read the log, draw, look at the test set, save, load, download: all in the page and the worker.
  await lab.train.click();
  await lab.waitForEpochs(1, 120_000);
  if (!SEVEN) throw new Error('no synthetic 7');
  await pad.draw(SEVEN.strokes);
  await expect(pad.bn).not.toHaveAttribute('data-digit', '');
  await expect(page.getByTestId('confusion-bn')).toHaveAttribute('data-accuracy', /\d/, { timeout: 60_000 });
  const panel = page.getByTestId('saved-models');
  await panel.getByRole('textbox').fill('privacy nets');
  await page.getByTestId('save-models').click();
  await expect(panel.locator('[data-testid="saved-model"][data-name="privacy nets"]')).toBeVisible();
  await panel.getByRole('button', { name: 'Load privacy nets' }).click();
  await expect(page.getByTestId('models-current')).toContainText('privacy nets');
  const [download] = await Promise.all([page.waitForEvent('download'), page.getByTestId('download-models').click()]);
  expect(download.suggestedFilename()).toMatch(/\.json$/);
  const [png] = await Promise.all([
    page.waitForEvent('download'),
    page.getByRole('button', { name: 'Download PNG' }).click(),
  ]);
  expect(png.suggestedFilename()).toMatch(/\.png$/);
  await panel.getByRole('button', { name: 'Delete privacy nets' }).click();
  await expect(panel.locator('[data-testid="saved-model"][data-name="privacy nets"]')).toHaveCount(0);

  expect(requests.slice(firstLoad.length), 'requests after the first load').toEqual([]);
  expect(
    requests.filter((u) => new URL(u).origin !== origin),
    'requests off the page origin',
  ).toEqual([]);
  await expect(page.getByTestId('sw-offline-ready')).toBeVisible();
  expect(
    everything.filter((u) => new URL(u).origin !== origin),
    'requests off the origin, service worker included',
  ).toEqual([]);
  expect(refusals, 'CSP refusals').toEqual([]);
});

test('the page has no inline script, and the worker script gets the same headers as the page', async ({ request }) => {
  const page = await request.get('./');
  expect(await page.text()).not.toMatch(/<script(?![^>]*\bsrc=)[^>]*>/);
  const worker = readdirSync('dist/assets').find((f) => /training\.worker.*\.js$/.test(f));
  if (!worker) throw new Error('no worker script in dist/assets (build first)');
  const script = await request.get(`./assets/${worker}`);
  expect(script.ok()).toBe(true);
  for (const name of ['content-security-policy', 'x-content-type-options', 'referrer-policy', 'x-frame-options']) {
    expect(script.headers()[name], name).toBe(page.headers()[name]);
  }
});
