// Bad input never breaks the page: garbage pasted into every text field and into every URL key is refused with a
// message (no uncaught error, Train blocked or defaults used), and a missing data file is named in the error.
import { expect, test, type Page } from '@playwright/test';
import { FIELDS } from '../src/shared/configFields';
import { LabPage } from './labPage';

const GARBAGE = [
  '',
  ' ',
  'banana',
  '-1',
  '1e999',
  'NaN',
  '0x10',
  '<img src=x onerror=alert(1)>',
  '１２',
  '9'.repeat(400),
  '1,,2',
  '🙂',
  '%00',
  '\u202e42',
];

function collectPageErrors(page: Page): string[] {
  const errors: string[] = [];
  page.on('pageerror', (e) => errors.push(e.message));
  page.on('console', (m) => {
    if (m.type() === 'error') errors.push(m.text());
  });
  return errors;
}

test('garbage pasted into every text field is refused with a reason, never thrown', async ({ page }) => {
  const errors = collectPageErrors(page);
  const lab = new LabPage(page);
  await lab.open('');
  await lab.waitReady();
  await lab.openAllGroups();
  const fields = page.locator('section.settings input[type="text"]:not([readonly])');
  const count = await fields.count();
  expect(count).toBeGreaterThanOrEqual(6);
  for (let i = 0; i < count; i++) {
    const field = fields.nth(i);
    const name = (await field.getAttribute('name')) ?? (await field.getAttribute('aria-label')) ?? `#${i}`;
    if (!(await field.isEditable())) continue;
    const before = await field.inputValue();
    for (const text of GARBAGE) {
      await field.fill(text);
      // 1e999 and the like are out of range, '' is missing: each is refused, so Train waits.
      if (text !== before) await expect(lab.train, `${name} = ${JSON.stringify(text)}`).toBeDisabled();
    }
    await field.fill(before);
    await expect(lab.train, `${name} restored`).toBeEnabled();
  }
  // The other text fields (the saved nets' name) take anything without breaking; saving with no nets says why.
  const others = page.locator('main input[type="text"]:not([readonly]):not(section.settings input)');
  expect(await others.count()).toBeGreaterThan(0);
  for (let i = 0; i < (await others.count()); i++) {
    for (const text of GARBAGE) await others.nth(i).fill(text);
  }
  await expect(lab.train).toBeEnabled();
  expect(errors).toEqual([]);
});

test('garbage in every URL key falls back to the defaults with a message, and Train works', async ({ page }) => {
  const errors = collectPageErrors(page);
  // Every key but the run's size (a default-size run would take minutes): those two are kept small and valid.
  const tiny: Record<string, string> = { train: '1000', epochs: '1' };
  const query = FIELDS.map((f) => `${f.url}=${encodeURIComponent(tiny[f.url] ?? '<b>x</b>1e999')}`).join('&');
  const lab = new LabPage(page);
  await lab.open(query);
  await expect(lab.configProblems).toBeVisible();
  await expect(lab.configProblems.locator('li[data-key="lr"]')).toContainText('<b>x</b>1e999');
  await lab.waitReady();
  await lab.train.click();
  await lab.waitForEpochs(1, 120_000);
  expect(errors).toEqual([]);
});

test('a missing data file is named in the error, and the page stays usable', async ({ page }) => {
  await page.route('**/assets/mnist/t10k-images-idx3-ubyte-*.pack', (route) =>
    route.fulfill({ status: 404, body: 'Not Found' }),
  );
  const lab = new LabPage(page);
  await lab.open();
  await expect(lab.error).toContainText('t10k-images-idx3-ubyte', { timeout: 60_000 });
  await expect(lab.error).toContainText('404');
  await expect(lab.train).toBeDisabled();
  await expect(page.getByLabel(/^epochs/i)).toBeEditable();
});
