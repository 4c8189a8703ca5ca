// The longest main-thread task while training on the figure-first layout, at the three sizes of issue 14, with the
// guided tour open and running its first step (so the tour's reading of the run is included), and the settings open.
// Prints; asserts nothing (`npx vite build && npx playwright test -c playwright.bench.config.ts layoutLongTasks`).
import { expect, test } from '@playwright/test';
import { LabPage } from '../e2e/labPage';
import { TourPanel } from '../e2e/tourPanel';
import { longestTask, resetLongestTask, watchLongTasks } from './longTasks';

const SIZES = [
  { name: 'laptop', width: 1280, height: 800 },
  { name: 'phone', width: 390, height: 844 },
  { name: 'tablet', width: 820, height: 1180 },
] as const;

for (const size of SIZES) {
  test(`longest main-thread task while the tour's first step trains (${size.name} ${size.width}×${size.height})`, async ({
    page,
  }) => {
    test.setTimeout(10 * 60_000);
    await page.setViewportSize({ width: size.width, height: size.height });
    await watchLongTasks(page);
    const lab = new LabPage(page);
    const tour = new TourPanel(page);
    await lab.open();
    await lab.waitReady();
    const toggle = page.getByTestId('settings-toggle');
    if (await toggle.isVisible()) await toggle.click();
    await tour.start.click();
    await tour.choice('bn').check();
    // Let the page settle after load (first paint, the data's arrival), then time only the run.
    await page.waitForTimeout(1000);
    await resetLongestTask(page);
    await tour.run.click();
    await expect(tour.result).toHaveAttribute('data-state', 'ended', { timeout: 5 * 60_000 });
    const ms = await longestTask(page);
    console.log(
      `${size.name} ${size.width}×${size.height}: longest main-thread task during one epoch of the recipe (tour step 1): ${ms === 0 ? 'none over 50 ms' : `${ms.toFixed(0)} ms`}`,
    );
  });
}
