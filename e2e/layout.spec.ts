// The figure-first layout at the three sizes of issue 14: laptop 1280×800 (Train and both panels of the figure without
// scrolling), phone 390×844 (one column, no sideways overflow, fields ≥ 120 px, tap targets ≥ 44 px, the figure within
// two screen heights) and tablet 820×1180 (two columns), idle and mid-run, and axe-clean in light and dark.
import { expect, test, type Locator, type Page } from '@playwright/test';
import { seriousViolations } from './checks';
import { LabPage } from './labPage';

const LAPTOP = { width: 1280, height: 800 };
const PHONE = { width: 390, height: 844 };
const TABLET = { width: 820, height: 1180 };
const QUERY = 'epochs=3&train=6000&batch=64';

async function box(locator: Locator): Promise<{ x: number; y: number; width: number; height: number }> {
  const b = await locator.boundingBox();
  if (b === null) throw new Error(`${locator.toString()} has no box`);
  // Page coordinates (boundingBox is relative to the viewport).
  const scrollY = await locator.page().evaluate(() => window.scrollY);
  return { ...b, y: b.y + scrollY };
}

/** Ready, and the backend badge filled in: its reason arrives after the data and can move what is below it. */
async function settled(lab: LabPage): Promise<void> {
  await lab.waitReady();
  await expect(lab.backend).toContainText(/wasm|webgl|cpu/, { timeout: 60_000 });
}

/** Several boxes read in one go, so a layout change between two reads cannot skew a comparison. */
async function boxes(
  page: Page,
  testIds: string[],
): Promise<Array<{ x: number; y: number; width: number; height: number }>> {
  return page.evaluate((ids) => {
    return ids.map((id) => {
      const r = document.querySelector(`[data-testid="${id}"]`)?.getBoundingClientRect();
      if (!r) throw new Error(`no ${id}`);
      return { x: r.x, y: r.y + window.scrollY, width: r.width, height: r.height };
    });
  }, testIds);
}

async function noSidewaysOverflow(page: Page): Promise<void> {
  const { scroll, inner } = await page.evaluate(() => ({
    scroll: document.documentElement.scrollWidth,
    inner: window.innerWidth,
  }));
  expect(scroll, 'page wider than the screen').toBeLessThanOrEqual(inner);
}

/** Visible elements of a kind whose box fails a test, described for the failure message. */
async function offenders(page: Page, selector: string, test: 'field-width' | 'tap-target'): Promise<string[]> {
  return page.evaluate(
    ([sel, kind]) => {
      const out: string[] = [];
      for (const el of Array.from(document.querySelectorAll<HTMLElement>(sel))) {
        const style = getComputedStyle(el);
        const r = el.getBoundingClientRect();
        if (r.width === 0 || r.height === 0 || style.visibility === 'hidden' || el.closest('.visually-hidden'))
          continue;
        // A checkbox or radio is hit through its labels too: the largest of them and the box is the target.
        const input = el as HTMLInputElement;
        const hits =
          input.type === 'checkbox' || input.type === 'radio' ? [el, ...Array.from(input.labels ?? [])] : [el];
        const t = hits
          .map((h) => h.getBoundingClientRect())
          .reduce((a, b) => (b.width * b.height > a.width * a.height ? b : a));
        const name = `${el.tagName.toLowerCase()}${el.id ? `#${el.id}` : ''}${el.className ? `.${String(el.className).split(' ').join('.')}` : ''}${(el as HTMLInputElement).type ? `(${(el as HTMLInputElement).type})` : ''}${el.dataset.testid ? `[${el.dataset.testid}]` : ''} "${(el.textContent ?? '').trim().slice(0, 30)}"`;
        if (kind === 'field-width' && r.width < 120) out.push(`${name}: ${Math.round(r.width)} px wide`);
        if (kind === 'tap-target' && (t.height < 44 || t.width < 44))
          out.push(`${name}: ${Math.round(t.width)}×${Math.round(t.height)}`);
      }
      return out;
    },
    [selector, test] as const,
  );
}

test('laptop 1280×800: Train and both panels of the figure on the first screen, idle and mid-run', async ({ page }) => {
  await page.setViewportSize(LAPTOP);
  const lab = new LabPage(page);
  await lab.open(QUERY);
  await settled(lab);
  const onFirstScreen = async () => {
    for (const el of [lab.train, lab.lossChart, lab.accuracyChart]) {
      const b = await box(el);
      expect(b.y, `${el.toString()} top`).toBeGreaterThanOrEqual(0);
      expect(b.y + b.height, `${el.toString()} bottom`).toBeLessThanOrEqual(LAPTOP.height);
      expect(b.x + b.width).toBeLessThanOrEqual(LAPTOP.width);
    }
  };
  await onFirstScreen();
  // The settings sit beside the figure, not above it.
  const settings = await box(page.locator('#settings-sheet'));
  const figure = await box(page.locator('section.figure'));
  expect(settings.x).toBeGreaterThanOrEqual(figure.x + figure.width);
  expect(settings.y).toBeLessThan(figure.y + figure.height);
  await expect(page.getByTestId('settings-toggle')).toBeHidden();
  await noSidewaysOverflow(page);

  await lab.train.click();
  await expect(lab.progress).toContainText(/samples\/s/);
  await onFirstScreen();
  await lab.waitForEpochs(1, 120_000);
  await onFirstScreen();
});

test('phone 390×844: one column, no sideways overflow, fields ≥ 120 px, tap targets ≥ 44 px, figure within two screens', async ({
  page,
}) => {
  await page.setViewportSize(PHONE);
  const lab = new LabPage(page);
  await lab.open(QUERY);
  await settled(lab);
  await noSidewaysOverflow(page);

  // The figure: both panels, stacked, within the first two screen heights.
  const [loss, accuracy] = await boxes(page, ['chart-loss', 'chart-accuracy']);
  if (!loss || !accuracy) throw new Error('no chart boxes');
  expect(accuracy.y).toBeGreaterThanOrEqual(loss.y + loss.height);
  expect(Math.abs(accuracy.x - loss.x)).toBeLessThan(2);
  expect(accuracy.y + accuracy.height, 'figure bottom').toBeLessThanOrEqual(2 * PHONE.height);
  // Train is on the first screen.
  const train = await box(lab.train);
  expect(train.y + train.height).toBeLessThanOrEqual(PHONE.height);

  // The settings are a folded sheet until asked for.
  const toggle = page.getByTestId('settings-toggle');
  await expect(page.locator('#settings-sheet')).toBeHidden();
  await expect(toggle).toHaveAttribute('aria-expanded', 'false');
  await toggle.click();
  await expect(toggle).toHaveAttribute('aria-expanded', 'true');
  await expect(lab.field('lr')).toBeVisible();
  await lab.openAllGroups();
  await page.locator('details[data-testid="bn-inside"] > summary').click();
  await noSidewaysOverflow(page);
  // One column: the settings sheet and the figure span the same width.
  const sheet = await box(page.locator('#settings-sheet'));
  const figure = await box(page.locator('section.figure'));
  expect(Math.abs(sheet.width - figure.width)).toBeLessThan(2);

  expect(
    await offenders(
      page,
      'input:not([type="checkbox"]):not([type="radio"]):not([type="range"]):not([type="file"]), select',
      'field-width',
    ),
  ).toEqual([]);
  expect(await offenders(page, 'button, input, select, summary, a, [role="button"]', 'tap-target')).toEqual([]);

  await lab.train.click();
  await lab.waitForEpochs(1, 120_000);
  await noSidewaysOverflow(page);
});

test('tablet 820×1180: two columns (the figure’s panels side by side), settings in a sheet', async ({ page }) => {
  await page.setViewportSize(TABLET);
  const lab = new LabPage(page);
  await lab.open(QUERY);
  await settled(lab);
  await noSidewaysOverflow(page);
  const [loss, accuracy] = await boxes(page, ['chart-loss', 'chart-accuracy']);
  if (!loss || !accuracy) throw new Error('no chart boxes');
  expect(Math.abs(accuracy.y - loss.y)).toBeLessThan(2);
  expect(accuracy.x).toBeGreaterThanOrEqual(loss.x + loss.width);
  expect(accuracy.y + accuracy.height).toBeLessThanOrEqual(TABLET.height);
  await page.getByTestId('settings-toggle').click();
  await expect(lab.field('lr')).toBeVisible();
  // The sheet lays the fields out in several columns.
  const [lr, batch] = await page.evaluate(() =>
    ['#setting-lr', '#setting-batchSize'].map((sel) => {
      const r = document.querySelector(sel)?.getBoundingClientRect();
      return { x: r?.x ?? NaN, y: r?.y ?? NaN };
    }),
  );
  if (!lr || !batch) throw new Error('no field boxes');
  expect(Math.abs(lr.y - batch.y) < 2 || Math.abs(lr.x - batch.x) > 100).toBe(true);
  await noSidewaysOverflow(page);
});

for (const size of [LAPTOP, PHONE, TABLET]) {
  for (const colorScheme of ['light', 'dark'] as const) {
    test(`axe at ${size.width}×${size.height} (${colorScheme}): settings and tour open, idle, mid-run and after`, async ({
      page,
    }) => {
      await page.setViewportSize(size);
      await page.emulateMedia({ colorScheme });
      const lab = new LabPage(page);
      await lab.open(QUERY);
      await lab.waitReady();
      const toggle = page.getByTestId('settings-toggle');
      if (await toggle.isVisible()) await toggle.click();
      await lab.openAllGroups();
      expect(await seriousViolations(page), 'idle').toEqual([]);
      await page.getByTestId('tour-start').click();
      await expect(page.getByTestId('tour')).toBeVisible();
      await lab.train.click();
      await expect(lab.progress).toContainText(/samples\/s/);
      expect(await seriousViolations(page), 'mid-run, tour open').toEqual([]);
      // After the run the test-set panel fills in (its matrices scroll sideways on a phone).
      await lab.waitForEpochs(3, 120_000);
      await expect(page.getByTestId('confusion-bn')).toHaveAttribute('data-accuracy', /\d/, { timeout: 60_000 });
      expect(await seriousViolations(page), 'after a run').toEqual([]);
    });
  }
}

test('five nets: the header says so, and the draw pad’s readings stay compact on a laptop and a phone', async ({
  page,
}) => {
  const lab = new LabPage(page);
  await lab.open('norms=none,batch,layer,group,rms&epochs=1&train=2000');
  await expect(page.getByTestId('lede')).toContainText('Five MNIST networks, one per normalization');
  await lab.waitReady();
  // The readings are of the nets that answer: the five, once trained.
  await lab.train.click();
  await expect(lab.rows()).toHaveCount(5, { timeout: 120_000 });
  for (const size of [LAPTOP, PHONE]) {
    await page.setViewportSize(size);
    for (const colorScheme of ['light', 'dark'] as const) {
      await page.emulateMedia({ colorScheme });
      const cards = page.locator('.prediction-pair .prediction');
      await expect(cards).toHaveCount(5);
      const [readings] = await boxes(page, ['draw-readings']);
      if (!readings) throw new Error('no readings box');
      // Five cards of ten horizontal bars were 1,100 px tall on a laptop and 1,900 px on a phone.
      expect(readings.height).toBeLessThan(size === LAPTOP ? 450 : 600);
      // The earlier run's line: five accuracies once pushed over the run's name and date on a phone.
      const item = page.getByTestId('history-item').first();
      const parts = await item.locator(':scope > *').evaluateAll((els) =>
        els.map((e) => {
          const r = e.getBoundingClientRect();
          return { top: r.top, bottom: r.bottom, left: r.left, right: r.right, name: String(e.getAttribute('class')) };
        }),
      );
      for (const [i, a] of parts.entries()) {
        for (const b of parts.slice(i + 1)) {
          const overlap = a.left < b.right - 1 && b.left < a.right - 1 && a.top < b.bottom - 1 && b.top < a.bottom - 1;
          expect(overlap, `${a.name} overlaps ${b.name} at ${size.width}`).toBe(false);
        }
      }
      await noSidewaysOverflow(page);
      expect(await seriousViolations(page), `${size.width} ${colorScheme}`).toEqual([]);
    }
  }
  await lab.open('epochs=1&train=2000');
  await expect(page.getByTestId('lede')).toContainText(
    'Two MNIST networks, identical but for Batch Normalization, train side by side',
  );
});
