// Regenerates the README's screenshot (docs/screenshot.png) from a short real run: `npm run docs:screenshot`. The first
// screen only (the run bar, the figure and the settings beside it): what a newcomer sees; docs/screens has the rest.
import { test } from '@playwright/test';
import { LabPage } from '../e2e/labPage';

test('README screenshot', async ({ page }) => {
  test.setTimeout(10 * 60_000);
  await page.setViewportSize({ width: 1280, height: 900 });
  const lab = new LabPage(page);
  await lab.startRun('epochs=4&train=12000&batch=64');
  await lab.waitForEpochs(4, 8 * 60_000);
  await page.screenshot({ path: 'docs/screenshot.png' });
});
