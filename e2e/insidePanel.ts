// Page object for "Inside the BN layer": its data-testid hooks and the numbers the maths panel shows.
import { expect, type Locator, type Page } from '@playwright/test';

export interface MathSnapshot {
  mu: number;
  variance: number;
  epsilon: number;
  gamma: number;
  beta: number;
  rows: Array<{ x: number; xhat: number; y: number }>;
}

export class InsidePanel {
  readonly section: Locator;
  readonly percentiles: Locator;
  readonly histogram: Locator;
  readonly math: Locator;
  readonly modeAccuracy: Locator;
  readonly flow: Locator;
  readonly layer: Locator;
  readonly unit: Locator;
  readonly recalibrate: Locator;
  readonly recalibrated: Locator;

  constructor(readonly page: Page) {
    this.section = page.getByTestId('bn-inside');
    this.percentiles = page.getByTestId('bn-percentiles');
    this.histogram = page.getByTestId('bn-histogram');
    this.math = page.getByTestId('bn-math');
    this.modeAccuracy = page.getByTestId('bn-modes');
    this.flow = page.getByTestId('bn-flow');
    this.layer = page.getByTestId('bn-layer');
    this.unit = page.getByTestId('bn-unit');
    this.recalibrate = page.getByTestId('bn-recalibrate');
    this.recalibrated = page.getByTestId('bn-recalibrated');
  }

  async open(): Promise<void> {
    await this.section.locator('summary').click();
    await expect(this.section).toHaveJSProperty('open', true);
  }

  /** Waits until the element's data-points attribute is at least n. */
  async waitForPoints(target: Locator, n: number, timeout = 90_000): Promise<void> {
    await expect
      .poll(async () => Number((await target.getAttribute('data-points')) ?? 0), { timeout })
      .toBeGreaterThanOrEqual(n);
  }

  netPanel(net: 'bn' | 'plain'): Locator {
    return this.percentiles.locator(`.inside-chart[data-net="${net}"]`);
  }

  /** A canvas's pixels as a data URL, to tell whether it was redrawn (on screen, where charts are redrawn). */
  async image(target: Locator): Promise<string> {
    await target.scrollIntoViewIfNeeded();
    return target.locator('canvas').evaluate((c) => (c as HTMLCanvasElement).toDataURL());
  }

  /** Every number of the maths panel, read in one go (the panel may update between two separate reads). */
  async mathSnapshot(): Promise<MathSnapshot> {
    return this.math.evaluate((root) => {
      const num = (el: Element | null): number => Number(el?.textContent?.trim() ?? 'NaN');
      const field = (name: string): number => num(root.querySelector(`dl [data-field="${name}"]`));
      const rows = Array.from(root.querySelectorAll('tr[data-row]')).map((tr) => ({
        x: num(tr.querySelector('[data-field="x"]')),
        xhat: num(tr.querySelector('[data-field="xhat"]')),
        y: num(tr.querySelector('[data-field="y"]')),
      }));
      return {
        mu: field('mu'),
        variance: field('var'),
        epsilon: field('epsilon'),
        gamma: field('gamma'),
        beta: field('beta'),
        rows,
      };
    });
  }
}
