// Trained nets kept: saved in the browser and as a file, loaded back after a reload, and read a drawn digit without
// any training; a file that is not one of ours is refused with a message.
import { readFile } from 'node:fs/promises';
import { expect, test } from '@playwright/test';
import { DrawPad } from './drawPad';
import { LabPage } from './labPage';
import { syntheticDigitSet } from '../src/digit/syntheticDigits';

const SEVEN = syntheticDigitSet(3).find((d) => d.label === 7 && d.variant === 'centred');

test('save → reload → load: the saved nets read a drawn digit without training; the file round-trips too', async ({
  page,
}) => {
  const lab = new LabPage(page);
  const pad = new DrawPad(page);
  const panel = page.getByTestId('saved-models');
  await lab.startRun('epochs=1&train=3000&batch=64');
  await lab.waitForEpochs(1, 120_000);
  await expect(lab.train).toBeEnabled();

  await panel.getByRole('textbox').fill('e2e nets');
  await page.getByTestId('save-models').click();
  await expect(panel.locator('[data-testid="saved-model"][data-name="e2e nets"]')).toBeVisible();
  const [download] = await Promise.all([page.waitForEvent('download'), page.getByTestId('download-models').click()]);
  const file = await readFile(await download.path());
  expect((JSON.parse(file.toString('utf8')) as { format?: unknown }).format).toBe('batchnorm-lab/models');

  await page.reload();
  await lab.waitReady();
  await expect(pad.bn).toHaveAttribute('data-state', 'no-model');
  await panel.getByRole('button', { name: 'Load e2e nets' }).click();
  if (!SEVEN) throw new Error('no synthetic 7');
  await pad.draw(SEVEN.strokes);
  await expect(pad.bn).not.toHaveAttribute('data-digit', '');
  await expect(pad.plain).not.toHaveAttribute('data-digit', '');
  expect(await lab.rows().count()).toBe(0);

  // The downloaded file loads too, in a fresh page.
  await page.reload();
  await lab.waitReady();
  await page
    .getByTestId('load-model-file')
    .setInputFiles({ name: 'nets.json', mimeType: 'application/json', buffer: file });
  await pad.draw(SEVEN.strokes);
  await expect(pad.bn).not.toHaveAttribute('data-digit', '');

  // Tidy up the browser's storage for later runs.
  await panel.getByRole('button', { name: 'Delete e2e nets' }).click();
  await expect(panel.locator('[data-testid="saved-model"][data-name="e2e nets"]')).toHaveCount(0);
});

test('a file that is not a model of this app gives a clear message, and the app keeps working', async ({ page }) => {
  const lab = new LabPage(page);
  await lab.open('');
  await lab.waitReady();
  const input = page.getByTestId('load-model-file');
  await input.setInputFiles({
    name: 'garbage.json',
    mimeType: 'application/json',
    buffer: Buffer.from('this is not JSON'),
  });
  await expect(page.getByTestId('saved-models')).toContainText(/garbage\.json.*not/i);
  await input.setInputFiles({
    name: 'other.json',
    mimeType: 'application/json',
    buffer: Buffer.from(JSON.stringify({ modelTopology: {}, weightsManifest: [] })),
  });
  await expect(page.getByTestId('saved-models')).toContainText(/other\.json.*not a BatchNorm Lab model/i);
  await expect(lab.train).toBeEnabled();
});
