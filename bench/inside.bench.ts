// What the BN inspectors cost the training: the same short run, timed from Train to its last epoch row, with the
// "Inside the BN layer" section closed and open, alternated (the machine is shared and noisy) and compared by
// medians. Writes bench/results/inside.{json,md}. `npm run bench:inside` (INSIDE_ROUNDS, default 5).
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { expect, test } from '@playwright/test';
import { InsidePanel } from '../e2e/insidePanel';
import { LabPage } from '../e2e/labPage';

const ROUNDS = Number(process.env.INSIDE_ROUNDS ?? 5);
const OUT = process.env.BENCH_OUT ?? 'bench/results';
// One whole epoch (60,000 images) each: long enough that the run's fixed start (nets built, first records) is a small
// part of the time measured.
const CONFIGS = [
  { name: 'blog recipe', query: 'epochs=1' },
  {
    name: 'paper preset (sigmoid 3×100, SGD, batch 60)',
    query: 'epochs=1&opt=sgd&lr=0.5&batch=60&layers=100,100,100&act=sigmoid&init=gauss&bias=0',
  },
];

const median = (xs: number[]): number => {
  const s = [...xs].sort((a, b) => a - b);
  const mid = Math.floor(s.length / 2);
  return s.length % 2 ? (s[mid] ?? NaN) : ((s[mid - 1] ?? NaN) + (s[mid] ?? NaN)) / 2;
};

test('training throughput with the inspectors closed and open', async ({ page, browser }) => {
  test.setTimeout(60 * 60_000);
  const lab = new LabPage(page);
  const inside = new InsidePanel(page);
  const results = [];
  for (const { name, query } of CONFIGS) {
    await lab.open(query);
    await lab.waitReady();
    const times: Record<'closed' | 'open', number[]> = { closed: [], open: [] };
    const records: number[] = [];
    for (let round = 0; round < ROUNDS; round++) {
      // Alternate which goes first, so a slow spell of the machine does not always hit the same side.
      const order: Array<'closed' | 'open'> = round % 2 === 0 ? ['closed', 'open'] : ['open', 'closed'];
      for (const mode of order) {
        const isOpen = await inside.section.evaluate((d) => (d as HTMLDetailsElement).open);
        if (isOpen !== (mode === 'open')) await inside.section.locator('summary').click();
        await expect(inside.section).toHaveJSProperty('open', mode === 'open');
        const started = Date.now();
        await lab.train.click();
        await expect(lab.rows()).toHaveCount(0);
        await lab.waitForEpochs(1, 10 * 60_000);
        await expect(lab.stop).toBeDisabled();
        times[mode].push((Date.now() - started) / 1000);
        if (mode === 'open')
          records.push(Number(await page.getByTestId('bn-inside-status').getAttribute('data-records')));
      }
    }
    const closed = median(times.closed);
    const open = median(times.open);
    results.push({ name, query, times, records, closed, open, loss: (open - closed) / closed });
  }
  const md = [
    `# Inspectors' cost (Chromium ${browser.version()}, ${await lab.backend.innerText()}, ${ROUNDS} alternated rounds, median wall time from Train to the last row)`,
    '',
    '| run | closed (s) | open (s) | throughput loss | records per open run |',
    '|---|---|---|---|---|',
    ...results.map(
      (r) =>
        `| ${r.name} (\`${r.query}\`) | ${r.closed.toFixed(2)} | ${r.open.toFixed(2)} | ${(100 * r.loss).toFixed(1)}% | ${median(r.records)} |`,
    ),
    '',
    ...results.map(
      (r) =>
        `${r.name}: closed ${r.times.closed.map((t) => t.toFixed(2)).join(', ')}; open ${r.times.open.map((t) => t.toFixed(2)).join(', ')}`,
    ),
  ].join('\n');
  mkdirSync(OUT, { recursive: true });
  writeFileSync(join(OUT, 'inside.json'), JSON.stringify({ results, date: new Date().toISOString() }, null, 2));
  writeFileSync(join(OUT, 'inside.md'), `${md}\n`);
  console.log(md);
});
