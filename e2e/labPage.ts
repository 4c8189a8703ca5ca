// Page object for BatchNorm Lab: the stable data-testid hooks the app promises to automation.
import { expect, type Locator, type Page } from '@playwright/test';

export type Net = 'bn' | 'plain';
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
    const text = await this.epochLog.locator(`tr[data-model="${net}"][data-epoch="${epoch}"] [data-field="${field}"]`).innerText();
    const value = Number(text.trim());
    expect(Number.isFinite(value), `${net} epoch ${epoch} ${field} = "${text}"`).toBe(true);
    return value;
  }

  /** Counts the canvas pixels close to an RGB colour: proof that a curve of that colour was drawn. */
  async pixelsOfColour(chart: Locator, rgb: [number, number, number]): Promise<number> {
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
