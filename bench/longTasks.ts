// The longest main-thread task on a page (PerformanceObserver 'longtask': tasks over 50 ms), for the benchmarks that
// check the page stays responsive while the worker trains.
import type { Page } from '@playwright/test';

type Watched = Window & { __longestTaskMs: number };

/** Starts recording before the page's own scripts run. */
export async function watchLongTasks(page: Page): Promise<void> {
  await page.addInitScript(() => {
    const w = window as unknown as Watched;
    w.__longestTaskMs = 0;
    new PerformanceObserver((list) => {
      for (const e of list.getEntries()) w.__longestTaskMs = Math.max(w.__longestTaskMs, e.duration);
    }).observe({ type: 'longtask', buffered: true });
  });
}

/** The longest task since the page loaded or since the last reset (0: none over 50 ms). */
export function longestTask(page: Page): Promise<number> {
  return page.evaluate(() => (window as unknown as Watched).__longestTaskMs);
}

export function resetLongestTask(page: Page): Promise<void> {
  return page.evaluate(() => {
    (window as unknown as Watched).__longestTaskMs = 0;
  });
}
