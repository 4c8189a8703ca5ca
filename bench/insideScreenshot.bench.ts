// The BN paper's Figure 1, live, on the paper preset: a few hundred steps with the inspectors open, then screenshots
// of "Inside the BN layer" for hidden layers 1 and 3 (docs/inside-layer1.png, docs/inside-layer3.png).
// `npm run docs:inside` (INSIDE_STEPS, default 800).
import { expect, test } from '@playwright/test';
import { InsidePanel } from '../e2e/insidePanel';
import { LabPage } from '../e2e/labPage';

const STEPS = Number(process.env.INSIDE_STEPS ?? 800);

test('Figure 1 on the paper preset', async ({ page }) => {
  test.setTimeout(15 * 60_000);
  // As tall as the section: charts off screen are not redrawn (ui/charts/chartFrames.ts), and the screenshots below
  // take the whole section.
  await page.setViewportSize({ width: 1280, height: 2000 });
  const lab = new LabPage(page);
  const inside = new InsidePanel(page);
  await lab.open();
  await lab.waitReady();
  await lab.preset('paper').click();
  await inside.open();
  await lab.train.click();
  await expect
    .poll(async () => Number((await inside.percentiles.getAttribute('data-last-step')) || 0), { timeout: 10 * 60_000 })
    .toBeGreaterThanOrEqual(STEPS);
  await lab.stop.click();
  await expect(lab.stop).toBeDisabled();
  await inside.section.screenshot({ path: 'docs/inside-layer1.png' });
  await inside.layer.selectOption('2');
  await expect(inside.percentiles).toHaveAttribute('data-layer', '2');
  // One frame for the charts of the newly picked layer.
  await page.waitForTimeout(500);
  await inside.section.screenshot({ path: 'docs/inside-layer3.png' });
  console.log(
    `steps recorded: ${await inside.percentiles.getAttribute('data-points')} points, last step ${await inside.percentiles.getAttribute('data-last-step')}`,
  );
});
