// Screenshots of the layout for docs/screens/: laptop (1280×800), phone (390×844, two screen heights) and tablet
// (820×1180), light and dark, idle and mid-training. `npx vite build && npx playwright test -c
// playwright.bench.config.ts screens` (`npm run docs:screens`). The tour's screenshots run its first step for real (one epoch of the recipe).
import { expect, test } from '@playwright/test';
import { LabPage } from '../e2e/labPage';
import { TourPanel } from '../e2e/tourPanel';

const SIZES = [
  { name: 'laptop', width: 1280, height: 800, screens: 1 },
  { name: 'phone', width: 390, height: 844, screens: 2 },
  { name: 'tablet', width: 820, height: 1180, screens: 1 },
] as const;

for (const size of SIZES) {
  for (const colorScheme of ['light', 'dark'] as const) {
    test(`screens: ${size.name} ${colorScheme}`, async ({ page }) => {
      test.setTimeout(5 * 60_000);
      await page.setViewportSize({ width: size.width, height: size.height });
      await page.emulateMedia({ colorScheme });
      const lab = new LabPage(page);
      await lab.open('epochs=4&train=12000&batch=64');
      await lab.waitReady();
      const clip = { x: 0, y: 0, width: size.width, height: size.height * size.screens };
      const where = await page.evaluate(() => {
        const top = (id: string) => document.querySelector(`[data-testid="${id}"]`)?.getBoundingClientRect();
        const loss = top('chart-loss');
        const acc = top('chart-accuracy');
        return {
          lossTop: Math.round((loss?.top ?? NaN) + window.scrollY),
          accuracyBottom: Math.round((acc?.bottom ?? NaN) + window.scrollY),
          page: document.documentElement.scrollHeight,
        };
      });
      console.log(
        `${size.name} ${colorScheme} idle: loss chart top y=${where.lossTop}, accuracy chart bottom y=${where.accuracyBottom}, page ${where.page} px tall`,
      );
      await page.screenshot({ path: `docs/screens/${size.name}-${colorScheme}-idle.png`, clip, fullPage: true });
      await lab.train.click();
      await expect(lab.rows()).toHaveCount(2, { timeout: 120_000 });
      await expect(lab.stop).toBeEnabled();
      // Charts off screen are not redrawn (chartFrames.ts): bring the figure into view, as a reader would, then go back.
      await lab.accuracyChart.scrollIntoViewIfNeeded();
      await page.waitForTimeout(300);
      await page.evaluate(() => window.scrollTo(0, 0));
      await page.screenshot({ path: `docs/screens/${size.name}-${colorScheme}-training.png`, clip, fullPage: true });
      await lab.stop.click();
    });
  }
}

for (const [size, colorScheme] of [
  [SIZES[0], 'light'],
  [SIZES[1], 'dark'],
] as const) {
  test(`screens: the tour on the ${size.name} (${colorScheme}), after its first step's real run`, async ({ page }) => {
    test.setTimeout(5 * 60_000);
    await page.setViewportSize({ width: size.width, height: size.height });
    await page.emulateMedia({ colorScheme });
    const lab = new LabPage(page);
    const tour = new TourPanel(page);
    await lab.open();
    await lab.waitReady();
    await tour.start.click();
    await tour.choice('bn').check();
    await tour.run.click();
    await expect(tour.result).toHaveAttribute('data-state', 'ended', { timeout: 180_000 });
    // Where the app leaves the page: on the phone the figure at the top, above the tour's bottom sheet.
    if (size.name === 'phone')
      await page.locator('section.figure').evaluate((el) => el.scrollIntoView({ block: 'start' }));
    await page.waitForTimeout(500);
    await page.screenshot({ path: `docs/screens/${size.name}-${colorScheme}-tour.png` });
  });
}
