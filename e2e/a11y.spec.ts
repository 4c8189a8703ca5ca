// Accessibility: axe-core finds no serious or critical violation idle, during and after a run, in light and dark;
// every control has an accessible name; the app is usable by keyboard alone; reduced motion turns motion off.
import { expect, test, type Page } from '@playwright/test';
import { DrawPad } from './drawPad';
import { seriousViolations } from './checks';
import { LabPage } from './labPage';
import { syntheticDigitSet } from '../src/digit/syntheticDigits';

for (const colorScheme of ['light', 'dark'] as const) {
  test(`axe: no serious or critical violation idle, during and after a run (${colorScheme})`, async ({ page }) => {
    await page.emulateMedia({ colorScheme });
    const lab = new LabPage(page);
    await lab.open('epochs=2&train=3000&batch=50');
    await lab.waitReady();
    await lab.openAllGroups();
    expect(await seriousViolations(page), 'idle').toEqual([]);

    await lab.train.click();
    await expect(lab.progress).toContainText(/step/i);
    expect(await seriousViolations(page), 'during a run').toEqual([]);

    await lab.waitForEpochs(2, 120_000);
    await expect(page.getByTestId('confusion-bn')).toHaveAttribute('data-accuracy', /\d/, { timeout: 60_000 });
    expect(await seriousViolations(page), 'after a run').toEqual([]);
  });
}

test('every control has an accessible name', async ({ page }) => {
  const lab = new LabPage(page);
  await lab.open();
  await lab.waitReady();
  await lab.openAllGroups();
  const unnamed = await page.evaluate(() => {
    const controls = Array.from(
      document.querySelectorAll<HTMLElement>('button, input, select, textarea, [role="button"], canvas[tabindex]'),
    );
    return controls
      .filter((el) => {
        const labelled =
          el.getAttribute('aria-label') || el.getAttribute('aria-labelledby') || el.getAttribute('title');
        const input = el as HTMLInputElement;
        const byLabel = input.labels !== undefined && input.labels !== null && input.labels.length > 0;
        const text = el.tagName === 'BUTTON' && (el.textContent ?? '').trim().length > 0;
        return !(labelled || byLabel || text);
      })
      .map((el) => el.outerHTML.slice(0, 120));
  });
  expect(unnamed).toEqual([]);
});

/** Presses Tab until the element with this test id has the focus (as a keyboard user would). */
async function tabTo(page: Page, testId: string, maxPresses = 120): Promise<void> {
  for (let i = 0; i < maxPresses; i++) {
    if (await page.evaluate((id) => document.activeElement?.getAttribute('data-testid') === id, testId)) return;
    await page.keyboard.press('Tab');
  }
  throw new Error(`Tab never reached ${testId}`);
}

test('keyboard alone: pick a preset, train, stop, train again, clear the draw pad', async ({ page }) => {
  const lab = new LabPage(page);
  const pad = new DrawPad(page);
  await lab.open('train=2000&batch=50');
  await lab.waitReady();

  await tabTo(page, 'preset-quick');
  await page.keyboard.press('Enter');
  await expect(lab.presetWatch).toBeVisible();
  await expect(lab.field('epochs')).toHaveValue('1');
  // Back to a tiny run, typed into the field from the keyboard.
  await lab.field('trainSize').focus();
  await page.keyboard.press('ControlOrMeta+a');
  await page.keyboard.type('2000');

  await tabTo(page, 'train-button');
  await page.keyboard.press('Enter');
  await expect(lab.progress).toContainText(/step/i);
  await page.keyboard.press('Tab');
  await expect(lab.stop).toBeFocused();
  await page.keyboard.press('Space');
  await expect(lab.train).toBeEnabled();

  await tabTo(page, 'train-button');
  await page.keyboard.press('Space');
  await lab.waitForEpochs(1, 120_000);

  const seven = syntheticDigitSet(3).find((d) => d.label === 7 && d.variant === 'centred');
  if (!seven) throw new Error('no synthetic 7');
  await pad.draw(seven.strokes);
  await expect(pad.bn).not.toHaveAttribute('data-digit', '');
  await tabTo(page, 'clear-drawing');
  await page.keyboard.press('Enter');
  await expect(pad.bn).toHaveAttribute('data-digit', '');
});

/** Elements that would move: a transition or an animation longer than a frame. */
function moving(page: Page): Promise<string[]> {
  return page.evaluate(() =>
    Array.from(document.querySelectorAll<HTMLElement>('*'))
      .filter((el) => {
        const s = getComputedStyle(el);
        const durations = `${s.transitionDuration},${s.animationDuration}`.split(',').map((d) => parseFloat(d) || 0);
        return durations.some((d) => d > 0.011);
      })
      .map((el) => el.className || el.tagName),
  );
}

test('reduced motion: no transitions or animations anywhere (there are some otherwise)', async ({ page }) => {
  const lab = new LabPage(page);
  await lab.open();
  await lab.waitReady();
  await page.emulateMedia({ reducedMotion: 'no-preference' });
  expect((await moving(page)).length).toBeGreaterThan(0);
  await page.emulateMedia({ reducedMotion: 'reduce' });
  expect(await moving(page)).toEqual([]);
});
