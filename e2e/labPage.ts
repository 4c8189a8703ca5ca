// Page object for BatchNorm Lab: the stable data-testid hooks the app promises to automation.
import { expect, type Locator, type Page } from '@playwright/test';
import { fieldSpec, type FieldKey } from '../src/shared/configFields';
import type { PresetId } from '../src/shared/presets';

export type Net = 'bn' | 'plain' | 'ln' | 'gn' | 'rms';
export type Field = 'loss' | 'accuracy' | 'val_loss' | 'val_accuracy';

export class LabPage {
  readonly train: Locator;
  readonly stop: Locator;
  readonly backend: Locator;
  readonly progress: Locator;
  readonly lossChart: Locator;
  readonly accuracyChart: Locator;
  readonly epochLog: Locator;
  readonly configProblems: Locator;
  readonly error: Locator;
  readonly copyLink: Locator;
  /** The read-only field that shows the link when the clipboard cannot be used. */
  readonly copyLinkField: Locator;
  readonly presetWatch: Locator;
  readonly nextRunTag: Locator;

  constructor(readonly page: Page) {
    this.train = page.getByTestId('train-button');
    this.stop = page.getByTestId('stop-button');
    this.backend = page.getByTestId('backend');
    this.progress = page.getByTestId('progress');
    this.lossChart = page.getByTestId('chart-loss');
    this.accuracyChart = page.getByTestId('chart-accuracy');
    this.epochLog = page.getByTestId('epoch-log');
    this.configProblems = page.getByTestId('config-problems');
    this.error = page.getByTestId('error');
    this.copyLink = page.getByTestId('copy-link');
    this.copyLinkField = page.getByTestId('copy-link-field');
    this.presetWatch = page.getByTestId('preset-watch');
    this.nextRunTag = page.getByTestId('next-run-tag');
  }

  // ---- Settings ----

  /** A setting's control (for BN layers, the group of checkboxes). */
  field(key: FieldKey): Locator {
    return this.page.locator(`#setting-${key}`);
  }

  /** The reason a setting's value is refused. */
  fieldError(key: FieldKey): Locator {
    return this.page.locator(`#setting-${key}-error`);
  }

  preset(id: PresetId): Locator {
    return this.page.getByTestId(`preset-${id}`);
  }

  /** Opens the collapsed groups (Network, BatchNorm) so every field is visible. */
  async openAllGroups(): Promise<void> {
    const closed = this.page.locator('details.settings-details:not([open]) > summary');
    while ((await closed.count()) > 0) await closed.first().click();
  }

  /** The ticked state of each BN layer checkbox, layer 1 first. */
  async bnLayerChecks(): Promise<boolean[]> {
    const boxes = this.field('bnLayers').locator('input[type="checkbox"]');
    const checks: boolean[] = [];
    for (let i = 0; i < (await boxes.count()); i++) checks.push(await boxes.nth(i).isChecked());
    return checks;
  }

  /** A setting as the form shows it, in the URL's text form (flags 1/0; BN layers as "all" or "1,3"). */
  async fieldText(key: FieldKey): Promise<string> {
    const spec = fieldSpec(key);
    switch (spec.kind) {
      case 'flag':
        return (await this.field(key).isChecked()) ? '1' : '0';
      case 'layerSet': {
        const checks = await this.bnLayerChecks();
        if (checks.every(Boolean)) return 'all';
        return checks.flatMap((on, i) => (on ? [String(i + 1)] : [])).join(',');
      }
      case 'choiceSet': {
        const boxes = this.field(key).locator('input[type="checkbox"]');
        const on: string[] = [];
        for (let i = 0; i < (await boxes.count()); i++) {
          if (await boxes.nth(i).isChecked()) on.push((await boxes.nth(i).getAttribute('value')) ?? '');
        }
        return on.join(',');
      }
      default:
        return this.field(key).inputValue();
    }
  }

  /** Sets a setting as a user would: types, picks, ticks. BN layers take "all" or "1,3". */
  async setField(key: FieldKey, text: string): Promise<void> {
    const spec = fieldSpec(key);
    switch (spec.kind) {
      case 'choice':
        await this.field(key).selectOption(text);
        return;
      case 'flag':
        await this.field(key).setChecked(text === '1');
        return;
      case 'layerSet': {
        const wanted = text === 'all' ? null : text.split(',').map(Number);
        const boxes = this.field(key).locator('input[type="checkbox"]');
        // Ticks first, so no step leaves the set empty.
        const count = await boxes.count();
        for (const on of [true, false]) {
          for (let i = 0; i < count; i++) {
            if ((wanted === null || wanted.includes(i + 1)) === on) await boxes.nth(i).setChecked(on);
          }
        }
        return;
      }
      case 'choiceSet': {
        const wanted = text.split(',');
        // Ticks first, so no step leaves the set empty.
        for (const on of [true, false]) {
          for (const option of spec.options) {
            if (wanted.includes(option.value) === on)
              await this.field(key).locator(`input[value="${option.value}"]`).setChecked(on);
          }
        }
        return;
      }
      default:
        await this.field(key).fill(text);
    }
  }

  async open(query = ''): Promise<void> {
    await this.page.goto(query ? `./?${query}` : './');
  }

  /** Waits until the data is in the worker and Train can be pressed. */
  async waitReady(): Promise<void> {
    await expect(this.train).toBeEnabled({ timeout: 60_000 });
  }

  /** Opens the app with these settings, waits for the data, and presses Train. */
  async startRun(query: string): Promise<void> {
    await this.open(query);
    await this.waitReady();
    await this.train.click();
  }

  /** Waits until both nets have logged `epochs` epochs. */
  async waitForEpochs(epochs: number, timeout: number): Promise<void> {
    await expect(this.rows()).toHaveCount(epochs * 2, { timeout });
  }

  rows(net?: Net): Locator {
    return this.epochLog.locator(net ? `tr[data-model="${net}"]` : 'tr[data-model]');
  }

  async metric(net: Net, epoch: number, field: Field): Promise<number> {
    const text = await this.epochLog
      .locator(`tr[data-model="${net}"][data-epoch="${epoch}"] [data-field="${field}"]`)
      .innerText();
    const value = Number(text.trim());
    expect(Number.isFinite(value), `${net} epoch ${epoch} ${field} = "${text}"`).toBe(true);
    return value;
  }

  /**
   * Counts the canvas pixels close to an RGB colour: proof that a curve of that colour was drawn. The chart is
   * scrolled into view first, as a user would look at it: charts off screen are not redrawn (see chartFrames.ts), so
   * poll this until the next frames have drawn it.
   */
  async pixelsOfColour(chart: Locator, rgb: [number, number, number]): Promise<number> {
    await chart.scrollIntoViewIfNeeded();
    return chart.locator('canvas').evaluate((canvas, [r, g, b]) => {
      const c = canvas as HTMLCanvasElement;
      const ctx = c.getContext('2d');
      if (!ctx) return 0;
      const data = ctx.getImageData(0, 0, c.width, c.height).data;
      let n = 0;
      for (let i = 0; i < data.length; i += 4) {
        const d = Math.abs((data[i] ?? 0) - r) + Math.abs((data[i + 1] ?? 0) - g) + Math.abs((data[i + 2] ?? 0) - b);
        if (d < 40 && (data[i + 3] ?? 0) > 200) n++;
      }
      return n;
    }, rgb);
  }
}

/** The figure's colours (colour-blind safe): BN blue, plain vermillion. */
export const BN_RGB: [number, number, number] = [0x00, 0x72, 0xb2];
export const PLAIN_RGB: [number, number, number] = [0xd5, 0x5e, 0x00];
/** LayerNorm bluish green and GroupNorm reddish purple (Okabe–Ito). */
export const LN_RGB: [number, number, number] = [0x00, 0x9e, 0x73];
export const GN_RGB: [number, number, number] = [0xcc, 0x79, 0xa7];
