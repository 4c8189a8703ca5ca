// Page object for the results: the run history panel, the series each chart panel draws, divergence notices and the
// seeds summary, through the data-testids and data attributes the results promise to automation.
import type { Locator, Page } from '@playwright/test';

export type ChartKind = 'loss' | 'accuracy';

export class ResultsPage {
  readonly history: Locator;
  readonly historyItems: Locator;
  readonly showEarlier: Locator;
  readonly seedSummary: Locator;

  constructor(readonly page: Page) {
    this.history = page.getByTestId('run-history');
    this.historyItems = this.history.getByTestId('history-item');
    this.showEarlier = this.history.getByRole('checkbox', { name: 'Show earlier runs on the charts' });
    this.seedSummary = page.getByTestId('repeat-summary');
  }

  /** The history row of the run numbered `n` ("Run n"). */
  historyItem(n: number): Locator {
    return this.historyItems.filter({ has: this.page.getByText(`Run ${n}`, { exact: true }) });
  }

  /** What differed from the current run, as the row says it. */
  diffLabel(item: Locator): Locator {
    return item.locator('[data-field="diff"]');
  }

  async runId(item: Locator): Promise<string> {
    const id = await item.getAttribute('data-run-id');
    if (id === null) throw new Error('history item without data-run-id');
    return id;
  }

  /** The ids of the series a chart panel draws (from its data-datasets attribute). */
  async datasetIds(kind: ChartKind): Promise<string[]> {
    const text = await this.page.getByTestId(`chart-${kind}`).getAttribute('data-datasets');
    return (text ?? '').split(' ').filter((id) => id !== '');
  }

  /** The ids of the faded curves of one earlier run on a panel. */
  async earlierIds(kind: ChartKind, runId: string): Promise<string[]> {
    return (await this.datasetIds(kind)).filter((id) => id.startsWith(`earlier-${runId}-`));
  }

  divergence(net: 'bn' | 'plain'): Locator {
    return this.page.getByTestId(`divergence-${net}`);
  }
}
