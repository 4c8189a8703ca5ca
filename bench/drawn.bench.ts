// "Done means" for drawing: train the blog recipe for 2 epochs, then draw every digit of the synthetic hand-drawn set
// (src/digit/syntheticDigits.ts: 21 mouse-style templates of all ten digits × 13 placements — centred, large, small
// in each corner, off-centre, slanted, wide, narrow, shaky) with the mouse on the pad, and count what each net reads.
// The pad's pen is the app's, so the set's thin/thick-pen variants are drawn with it too. Writes
// bench/results/drawn.{json,md} (or BENCH_OUT). `DRAWN_QUERY` trains another configuration.
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { expect, test } from '@playwright/test';
import { DrawPad } from '../e2e/drawPad';
import { LabPage } from '../e2e/labPage';
import { syntheticDigitSet } from '../src/digit/syntheticDigits';

const OUT = process.env.BENCH_OUT ?? 'bench/results';
const QUERY = process.env.DRAWN_QUERY ?? 'epochs=2';

test('hand-drawn set read by both nets after 2 epochs of the blog recipe', async ({ page, browser }) => {
  test.setTimeout(60 * 60_000);
  const lab = new LabPage(page);
  const pad = new DrawPad(page);
  await lab.startRun(QUERY);
  await expect(lab.train).toBeDisabled();
  await expect(lab.train).toBeEnabled({ timeout: 30 * 60_000 });
  const set = syntheticDigitSet(11);
  const byVariant = new Map<string, { n: number; bn: number; plain: number }>();
  const byDigit = new Map<number, { n: number; bn: number; plain: number }>();
  for (const digit of set) {
    await pad.draw(digit.strokes);
    await expect(pad.bn).not.toHaveAttribute('data-digit', '');
    await page.waitForTimeout(300);
    const bn = await pad.digit('bn');
    const plain = await pad.digit('plain');
    for (const [map, key] of [
      [byVariant, digit.variant],
      [byDigit, digit.label],
    ] as const) {
      const row = (map as Map<typeof key, { n: number; bn: number; plain: number }>).get(key) ?? {
        n: 0,
        bn: 0,
        plain: 0,
      };
      row.n += 1;
      if (bn === String(digit.label)) row.bn += 1;
      if (plain === String(digit.label)) row.plain += 1;
      (map as Map<typeof key, typeof row>).set(key, row);
    }
    await pad.clear.click();
  }
  const pct = (k: number, n: number) => `${((100 * k) / n).toFixed(0)}%`;
  const total = [...byVariant.values()].reduce(
    (a, r) => ({ n: a.n + r.n, bn: a.bn + r.bn, plain: a.plain + r.plain }),
    { n: 0, bn: 0, plain: 0 },
  );
  const rows = [
    `| all | ${total.n} | ${pct(total.bn, total.n)} | ${pct(total.plain, total.n)} |`,
    ...[...byVariant.entries()].map(([v, r]) => `| ${v} | ${r.n} | ${pct(r.bn, r.n)} | ${pct(r.plain, r.n)} |`),
    ...[...byDigit.entries()]
      .sort((a, b) => a[0] - b[0])
      .map(([d, r]) => `| digit ${d} | ${r.n} | ${pct(r.bn, r.n)} | ${pct(r.plain, r.n)} |`),
  ];
  const md = [
    '# Digits drawn with the mouse',
    '',
    `Trained with \`${QUERY}\`; Chromium ${browser.version()}; ${new Date().toISOString()}. Chance is 10%.`,
    '',
    '| drawings | n | BN net reads | plain net reads |',
    '|---|---|---|---|',
    ...rows,
    '',
  ].join('\n');
  mkdirSync(OUT, { recursive: true });
  writeFileSync(
    join(OUT, 'drawn.json'),
    JSON.stringify(
      { query: QUERY, total, byVariant: Object.fromEntries(byVariant), byDigit: Object.fromEntries(byDigit) },
      null,
      2,
    ),
  );
  writeFileSync(join(OUT, 'drawn.md'), md);
  console.log(md);
});
