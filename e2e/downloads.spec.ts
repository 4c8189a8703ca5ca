// The figure and the history leave the page as files: a PNG of both panels and a CSV of the epoch log.
import { readFile } from 'node:fs/promises';
import { expect, test } from '@playwright/test';
import { LabPage } from './labPage';

test('Download CSV holds the epoch log, and Download PNG a picture of the figure', async ({ page }) => {
  const lab = new LabPage(page);
  await lab.startRun('epochs=1&train=1000');
  await lab.waitForEpochs(1, 60_000);

  const [csvDownload] = await Promise.all([
    page.waitForEvent('download'),
    page.getByRole('button', { name: 'Download CSV' }).click(),
  ]);
  const csv = (await readFile(await csvDownload.path(), 'utf8')).trim().split('\n');
  expect(csv[0]).toBe('epoch,model,loss,accuracy,val_loss,val_accuracy,seconds,seed,name');
  expect(csv).toHaveLength(3);
  const bnRow = csv.find((line) => line.startsWith('1,bn,'))?.split(',') ?? [];
  expect(Number(bnRow[5])).toBeCloseTo(await lab.metric('bn', 1, 'val_accuracy'), 3);

  const [pngDownload] = await Promise.all([
    page.waitForEvent('download'),
    page.getByRole('button', { name: 'Download PNG' }).click(),
  ]);
  expect(pngDownload.suggestedFilename()).toMatch(/\.png$/);
  const png = await readFile(await pngDownload.path());
  expect(Array.from(png.subarray(1, 4))).toEqual([0x50, 0x4e, 0x47]); // "PNG"
  expect(png.byteLength).toBeGreaterThan(10_000);
});
