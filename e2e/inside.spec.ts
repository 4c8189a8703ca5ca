// "Inside the BN layer", end to end: the inspectors fill in during a short run for both nets, picking another layer or
// unit redraws with the whole history, the maths panel's numbers satisfy the BN formulas, and recalibration answers.
import { expect, test } from '@playwright/test';
import { InsidePanel } from './insidePanel';
import { BN_RGB, LabPage, PLAIN_RGB } from './labPage';

// Long enough (about 10 s) for a few dozen records at the inspectors' bounded rate.
// Long enough (3 × 1,000 steps) that the run is still training when the test picks another unit: the maths panel
// shows a step's mini-batch, so a new pick is filled by the next recorded step.
const QUICK_SIGMOID = 'epochs=3&train=60000&act=sigmoid&layers=32,16&opt=sgd&lr=0.5&batch=60';

test('the inspectors fill in for both nets during a run, and another layer or unit redraws', async ({ page }) => {
  const lab = new LabPage(page);
  const inside = new InsidePanel(page);
  await lab.open(QUICK_SIGMOID);
  await lab.waitReady();
  await inside.open();
  await lab.train.click();

  await inside.waitForPoints(inside.percentiles, 6);
  for (const net of ['bn', 'plain'] as const) await inside.waitForPoints(inside.netPanel(net), 6);
  await expect.poll(() => lab.pixelsOfColour(inside.netPanel('bn'), BN_RGB)).toBeGreaterThan(20);
  await expect.poll(() => lab.pixelsOfColour(inside.netPanel('plain'), PLAIN_RGB)).toBeGreaterThan(20);
  await expect.poll(() => lab.pixelsOfColour(inside.histogram, BN_RGB)).toBeGreaterThan(20);
  await expect.poll(() => lab.pixelsOfColour(inside.histogram, PLAIN_RGB)).toBeGreaterThan(20);
  await inside.waitForPoints(inside.flow, 6);
  await inside.waitForPoints(inside.modeAccuracy, 2);
  await expect(inside.math).toHaveAttribute('data-ready', 'true');

  // Another layer: the worker answers with that layer's whole history at once.
  const points = Number(await inside.percentiles.getAttribute('data-points'));
  const before = await inside.image(inside.netPanel('plain'));
  await inside.layer.selectOption('1');
  await expect(inside.percentiles).toHaveAttribute('data-layer', '1');
  expect(Number(await inside.percentiles.getAttribute('data-points'))).toBeGreaterThanOrEqual(points);
  await expect.poll(() => inside.image(inside.netPanel('plain'))).not.toBe(before);

  // Another unit of that layer, likewise.
  const typical = await inside.percentiles.getAttribute('data-unit');
  const other = typical === '3' ? '4' : '3';
  const beforeUnit = await inside.image(inside.netPanel('plain'));
  await inside.unit.selectOption(other);
  await expect(inside.percentiles).toHaveAttribute('data-unit', other);
  expect(Number(await inside.percentiles.getAttribute('data-points'))).toBeGreaterThanOrEqual(points);
  await expect.poll(() => inside.image(inside.netPanel('plain'))).not.toBe(beforeUnit);
  await expect(inside.math).toHaveAttribute('data-ready', 'true');

  await lab.waitForEpochs(3, 150_000);
  await inside.recalibrate.click();
  await expect(inside.recalibrated).toBeVisible({ timeout: 60_000 });
  for (const attr of ['data-before', 'data-after']) {
    const v = Number(await inside.recalibrated.getAttribute(attr));
    expect(v).toBeGreaterThan(0.5);
    expect(v).toBeLessThanOrEqual(1);
  }
  await expect(lab.error).toHaveText('');
});

test('the maths panel’s numbers satisfy x̂ = (x − μ)/√(σ² + ε) and y = γx̂ + β', async ({ page }) => {
  const lab = new LabPage(page);
  const inside = new InsidePanel(page);
  await lab.open('epochs=3&train=12000');
  await lab.waitReady();
  await inside.open();
  await lab.train.click();
  await expect(inside.math).toHaveAttribute('data-ready', 'true', { timeout: 90_000 });
  // A few snapshots while γ and β move away from 1 and 0.
  for (let i = 0; i < 3; i++) {
    const m = await inside.mathSnapshot();
    expect(m.rows.length).toBeGreaterThanOrEqual(3);
    for (const v of [m.mu, m.variance, m.epsilon, m.gamma, m.beta]) expect(Number.isFinite(v)).toBe(true);
    expect(m.epsilon).toBe(0.001);
    expect(m.variance).toBeGreaterThan(0);
    for (const row of m.rows) {
      const xhat = (row.x - m.mu) / Math.sqrt(m.variance + m.epsilon);
      expect(Math.abs(row.xhat - xhat)).toBeLessThanOrEqual(1e-5 * Math.max(1, Math.abs(xhat)) * 10);
      const y = m.gamma * row.xhat + m.beta;
      expect(Math.abs(row.y - y)).toBeLessThanOrEqual(1e-5 * Math.max(1, Math.abs(y)) * 10);
    }
    await page.waitForTimeout(700);
  }
  // Layer 2 has BN too: the panel follows the pick (with the next record, while the run still trains).
  await expect(lab.stop).toBeEnabled();
  await inside.layer.selectOption('1');
  await expect.poll(async () => (await inside.math.innerText()).includes('hidden layer 2')).toBe(true);
  await expect(inside.math).toHaveAttribute('data-source', 'step');

  // After the run there is no current mini-batch: a new pick is shown on a sample batch of the trained net.
  await lab.stop.click();
  await expect(lab.train).toBeEnabled();
  await inside.layer.selectOption('0');
  await inside.unit.selectOption('7');
  await expect(inside.math).toHaveAttribute('data-source', 'sample');
  await expect.poll(async () => (await inside.math.innerText()).includes('hidden layer 1, unit 8')).toBe(true);
  const m = await inside.mathSnapshot();
  expect(m.rows.length).toBeGreaterThanOrEqual(3);
  for (const row of m.rows) {
    const xhat = (row.x - m.mu) / Math.sqrt(m.variance + m.epsilon);
    expect(Math.abs(row.xhat - xhat)).toBeLessThanOrEqual(1e-4 * Math.max(1, Math.abs(xhat)));
    expect(Math.abs(row.y - (m.gamma * row.xhat + m.beta))).toBeLessThanOrEqual(1e-4 * Math.max(1, Math.abs(row.y)));
  }
  await expect(lab.error).toHaveText('');
});

test('after a run, picking another hidden layer draws that layer’s histogram', async ({ page }) => {
  const lab = new LabPage(page);
  const inside = new InsidePanel(page);
  await lab.open('epochs=1&train=2000&batch=50&layers=32,16');
  await lab.waitReady();
  await inside.open();
  await lab.train.click();
  await expect(lab.train).toBeEnabled({ timeout: 120_000 });
  await inside.waitForPoints(inside.percentiles, 1);
  const recorded = (await inside.histogram.getAttribute('data-step')) ?? '';
  expect(recorded).not.toBe('');

  // No run in progress, so no new record will come: the worker's answer carries the new layer's histogram.
  await inside.layer.selectOption('1');
  await expect(inside.percentiles).toHaveAttribute('data-layer', '1');
  await expect.poll(() => lab.pixelsOfColour(inside.histogram, BN_RGB), { timeout: 10_000 }).toBeGreaterThan(20);
  await expect.poll(() => lab.pixelsOfColour(inside.histogram, PLAIN_RGB)).toBeGreaterThan(20);
  await expect(inside.histogram).toHaveAttribute('data-layer', '1');
  await expect(inside.histogram).toHaveAttribute('data-step', recorded);
  await inside.layer.selectOption('0');
  await expect(inside.histogram).toHaveAttribute('data-layer', '0');
  await expect(inside.histogram).toHaveAttribute('data-step', recorded);
  await expect(lab.error).toHaveText('');
});
