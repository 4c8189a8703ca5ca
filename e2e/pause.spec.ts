// Pause / Resume / Step and slow motion, end to end in the real worker: a paused run trains nothing, each Step trains
// exactly one mini-batch (the progress, the running curve and the BN maths panel follow), Resume goes on, Space
// toggles, Stop ends a paused run, and nothing leaks. Then the figure's hover readout.
import { expect, test, type Locator, type Page } from '@playwright/test';
import { InsidePanel } from './insidePanel';
import { settledMemory } from './checks';
import { LabPage } from './labPage';

// 200 steps an epoch: a few seconds at full speed, so the test pauses it well before its end. The stall watch is
// shortened to 3 s: a pause is silent on purpose and must not be taken for a stuck run.
const QUERY = 'epochs=3&train=6400&batch=32&debug-stall-ms=3000';

function controls(page: Page) {
  return {
    pause: page.getByTestId('pause-button'),
    step: page.getByTestId('step-button'),
    speed: page.getByTestId('speed-select'),
  };
}

async function dataStep(progress: Locator): Promise<number> {
  return Number((await progress.getAttribute('data-step')) ?? Number.NaN);
}

test('Pause holds the run, Step trains exactly one mini-batch, Resume goes on, Stop ends a paused run', async ({
  page,
}) => {
  const lab = new LabPage(page);
  const inside = new InsidePanel(page);
  const { pause, step, speed } = controls(page);
  await lab.open(QUERY);
  await lab.waitReady();
  await expect(pause).toBeDisabled();
  await expect(step).toBeDisabled();

  // Slow motion first: the run advances a few steps a second.
  await speed.selectOption('10');
  await lab.train.click();
  await expect.poll(() => dataStep(lab.progress)).toBeGreaterThanOrEqual(3);
  await expect(lab.progress).toContainText('slow motion, 10 steps/s');
  await expect(step).toBeDisabled();

  // Full speed, then Pause while it trains.
  await speed.selectOption('full');
  await pause.click();
  await expect(pause).toHaveAttribute('aria-pressed', 'true');
  await expect(pause).toHaveText('Resume');
  await expect(step).toBeEnabled();
  await expect(lab.progress).toContainText('Paused · Epoch');
  const held = await dataStep(lab.progress);
  expect(held).toBeGreaterThan(0);
  expect(held).toBeLessThan(600);
  await page.waitForTimeout(4000);
  expect(await dataStep(lab.progress)).toBe(held);
  await expect(page.getByTestId('worker-fault')).toHaveCount(0);

  // The inspectors, opened while paused, record the very next step.
  await inside.open();
  const lossBefore = await inside.image(lab.lossChart);
  await step.click();
  await expect.poll(() => dataStep(lab.progress)).toBe(held + 1);
  await expect(inside.math).toHaveAttribute('data-step', String(held + 1));
  await expect(inside.math).toHaveAttribute('data-source', 'step');
  const first = await inside.mathSnapshot();
  // The running curve grew by one point.
  await expect.poll(() => inside.image(lab.lossChart)).not.toBe(lossBefore);

  await step.click();
  await expect.poll(() => dataStep(lab.progress)).toBe(held + 2);
  await expect(inside.math).toHaveAttribute('data-step', String(held + 2));
  const second = await inside.mathSnapshot();
  expect(second.mu).not.toBe(first.mu);
  await expect(lab.progress).toContainText(`step ${((held + 1) % 200) + 1}/200`);
  await page.waitForTimeout(1000);
  expect(await dataStep(lab.progress)).toBe(held + 2);
  await expect(pause).toHaveAttribute('aria-pressed', 'true');

  // Resume, in slow motion so that the run is surely still going when Space pauses it again.
  await speed.selectOption('10');
  await pause.click();
  await expect(pause).toHaveAttribute('aria-pressed', 'false');
  await expect(step).toBeDisabled();
  await expect.poll(() => dataStep(lab.progress)).toBeGreaterThan(held + 10);

  // Space pauses when no control has the focus; Stop ends the paused run.
  await page.evaluate(() =>
    document.activeElement instanceof HTMLElement ? document.activeElement.blur() : undefined,
  );
  await page.keyboard.press(' ');
  await expect(pause).toHaveAttribute('aria-pressed', 'true');
  const stoppedAt = await dataStep(lab.progress);
  await lab.stop.click();
  await expect(lab.train).toBeEnabled();
  await expect(lab.progress).toContainText('Stopped');
  await expect(pause).toBeDisabled();
  await expect(pause).toHaveAttribute('aria-pressed', 'false');
  await expect(step).toBeDisabled();
  expect(await dataStep(lab.progress)).toBe(stoppedAt);
  await expect(lab.error).toHaveText('');
});

test('pausing, stepping and stopping leave the tensor count and bytes where they were', async ({ page }) => {
  const lab = new LabPage(page);
  const inside = new InsidePanel(page);
  const { pause, step, speed } = controls(page);
  await lab.open('epochs=2&train=3000&batch=50&layers=32,16');
  await lab.waitReady();
  await inside.open();
  // One finished run first: its nets (and the inspectors' history) stay, so the baseline includes them.
  await lab.train.click();
  await lab.waitForEpochs(2, 120_000);
  await expect(lab.train).toBeEnabled();
  const baseline = await settledMemory(page);

  // These nets train in a blink: slow motion makes sure every run is still going when it is paused.
  await speed.selectOption('10');
  for (let cycle = 0; cycle < 3; cycle++) {
    await lab.train.click();
    await expect(pause).toBeEnabled();
    await pause.click();
    await expect(pause).toHaveAttribute('aria-pressed', 'true');
    const at = await dataStep(lab.progress);
    for (let i = 1; i <= 3; i++) {
      await step.click();
      await expect.poll(() => dataStep(lab.progress)).toBe(at + i);
    }
    if (cycle === 1) {
      // Resume (slower still), then pause again.
      await speed.selectOption('2');
      await pause.click();
      await expect(pause).toHaveAttribute('aria-pressed', 'false');
      await expect.poll(() => dataStep(lab.progress)).toBeGreaterThan(at + 3);
      await pause.click();
      await expect(pause).toHaveAttribute('aria-pressed', 'true');
      await speed.selectOption('10');
    }
    await lab.stop.click();
    await expect(lab.train).toBeEnabled();
  }
  expect(await settledMemory(page)).toEqual(baseline);
});

test('hovering the figure reads out every net’s value there and the difference, by epoch and by step', async ({
  page,
}) => {
  const lab = new LabPage(page);
  for (const query of ['epochs=2&train=2000&batch=50', 'epochs=2&train=2000&batch=50&x=steps']) {
    await lab.startRun(query);
    await lab.waitForEpochs(2, 120_000);
    await expect(lab.train).toBeEnabled();
    for (const chart of [lab.lossChart, lab.accuracyChart]) {
      await chart.scrollIntoViewIfNeeded();
      const canvas = chart.locator('canvas');
      const box = await canvas.boundingBox();
      if (!box) throw new Error('the chart has no box');
      const tooltip = chart.getByTestId('chart-tooltip');
      // Near the right end (the last epoch's points) and in the middle (epoch 1's end or the running curve).
      for (const fx of [0.9, 0.5]) {
        await page.mouse.move(box.x + box.width * fx, box.y + box.height * 0.45);
        await expect(tooltip).toBeVisible();
        await expect(tooltip).toContainText(/^(Epoch|Step) /);
        await expect(tooltip).toContainText('With BN');
        await expect(tooltip).toContainText('No BN');
        await expect(tooltip).toContainText(/With BN − No BN( \([a-z ]+\))?: [+−]?\d\.\d{4}/);
      }
      await page.mouse.move(0, 0);
      await expect(tooltip).toBeHidden();
    }
  }
});
