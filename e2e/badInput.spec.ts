// Bad input leaves the app working: a wrong URL value, a corrupt data file.
import { expect, test } from '@playwright/test';
import { LabPage } from './labPage';

test('a bad URL value shows a message and the default is used', async ({ page }) => {
  const lab = new LabPage(page);
  await lab.open('epochs=0&lr=banana&trainSize=1000');
  await expect(lab.configProblems).toBeVisible();
  await expect(lab.configProblems).toContainText('epochs');
  await expect(lab.configProblems).toContainText('lr');
  await expect(lab.configProblems).toContainText('banana');
  await expect(lab.configProblems.locator('li[data-key="epochs"]')).toContainText('Using 10 instead');
  await expect(page.getByLabel(/^epochs/i)).toHaveValue('10');
  await expect(page.getByLabel(/^training examples/i)).toHaveValue('1000');
  await lab.waitReady();
});

test('a truncated data file gives a clear error naming the file, and the page stays usable', async ({ page }) => {
  await page.route('**/assets/mnist/t10k-labels-idx1-ubyte-*.pack', async (route) => {
    const response = await route.fetch();
    const whole = await response.body();
    const body = whole.subarray(0, Math.floor(whole.byteLength / 2));
    await route.fulfill({ status: 200, body, headers: { 'content-type': 'application/octet-stream' } });
  });
  const lab = new LabPage(page);
  await lab.open();
  await expect(lab.error).toContainText('t10k-labels-idx1-ubyte', { timeout: 60_000 });
  await expect(lab.error).toContainText(/truncated/i);
  await expect(lab.train).toBeDisabled();
  await expect(page.getByLabel(/^epochs/i)).toBeEditable();
});

test('a file that is not MNIST is refused by its magic number', async ({ page }) => {
  await page.route('**/assets/mnist/train-labels-idx1-ubyte-*.pack', (route) =>
    route.fulfill({
      status: 200,
      body: Buffer.from('<!doctype html><p>not found</p>'),
      headers: { 'content-type': 'text/html' },
    }),
  );
  const lab = new LabPage(page);
  await lab.open();
  await expect(lab.error).toContainText('train-labels-idx1-ubyte', { timeout: 60_000 });
  await expect(lab.error).toContainText(/magic number/i);
});
