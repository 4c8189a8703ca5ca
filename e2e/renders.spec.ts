// How many parts of the page a progress message re-renders. Progress arrives about four times a second for the whole
// run: it should re-render the progress display and nothing else (the live curves are drawn by Chart.js from the
// series the worker hook appends to, without React). Counts come from the tests' build (src/ui/renderCount.ts).
import { expect, test, type Page } from '@playwright/test';
import { LabPage } from './labPage';
import type { RenderCounts } from '../src/ui/renderCount';

// One long epoch: the measured window sees progress messages and no epoch end.
const QUERY = 'epochs=2&train=60000&batch=32';

/** Components a progress message may re-render. */
const PROGRESS_VIEWS = new Set(['ProgressBar']);

async function counts(page: Page): Promise<RenderCounts> {
  const read = await page.evaluate(() => window.__bnlabRenders ?? null);
  if (read === null) throw new Error('No render counts: is this the tests build (vite build --mode e2e)?');
  return read;
}

test('a progress message re-renders the progress display only', async ({ page }) => {
  const lab = new LabPage(page);
  await lab.open(QUERY);
  await lab.waitReady();
  await lab.train.click();
  await expect.poll(async () => (await counts(page)).progressMessages).toBeGreaterThanOrEqual(2);
  const before = await counts(page);
  await expect
    .poll(async () => (await counts(page)).progressMessages - before.progressMessages)
    .toBeGreaterThanOrEqual(12);
  const after = await counts(page);
  const stepText = await lab.progress.textContent();
  await lab.stop.click();

  expect(stepText, 'the window must stay inside the first epoch').toContain('Epoch 1');
  const messages = after.progressMessages - before.progressMessages;
  const perMessage: Record<string, number> = {};
  for (const [name, n] of Object.entries(after.renders)) {
    const extra = n - (before.renders[name] ?? 0);
    if (extra > 0) perMessage[name] = Number((extra / messages).toFixed(2));
  }
  test.info().annotations.push({ type: 'renders per progress message', description: JSON.stringify(perMessage) });
  console.log(`renders per progress message over ${messages} messages: ${JSON.stringify(perMessage)}`);
  expect(perMessage.ProgressBar ?? 0).toBeGreaterThan(0.5);
  expect(perMessage.ProgressBar ?? 0).toBeLessThanOrEqual(1);
  const others = Object.keys(perMessage).filter((name) => !PROGRESS_VIEWS.has(name));
  expect(others, 'components re-rendered by progress messages').toEqual([]);
});
