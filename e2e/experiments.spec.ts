// What the controls are for, end to end: experiments that change the outcome, run in the real worker.
import { expect, test } from '@playwright/test';
import { LabPage } from './labPage';
import { serializeConfig } from '../src/shared/configText';
import { PRESETS, presetConfig } from '../src/shared/presets';

function preset(id: string) {
  const found = PRESETS.find((p) => p.id === id);
  if (!found) throw new Error(`no preset ${id}`);
  return found;
}

test('at a high learning rate the plain net diverges or falls clearly behind while the BN net trains', async ({
  page,
}) => {
  const lab = new LabPage(page);
  // The high-learning-rate preset on fewer examples, so that it fits in CI.
  const config = { ...presetConfig(preset('high-lr'), 'auto'), epochs: 2, trainSize: 10_000 };
  await lab.startRun(serializeConfig(config));
  await expect(lab.train).toBeEnabled({ timeout: 170_000 });
  const bn = await lab.metric('bn', 2, 'val_accuracy');
  const plainDiverged = (await page.getByTestId('divergence-plain').count()) > 0;
  const plain = plainDiverged ? Number.NaN : await lab.metric('plain', 2, 'val_accuracy');
  console.log(`lr ${config.lr}, 2 epochs on 10,000: BN ${bn}, plain ${plainDiverged ? 'diverged' : plain}`);
  expect(bn).toBeGreaterThan(0.9);
  if (!plainDiverged) expect(bn - plain).toBeGreaterThan(0.03);
  await expect(lab.error).toHaveText('');
});

test('training one net only leaves the other out of the log and the charts', async ({ page }) => {
  const lab = new LabPage(page);
  await lab.startRun('epochs=1&train=1000&nets=bn&layers=32&act=tanh');
  await expect(lab.rows('bn')).toHaveCount(1, { timeout: 60_000 });
  await expect(lab.train).toBeEnabled();
  await expect(lab.rows('plain')).toHaveCount(0);
  await expect(lab.epochLog).toContainText('With BN (before tanh)');
  const datasets = (await lab.lossChart.getAttribute('data-datasets')) ?? '';
  expect(datasets).toContain('bn');
  expect(datasets).not.toContain('plain');
});
