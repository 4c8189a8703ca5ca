// Run history: an earlier run stays on the charts as faded curves, labelled by what differed, across a reload, and
// can be hidden and deleted.
import { expect, test } from '@playwright/test';
import { LabPage } from './labPage';
import { ResultsPage } from './resultsPage';

const TINY = 'epochs=1&train=500&batch=100';

test('run history shows a faded earlier run', async ({ page }) => {
  const lab = new LabPage(page);
  const results = new ResultsPage(page);

  // Run 1 at the default learning rate: once it ends it is kept, and marked as the run on screen.
  await lab.startRun(TINY);
  await lab.waitForEpochs(1, 90_000);
  await expect(results.historyItems).toHaveCount(1);
  await expect(results.diffLabel(results.historyItem(1))).toHaveText('on screen now');
  const first = await results.runId(results.historyItem(1));
  expect(await results.earlierIds('loss', first)).toEqual([]);

  // Run 2 with another learning rate, after a reload: run 1 is read back and drawn faded under it.
  await lab.startRun(`${TINY}&lr=0.01`);
  await lab.waitForEpochs(1, 90_000);
  await expect(results.historyItems).toHaveCount(2);
  await expect(results.historyItems.first()).toHaveAttribute('data-run-id', /.+/);
  await expect(results.diffLabel(results.historyItem(2))).toHaveText('on screen now');
  await expect(results.diffLabel(results.historyItem(1))).toHaveText('lr 0.001 (now 0.01)');
  await expect(results.historyItem(1)).toContainText(/val_accuracy With BN 0\.\d{4} · No BN 0\.\d{4}/);
  await expect
    .poll(() => results.earlierIds('accuracy', first))
    .toEqual([`earlier-${first}-bn`, `earlier-${first}-plain`]);
  await expect.poll(() => results.earlierIds('loss', first)).toHaveLength(2);
  const second = await results.runId(results.historyItem(2));
  expect(await results.earlierIds('loss', second)).toEqual([]);

  // Both runs survive a reload; with no run on screen both are drawn, each compared with the form (lr 0.01).
  await page.reload();
  await expect(results.historyItems).toHaveCount(2);
  await expect(results.diffLabel(results.historyItem(2))).toHaveText('same settings');
  await expect(results.diffLabel(results.historyItem(1))).toHaveText('lr 0.001 (now 0.01)');
  await expect.poll(() => results.earlierIds('accuracy', second)).toHaveLength(2);
  await expect.poll(() => results.earlierIds('accuracy', first)).toHaveLength(2);

  // Hiding a run takes its curves off both panels, and stays hidden after a reload.
  await results.historyItem(1).getByRole('checkbox', { name: 'Show run 1 on the charts' }).uncheck();
  await expect(results.historyItem(1)).toHaveAttribute('data-hidden', 'true');
  await expect.poll(() => results.earlierIds('accuracy', first)).toEqual([]);
  expect(await results.earlierIds('loss', first)).toEqual([]);
  await page.reload();
  await expect(results.historyItem(1)).toHaveAttribute('data-hidden', 'true');
  await expect.poll(() => results.earlierIds('accuracy', second)).toHaveLength(2);
  expect(await results.earlierIds('accuracy', first)).toEqual([]);

  // The master toggle takes every earlier run off the charts.
  await results.showEarlier.uncheck();
  await expect
    .poll(async () => (await results.datasetIds('loss')).filter((id) => id.startsWith('earlier-')))
    .toEqual([]);
  await results.showEarlier.check();
  await expect.poll(() => results.earlierIds('loss', second)).toHaveLength(2);

  // Deleting run 1 removes it for good.
  await results.historyItem(1).getByRole('button', { name: 'Delete run 1' }).click();
  await expect(results.historyItems).toHaveCount(1);
  await page.reload();
  await expect(results.historyItems).toHaveCount(1);
  await expect(results.historyItems.first()).toHaveAttribute('data-run-id', second);
});
