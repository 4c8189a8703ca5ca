// Several seeds trained together in the real worker (src/core/seedsRun.ts): the progress line says so, every seed
// logs every epoch, the band is drawn while they train, the summary and the CSV cover every seed, and the trained
// nets are saved like a one-seed run's. On WebGL (software here), where the seeds train together by default; WASM
// trains them one after another (experiment.ts, seedsTogetherByDefault).
import { readFile } from 'node:fs/promises';
import { expect, test } from '@playwright/test';
import { InsidePanel } from './insidePanel';
import { LabPage } from './labPage';
import { ResultsPage } from './resultsPage';

test('three seeds train at once: every seed logged, the band drawn, the nets saved', async ({ page }) => {
  const lab = new LabPage(page);
  const results = new ResultsPage(page);
  await lab.startRun('backend=webgl&seeds=3&epochs=2&train=2000&batch=50');
  await expect(page.getByTestId('progress')).toContainText('All 3 seeds at once', { timeout: 60_000 });
  // After epoch 1 of every seed, before the run ends: the band is on the charts already.
  await expect(lab.rows()).toHaveCount(6, { timeout: 150_000 });
  await expect
    .poll(async () => (await results.datasetIds('loss')).filter((id) => id.includes('band')).length)
    .toBeGreaterThan(0);

  await expect(lab.train).toBeEnabled({ timeout: 150_000 });
  await expect(lab.rows()).toHaveCount(12);
  for (const seed of ['0', '1', '2']) {
    await expect(lab.epochLog.locator(`tr[data-model][data-seed="${seed}"]`)).toHaveCount(4);
  }
  await expect(results.seedSummary).toBeVisible();
  // Different seeds, different nets: the three seeds' epoch-2 val_accuracy are not all equal.
  const acc = await lab.epochLog
    .locator('tr[data-model="bn"][data-epoch="2"] [data-field="val_accuracy"]')
    .allInnerTexts();
  expect(acc).toHaveLength(3);
  expect(new Set(acc).size).toBeGreaterThan(1);
  for (const a of acc) expect(Number(a)).toBeGreaterThan(0.8);

  const [csv] = await Promise.all([
    page.waitForEvent('download'),
    page.getByRole('button', { name: 'Download CSV' }).click(),
  ]);
  const lines = (await readFile(await csv.path(), 'utf8')).trim().split('\n');
  expect(lines).toHaveLength(1 + 12);

  // The nets that answer after the run are an ordinary trained pair: they save.
  const panel = page.getByTestId('saved-models');
  await panel.getByRole('textbox').fill('three seeds');
  await page.getByTestId('save-models').click();
  await expect(panel.locator('[data-testid="saved-model"][data-name="three seeds"]')).toBeVisible();
  await expect(lab.error).toHaveText('');
});

test('the BN inspectors record seed 0 while the seeds train together', async ({ page }) => {
  const lab = new LabPage(page);
  const inside = new InsidePanel(page);
  await lab.open('backend=webgl&seeds=2&epochs=1&train=6000&act=sigmoid&layers=32,16&opt=sgd&lr=0.5&batch=60');
  await lab.waitReady();
  await inside.open();
  // Slow motion: every step is recorded (software WebGL makes records dear, so the time budget allows few at speed).
  await page.getByTestId('speed-select').selectOption('10');
  await lab.train.click();
  await inside.waitForPoints(inside.percentiles, 3);
  for (const net of ['bn', 'plain'] as const) await inside.waitForPoints(inside.netPanel(net), 3);
  await inside.waitForPoints(inside.flow, 3);
  await page.getByTestId('speed-select').selectOption('full');
  await expect(inside.math).toHaveAttribute('data-ready', 'true');
  await expect(lab.rows()).toHaveCount(4, { timeout: 150_000 });
  await expect(lab.error).toHaveText('');
});
