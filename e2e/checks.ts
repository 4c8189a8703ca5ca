// Checks several specs make: axe's serious and critical findings, and the worker's settled memory reading.
import AxeBuilder from '@axe-core/playwright';
import { expect, type Page } from '@playwright/test';

/** axe-core's serious and critical violations on the page as it is, one line each (empty when there are none). */
export async function seriousViolations(page: Page): Promise<string[]> {
  const results = await new AxeBuilder({ page })
    .withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'best-practice'])
    .analyze();
  return results.violations
    .filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .map(
      (v) =>
        `${v.impact} ${v.id}: ${v.help} — ${v.nodes
          .map((n) => n.target.join(' '))
          .slice(0, 5)
          .join(', ')}`,
    );
}

/** The worker's tensor count and bytes, read again until two readings agree (a test-set pass may be in flight). */
export async function settledMemory(page: Page): Promise<{ tensors: number; bytes: number }> {
  const line = page.getByTestId('memory');
  let last = '';
  let settled = '';
  await expect
    .poll(
      async () => {
        await page.getByTestId('memory-refresh').click();
        const now = `${await line.getAttribute('data-tensors')}/${await line.getAttribute('data-bytes')}`;
        const same = now === last && !now.startsWith('/');
        last = now;
        if (same) settled = now;
        return same;
      },
      { timeout: 30_000, intervals: [300] },
    )
    .toBe(true);
  const [tensors, bytes] = settled.split('/').map(Number);
  return { tensors: tensors ?? Number.NaN, bytes: bytes ?? Number.NaN };
}
