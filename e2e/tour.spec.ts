// The guided tour: opens from its button, has at least five steps, asks for a prediction before it runs, runs the
// step's experiment on the live app (cut short by the test switch debug-tour-short=1), and shows this run's numbers
// (the ones in the epoch log) beside the prediction; next, previous, close and Escape; keyboard alone.
import { expect, test } from '@playwright/test';
import { LabPage } from './labPage';
import { TourPanel } from './tourPanel';

test('the tour: predict, run the blog recipe, read this run’s numbers beside the prediction, then move and close', async ({
  page,
}) => {
  const lab = new LabPage(page);
  const tour = new TourPanel(page);
  await lab.open('debug-tour-short=1');
  await lab.waitReady();

  await tour.start.click();
  await expect(tour.root).toBeVisible();
  expect(await tour.steps()).toBeGreaterThanOrEqual(5);
  expect(await tour.step()).toBe(1);
  await expect(tour.heading).toBeFocused();
  await expect(tour.heading).toHaveText('The blog recipe');

  // Nothing runs before a prediction.
  await expect(tour.run).toBeDisabled();
  await tour.choice('bn').check();
  await expect(tour.run).toBeEnabled();
  await tour.run.click();

  // The run is the step's preset (shortened by the test switch): the form shows it, and the run trains.
  await expect(lab.field('epochs')).toHaveValue('1');
  await expect(lab.field('trainSize')).toHaveValue('2000');
  await lab.waitForEpochs(1, 120_000);
  await expect(tour.result).toHaveAttribute('data-state', 'ended', { timeout: 60_000 });

  // The numbers are this run's: the epoch log's validation accuracies, and the verdict names the prediction.
  const bn = await lab.epochLog.locator('tr[data-model="bn"][data-epoch="1"] [data-field="val_accuracy"]').innerText();
  const plain = await lab.epochLog
    .locator('tr[data-model="plain"][data-epoch="1"] [data-field="val_accuracy"]')
    .innerText();
  await expect(tour.measured).toContainText(bn.trim());
  await expect(tour.measured).toContainText(plain.trim());
  await expect(tour.result).toContainText('You predicted “With BN is ahead”; the run measured');
  // The prediction stays the learner's and the figure is not covered by the tour.
  await expect(tour.choice('bn')).toBeChecked();
  const card = await tour.root.boundingBox();
  const figure = await lab.accuracyChart.boundingBox();
  if (!card || !figure) throw new Error('no boxes');
  expect(card.x).toBeGreaterThanOrEqual(figure.x + figure.width);

  // The pointer into the inspectors brings the epoch log into view.
  await tour.inspect.click();
  await expect(lab.epochLog).toBeInViewport();

  await tour.next.click();
  expect(await tour.step()).toBe(2);
  await expect(tour.heading).toHaveText('A high learning rate');
  await expect(tour.run).toBeDisabled();
  await tour.prev.click();
  expect(await tour.step()).toBe(1);
  // Step 1 still holds its prediction and its run's numbers.
  await expect(tour.choice('bn')).toBeChecked();
  await expect(tour.measured).toContainText(bn.trim());

  await page.keyboard.press('Escape');
  await expect(tour.root).toHaveCount(0);
  await expect(tour.start).toBeFocused();
  await tour.start.click();
  await expect(tour.root).toBeVisible();
  await tour.close.click();
  await expect(tour.root).toHaveCount(0);
});

test('the tour’s train-vs-inference step reads the BN layer’s two modes from the run, by keyboard alone', async ({
  page,
}) => {
  const lab = new LabPage(page);
  const tour = new TourPanel(page);
  await lab.open('debug-tour-short=1');
  await lab.waitReady();
  await tour.start.focus();
  await page.keyboard.press('Enter');
  await expect(tour.heading).toBeFocused();
  for (let i = 1; i < 5; i++) {
    await tour.next.focus();
    await page.keyboard.press('Enter');
  }
  expect(await tour.step()).toBe(5);
  await expect(tour.heading).toHaveText('Training mode vs inference mode');
  await tour.choice('train').focus();
  await page.keyboard.press('Space');
  await expect(tour.choice('train')).toBeChecked();
  await tour.run.focus();
  await page.keyboard.press('Enter');
  // The step opens the inspectors so they record the two modes during the run.
  await expect(page.getByTestId('bn-inside')).toHaveAttribute('open', '');
  await lab.waitForEpochs(1, 120_000);
  await expect(tour.result).toHaveAttribute('data-state', 'ended', { timeout: 60_000 });
  await expect(tour.measured).toContainText(
    /At step \d+ the BN net scored \d+\.\d% in training mode and \d+\.\d% in inference mode/,
  );
  await expect(tour.result).toContainText('You predicted “Training mode (batch statistics)”; the run measured');
  await expect(page.getByTestId('bn-modes')).toHaveAttribute('data-points', /[1-9]/);
});
