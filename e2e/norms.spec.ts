// LayerNorm, GroupNorm and RMSNorm beside BN and the plain net, end to end: one net per entry of `norms`, each with
// its rows, curves, legend name, drawing reading, confusion matrix and CSV rows; the settings and presets that ask for
// them; and a bad groups setting refused with a message.
import { readFile } from 'node:fs/promises';
import { expect, test } from '@playwright/test';
import { seriousViolations, settledMemory } from './checks';
import { DrawPad } from './drawPad';
import { GN_RGB, LabPage, LN_RGB, type Net } from './labPage';
import { syntheticDigitSet } from '../src/digit/syntheticDigits';

const EVERY: readonly Net[] = ['bn', 'plain', 'ln', 'gn', 'rms'];

test('norms=none,batch,layer,group,rms trains five nets that every panel lists', async ({ page }) => {
  test.setTimeout(300_000);
  const lab = new LabPage(page);
  await lab.startRun('norms=none,batch,layer,group,rms&epochs=1&train=2000');
  await expect(lab.rows()).toHaveCount(5, { timeout: 180_000 });
  await expect(lab.stop).toBeDisabled({ timeout: 30_000 });
  for (const net of EVERY) {
    await expect(lab.rows(net)).toHaveCount(1);
    expect(await lab.metric(net, 1, 'val_accuracy')).toBeGreaterThan(0.5);
  }
  await expect(lab.rows('ln').locator('[data-field="model"]')).toHaveText('LayerNorm (before ReLU)');
  await expect(lab.rows('gn').locator('[data-field="model"]')).toHaveText('GroupNorm (8 groups; before ReLU)');
  await expect(lab.rows('rms').locator('[data-field="model"]')).toHaveText('RMSNorm (before ReLU)');
  for (const chart of [lab.lossChart, lab.accuracyChart]) {
    await expect.poll(() => lab.pixelsOfColour(chart, LN_RGB)).toBeGreaterThan(20);
    await expect.poll(() => lab.pixelsOfColour(chart, GN_RGB)).toBeGreaterThan(20);
  }
  await expect(page.locator('.figure-key')).toContainText('■ LayerNorm (before ReLU) · ◆ GroupNorm');
  await expect(page.getByTestId('param-counts')).toContainText('RMSNorm (before ReLU): 109,578 parameters');

  // The draw pad reads with every net.
  const pad = new DrawPad(page);
  const digit = syntheticDigitSet(7)[0];
  if (!digit) throw new Error('no synthetic digit');
  await pad.draw(digit.strokes);
  for (const net of EVERY) await expect(page.getByTestId(`prediction-${net}`)).not.toHaveAttribute('data-digit', '');
  await expect(page.getByTestId('prediction-agreement')).not.toHaveText('');

  // The test-set panel has a confusion matrix per net.
  for (const net of EVERY)
    await expect(page.getByTestId(`confusion-${net}`)).toHaveAttribute('data-accuracy', /\d/, { timeout: 60_000 });

  const [csvDownload] = await Promise.all([
    page.waitForEvent('download'),
    page.getByRole('button', { name: 'Download CSV' }).click(),
  ]);
  const csv = (await readFile(await csvDownload.path(), 'utf8')).trim().split('\n');
  expect(csv.slice(1).map((line) => line.split(',')[1])).toEqual(EVERY);
  expect(await seriousViolations(page)).toEqual([]);
  const memory = await settledMemory(page);
  expect(memory.tensors).toBeGreaterThan(0);
});

test('the norms checkboxes and groups are settings like any other, in the URL and checked', async ({ page }) => {
  const lab = new LabPage(page);
  await lab.open();
  await lab.waitReady();
  await lab.openAllGroups();
  expect(await lab.fieldText('norms')).toBe('none,batch');
  await lab.setField('norms', 'none,batch,group');
  await expect(page).toHaveURL(/norms=none,batch,group/);
  await lab.setField('layers', '128,60');
  await expect(lab.fieldError('groups')).toHaveText(
    "GroupNorm's 8 groups must divide every hidden width; 60 does not divide by 8.",
  );
  await expect(lab.train).toBeDisabled();
  await lab.setField('groups', '4');
  await expect(lab.fieldError('groups')).toHaveCount(0);
  await expect(lab.train).toBeEnabled();

  await lab.open('norms=none,instance&groups=3&layers=128,64');
  await expect(lab.configProblems).toContainText('instance is not one of none, batch, layer, group, rms');

  await lab.open();
  await lab.preset('tiny-norms').click();
  await expect(page).toHaveURL(/batch=4/);
  await expect(page).toHaveURL(/norms=none,batch,layer,group/);
  await expect(lab.presetWatch).toContainText('LayerNorm and GroupNorm take their statistics from each example alone');
});

test('inside the layers: each normalization’s axis, formula and real numbers, and no modes to tell apart', async ({
  page,
}) => {
  const lab = new LabPage(page);
  await lab.open('norms=none,batch,layer,group&epochs=1&train=1000');
  await lab.waitReady();
  const inside = page.getByTestId('bn-inside');
  await inside.locator('summary').click();
  await expect(page.getByTestId('norm-formulas').locator('tr[data-net]')).toHaveCount(3);
  await expect(page.getByTestId('norm-formulas').locator('tr[data-net="ln"] [data-field="axis"]')).toContainText(
    'over the d units of each example',
  );
  await expect(page.getByTestId('modes-norms-note')).toContainText('keep no running statistics');
  await lab.train.click();
  await expect(lab.rows()).toHaveCount(4, { timeout: 120_000 });
  const maths = page.getByTestId('norm-maths');
  await expect(maths.locator('[data-net]')).toHaveCount(2);
  await expect(maths.locator('[data-net="gn"]')).toContainText('of group');
  await expect(maths.locator('[data-net="ln"] tbody tr')).toHaveCount(5);
  expect(await seriousViolations(page)).toEqual([]);
});
