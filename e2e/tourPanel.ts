// Page object for the guided tour: its card, the step counter, the prediction, the step's run and what it measured.
import type { Locator, Page } from '@playwright/test';

export class TourPanel {
  readonly start: Locator;
  readonly root: Locator;
  readonly next: Locator;
  readonly prev: Locator;
  readonly close: Locator;
  readonly run: Locator;
  readonly result: Locator;
  readonly measured: Locator;
  readonly inspect: Locator;
  readonly heading: Locator;

  constructor(readonly page: Page) {
    this.start = page.getByTestId('tour-start');
    this.root = page.getByTestId('tour');
    this.next = page.getByTestId('tour-next');
    this.prev = page.getByTestId('tour-prev');
    this.close = page.getByTestId('tour-close');
    this.run = page.getByTestId('tour-run');
    this.result = page.getByTestId('tour-result');
    this.measured = page.getByTestId('tour-measured');
    this.inspect = page.getByTestId('tour-inspect');
    this.heading = this.root.getByRole('heading', { level: 2 });
  }

  choice(id: string): Locator {
    return this.root.getByTestId(`tour-choice-${id}`);
  }

  async steps(): Promise<number> {
    return Number(await this.root.getAttribute('data-steps'));
  }

  async step(): Promise<number> {
    return Number(await this.root.getAttribute('data-step'));
  }
}
