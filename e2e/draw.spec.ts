// Draw a digit with the mouse and watch both nets read it: after a short real training run, in the real worker.
import { expect, test } from '@playwright/test';
import { DrawPad } from './drawPad';
import { LabPage } from './labPage';
import { syntheticDigitSet } from '../src/digit/syntheticDigits';

test('digits drawn with the mouse are read by both nets; Clear removes the reading', async ({ page }) => {
  // Ten digits stroke by stroke after a 2-epoch run: 1.8 min on a quiet 2-core machine, 2.4–2.8 min under load.
  test.setTimeout(360_000);
  const lab = new LabPage(page);
  const pad = new DrawPad(page);
  await lab.open('epochs=2&train=12000&batch=64');
  await lab.waitReady();
  await expect(pad.bn).toHaveAttribute('data-digit', '');
  await lab.train.click();
  await lab.waitForEpochs(2, 170_000);
  await expect(lab.train).toBeEnabled();

  // One drawing of each digit, centred, in its first style.
  const centred = syntheticDigitSet(7)
    .filter((d) => d.variant === 'centred')
    .filter((d, i, all) => all.findIndex((e) => e.label === d.label) === i);
  const read: string[] = [];
  let correct = 0;
  for (const digit of centred) {
    await pad.draw(digit.strokes);
    await expect(pad.bn).not.toHaveAttribute('data-digit', '');
    await expect(pad.plain).not.toHaveAttribute('data-digit', '');
    // Let the throttled reading of the finished drawing arrive.
    await page.waitForTimeout(400);
    const got = await pad.digit('bn');
    const confidence = Number(await pad.bn.getAttribute('data-confidence'));
    expect(confidence).toBeGreaterThan(0);
    expect(confidence).toBeLessThanOrEqual(1);
    read.push(`${digit.label}→${got}`);
    if (got === String(digit.label)) correct += 1;
    await pad.clear.click();
    await expect(pad.bn).toHaveAttribute('data-digit', '');
    await expect(pad.plain).toHaveAttribute('data-digit', '');
  }
  console.log(`BN net read ${correct} of ${centred.length} centred digits drawn with the mouse: ${read.join(' ')}`);
  expect(centred.length).toBeGreaterThanOrEqual(10);
  // Chance is 10%; the BN net after 2 epochs on 12,000 examples should read most of them.
  expect(correct / centred.length).toBeGreaterThan(0.6);

  await expect(pad.clear).toBeDisabled();
});
