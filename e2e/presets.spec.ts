// Presets, one click each: every field of the form, the URL and the "watch for" sentence follow the preset; Back
// returns to the settings before it; a running experiment is not touched.
import { expect, test } from '@playwright/test';
import { hasBn, type TrainConfig } from '../src/shared/config';
import { FIELDS } from '../src/shared/configFields';
import { formatField } from '../src/shared/fieldText';
import { parseConfig } from '../src/shared/configText';
import { PRESETS, presetConfig } from '../src/shared/presets';
import { LabPage } from './labPage';

/** Every field of the form shows `config`. */
async function expectForm(lab: LabPage, config: TrainConfig): Promise<void> {
  for (const spec of FIELDS) {
    if (spec.kind === 'layerSet') {
      const expected = config.layers.map((_, i) => hasBn(config, i));
      expect(await lab.bnLayerChecks(), spec.key).toEqual(expected);
    } else {
      await expect.poll(() => lab.fieldText(spec.key), { message: spec.key }).toBe(formatField(spec, config[spec.key]));
    }
    if (spec.kind !== 'layerSet') await expect(lab.field(spec.key)).toBeVisible();
  }
}

test('each preset sets every field, says what to watch for, and is written to the URL', async ({ page }) => {
  const lab = new LabPage(page);
  await lab.open();
  await lab.openAllGroups();
  // Visit the presets in reverse so every click changes the form (the page opens on the blog's recipe).
  for (const preset of [...PRESETS].reverse()) {
    await test.step(preset.name, async () => {
      await lab.preset(preset.id).click();
      const config = presetConfig(preset, 'auto');
      await expect(lab.preset(preset.id)).toHaveAttribute('aria-pressed', 'true');
      for (const other of PRESETS.filter((p) => p.id !== preset.id)) {
        await expect(lab.preset(other.id)).toHaveAttribute('aria-pressed', 'false');
      }
      await expect(lab.presetWatch).toHaveText(preset.watch);
      await expectForm(lab, config);
      await expect.poll(() => parseConfig(new URL(page.url()).search)).toEqual({ config, problems: [] });
      const params = new URL(page.url()).searchParams;
      for (const key of Object.keys(preset.changes)) {
        const spec = FIELDS.find((f) => f.key === key);
        if (spec) expect(params.get(spec.url), spec.url).toBe(formatField(spec, config[spec.key]));
      }
    });
  }
});

test('Back after a preset returns to the settings before it', async ({ page }) => {
  const lab = new LabPage(page);
  await lab.open('epochs=7&act=tanh');
  const quick = PRESETS.find((p) => p.id === 'quick');
  if (!quick) throw new Error('no quick preset');
  await lab.preset('quick').click();
  await expect(lab.field('epochs')).toHaveValue(String(presetConfig(quick, 'auto').epochs));
  await page.goBack();
  await expect(lab.field('epochs')).toHaveValue('7');
  await expect(lab.field('activation')).toHaveValue('tanh');
  await expect(lab.preset('quick')).toHaveAttribute('aria-pressed', 'false');
  await page.goForward();
  await expect(lab.preset('quick')).toHaveAttribute('aria-pressed', 'true');
});

test('a preset picked during a run changes the form for the next run, not the run', async ({ page }) => {
  const lab = new LabPage(page);
  await lab.startRun('epochs=20&train=2000');
  await expect(lab.progress).toContainText(/Epoch \d+\/20/);
  await expect(lab.nextRunTag).toBeVisible();
  await lab.preset('quick').click();
  await expect(lab.field('epochs')).toHaveValue('1');
  await expect(lab.progress).toContainText(/Epoch \d+\/20/);
  await expect(lab.stop).toBeEnabled();
  await lab.stop.click();
  await expect(lab.train).toBeEnabled({ timeout: 10_000 });
  await expect(lab.nextRunTag).toBeHidden();
});
