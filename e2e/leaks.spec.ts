// No leaks: the worker's tensor count (tf.memory(), read through the page's memory line) comes back to the same
// value after 20 runs started and stopped or finished, with the trained nets kept and predictions drawn between.
import { expect, test } from '@playwright/test';
import { settledMemory } from './checks';
import { LabPage } from './labPage';

test('20 start/stop/train-again cycles leave the tensor count and bytes where they were', async ({ page }) => {
  test.setTimeout(400_000);
  const lab = new LabPage(page);
  await lab.open('epochs=3&train=3000&batch=50&layers=32,16');
  await lab.waitReady();
  // One finished run first: its nets stay (they answer predictions), so the baseline includes one pair of nets.
  await lab.train.click();
  await lab.waitForEpochs(3, 120_000);
  await expect(lab.train).toBeEnabled();
  const baseline = await settledMemory(page);
  console.log(`baseline: ${baseline.tensors} tensors, ${baseline.bytes} bytes`);
  expect(baseline.tensors).toBeGreaterThan(0);

  for (let cycle = 1; cycle <= 20; cycle++) {
    await lab.train.click();
    if (cycle % 4 === 0) {
      await lab.waitForEpochs(3, 120_000); // some cycles run to the end
    } else {
      await expect(lab.progress).toContainText(/step/i);
      await lab.stop.click();
    }
    await expect(lab.train).toBeEnabled();
  }
  const after = await settledMemory(page);
  console.log(`after 20 cycles: ${after.tensors} tensors, ${after.bytes} bytes`);
  expect(after).toEqual(baseline);
});
