// The settings form as a user meets it: a copied link reproduces the settings in a new page, a refused value says why
// and blocks Train until it is fixed, and fields that cannot apply are disabled with a reason.
import { expect, test, type Page } from '@playwright/test';
import { FIELDS, type FieldKey } from '../src/shared/configFields';
import { LabPage } from './labPage';

async function formTexts(lab: LabPage): Promise<Record<string, string>> {
  const texts: Record<string, string> = {};
  for (const spec of FIELDS) texts[spec.key] = await lab.fieldText(spec.key);
  return texts;
}

/** Settings changed the way a user would, with every kind of widget. */
async function editSeveral(lab: LabPage): Promise<void> {
  await lab.openAllGroups();
  await lab.setField('optimizer', 'rmsprop');
  await lab.setField('lr', '0.0003');
  await lab.setField('trainSize', '5000');
  await lab.page.getByRole('button', { name: 'Add a hidden layer' }).click();
  await expect(lab.field('layers')).toHaveValue('128,64,64');
  await lab.setField('bnLayers', '1,3');
  await lab.setField('activation', 'tanh');
  await lab.setField('bnScale', '0');
  await lab.setField('nets', 'bn');
}

const EDITED: Partial<Record<FieldKey, string>> = {
  optimizer: 'rmsprop',
  lr: '0.0003',
  trainSize: '5000',
  layers: '128,64,64',
  bnLayers: '1,3',
  activation: 'tanh',
  bnScale: '0',
  nets: 'bn',
};

async function expectEdited(lab: LabPage): Promise<void> {
  const texts = await formTexts(lab);
  for (const [key, text] of Object.entries(EDITED)) expect(texts[key], key).toBe(text);
}

async function openCopied(page: Page, link: string): Promise<LabPage> {
  const fresh = new LabPage(await page.context().newPage());
  await fresh.page.goto(link);
  await fresh.openAllGroups();
  return fresh;
}

test('a copied link reproduces the settings in a new page', async ({ page, context }) => {
  await context.grantPermissions(['clipboard-read', 'clipboard-write']);
  const lab = new LabPage(page);
  await lab.open();
  await editSeveral(lab);
  await lab.copyLink.click();
  await expect(page.getByRole('status').filter({ hasText: 'Link copied' })).toBeVisible();
  const link = await page.evaluate(() => navigator.clipboard.readText());
  expect(link).toBe(page.url());
  expect(new URL(link).searchParams.get('layers')).toBe('128,64,64');

  const fresh = await openCopied(page, link);
  await expectEdited(fresh);
  expect(await formTexts(fresh)).toEqual(await formTexts(lab));
  await expect(fresh.configProblems).toHaveCount(0);
});

test('without a clipboard the link is shown, selected, for copying by hand', async ({ page }) => {
  await page.addInitScript(() => {
    Object.defineProperty(Navigator.prototype, 'clipboard', { get: () => undefined, configurable: true });
  });
  const lab = new LabPage(page);
  await lab.open('epochs=4');
  await lab.copyLink.click();
  await expect(lab.copyLinkField).toBeVisible();
  await expect(lab.copyLinkField).toHaveValue(page.url());
  const selected = await lab.copyLinkField.evaluate((el) => {
    const input = el as HTMLInputElement;
    return input.value.slice(input.selectionStart ?? 0, input.selectionEnd ?? 0);
  });
  expect(selected).toBe(page.url());
  const fresh = await openCopied(page, await lab.copyLinkField.inputValue());
  await expect(fresh.field('epochs')).toHaveValue('4');
});

test('a link with several bad keys names each one, what was given and what is used, and Train still works', async ({
  page,
}) => {
  const lab = new LabPage(page);
  await lab.open('epochs=0&lr=banana&layers=64,abc&act=relu6&bn=3&gamma=maybe&foo=bar&seed=5');
  await expect(lab.configProblems).toBeVisible();
  const rows: Array<[string, string, string]> = [
    ['lr', 'banana', '0.001'],
    ['epochs', '0', '10'],
    ['layers', '64,abc', '128,64'],
    ['act', 'relu6', 'relu'],
    ['gamma', 'maybe', '1'],
    ['bn', '3', 'all'],
  ];
  const items = lab.configProblems.locator('li');
  await expect(items).toHaveCount(rows.length);
  for (const [key, given, used] of rows) {
    const item = lab.configProblems.locator(`li[data-key="${key}"]`);
    await expect(item).toContainText(key);
    await expect(item).toContainText(`“${given}”`);
    await expect(item).toContainText(`Using ${used} instead`);
  }
  await expect(lab.configProblems).not.toContainText('foo');
  await lab.openAllGroups();
  await expect(lab.field('epochs')).toHaveValue('10');
  await expect(lab.field('seed')).toHaveValue('5');
  await expect(lab.field('layers')).toHaveValue('128,64');
  await lab.waitReady();
  // The URL now holds what is used: the bad keys are gone, the good one stays.
  expect(new URL(page.url()).search).toBe('?seed=5');
});

test('a refused value says why and disables Train; fixing it enables Train again', async ({ page }) => {
  const lab = new LabPage(page);
  await lab.open('train=2000');
  await lab.waitReady();

  await lab.setField('epochs', 'ten');
  await expect(lab.fieldError('epochs')).toHaveText('Epochs must be a number.');
  await expect(lab.field('epochs')).toHaveAttribute('aria-invalid', 'true');
  await expect(lab.train).toBeDisabled();
  await expect(page.locator('.run-controls')).toContainText('Epochs');
  await expect(lab.copyLink).toBeDisabled();
  await lab.setField('epochs', '2');
  await expect(lab.fieldError('epochs')).toHaveCount(0);
  await expect(lab.train).toBeEnabled();

  // A rule across fields: BN on layer 3 of a net that is cut to two layers.
  await lab.openAllGroups();
  await lab.setField('layers', '128,64,32');
  await lab.setField('bnLayers', '3');
  await lab.setField('layers', '128,64');
  await expect(lab.fieldError('bnLayers')).toHaveText('The net has 2 hidden layers: there is no layer 3.');
  await expect(lab.train).toBeDisabled();
  await lab.setField('bnLayers', '1');
  await expect(lab.fieldError('bnLayers')).toHaveCount(0);
  await expect(lab.train).toBeEnabled();
  expect(new URL(page.url()).searchParams.get('bn')).toBe('1');
});

test('a value refused in a collapsed group opens that group', async ({ page }) => {
  const lab = new LabPage(page);
  await lab.open('layers=64,64,64&bn=3');
  await expect(lab.field('bnLayers')).toBeHidden();
  // Only the Network group is opened; cutting the net to two layers breaks BN's "layer 3" in the closed BN group.
  await page.locator('details[data-group="network"] > summary').click();
  await lab.setField('layers', '64,64');
  await expect(lab.fieldError('bnLayers')).toBeVisible();
  await expect(lab.field('bnLayers')).toBeVisible();
});

test('BN settings are disabled, with the reason, when only the plain net trains', async ({ page }) => {
  const lab = new LabPage(page);
  await lab.open();
  await lab.openAllGroups();
  await lab.setField('nets', 'plain');
  for (const key of ['bnPlace', 'bnMomentum', 'bnEpsilon', 'bnScale', 'bnCenter', 'denseBias'] as const) {
    await expect(lab.field(key), key).toBeDisabled();
    await expect(page.locator(`#setting-${key}-hint`)).toHaveText('Not used: only the plain net trains.');
  }
  await lab.setField('nets', 'both');
  await expect(lab.field('bnMomentum')).toBeEnabled();
});

test('the learning-rate slider moves by decades and writes round values', async ({ page }) => {
  const lab = new LabPage(page);
  await lab.open();
  const slider = page.locator('#setting-lr-slider');
  await slider.fill('-2.5');
  await expect(lab.field('lr')).toHaveValue('0.003');
  await lab.setField('lr', '0.1');
  await expect(slider).toHaveValue('-1');
});
