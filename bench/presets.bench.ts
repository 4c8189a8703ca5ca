// Every preset run to its end in headless Chromium: wall time, each net's val_accuracy per epoch, divergences and
// errors, and the two comparisons the presets promise (high learning rate: BN ends clearly above plain; paper
// Figure 1: BN above plain at most evaluation points). Writes bench/results/presets.{json,md} (or BENCH_OUT).
// `PRESETS=high-lr,quick` runs a subset. Not part of `npm test`: it takes about half an hour.
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { expect, test } from '@playwright/test';
import { LabPage } from '../e2e/labPage';
import { serializeConfig } from '../src/shared/configText';
import { PRESETS, presetConfig, type PresetId } from '../src/shared/presets';

const OUT = process.env.BENCH_OUT ?? 'bench/results';
const ONLY = process.env.PRESETS?.split(',').filter((s) => s !== '') ?? null;

interface PresetResult {
  id: PresetId;
  query: string;
  wallSeconds: number;
  valAccuracy: { bn: number[]; plain: number[] };
  divergences: string[];
  errors: string[];
  verdict: string;
}

async function valAccuracies(lab: LabPage, net: 'bn' | 'plain'): Promise<number[]> {
  const cells = lab.epochLog.locator(`tr[data-model="${net}"] [data-field="val_accuracy"]`);
  return (await cells.allInnerTexts()).map((t) => Number(t.trim()));
}

function verdictFor(id: PresetId, bn: number[], plain: number[]): string {
  const last = (xs: number[]) => xs[xs.length - 1] ?? Number.NaN;
  if (id === 'paper') {
    const n = Math.min(bn.length, plain.length);
    const above = bn.slice(0, n).filter((v, i) => v > (plain[i] ?? Number.POSITIVE_INFINITY)).length;
    return `BN above plain at ${above} of ${n} evaluation points`;
  }
  const gap = last(bn) - (plain.length > 0 ? last(plain) : Number.NaN);
  return `final val_accuracy BN ${last(bn).toFixed(4)} vs plain ${plain.length > 0 ? last(plain).toFixed(4) : '(diverged before its first epoch)'}; gap ${Number.isFinite(gap) ? gap.toFixed(4) : 'n/a'}`;
}

test('every preset runs to its end', async ({ page, browser }) => {
  test.setTimeout(3 * 60 * 60_000);
  const lab = new LabPage(page);
  const results: PresetResult[] = [];
  for (const preset of PRESETS.filter((p) => ONLY === null || ONLY.includes(p.id))) {
    const query = serializeConfig(presetConfig(preset, 'auto'));
    await lab.open(query);
    await lab.waitReady();
    const started = Date.now();
    await lab.train.click();
    await expect(lab.train).toBeDisabled();
    await expect(lab.train).toBeEnabled({ timeout: 2 * 60 * 60_000 });
    const wallSeconds = (Date.now() - started) / 1000;
    const bn = await valAccuracies(lab, 'bn');
    const plain = await valAccuracies(lab, 'plain');
    const divergences = await page.locator('[data-testid^="divergence-"]').allInnerTexts();
    const errors = (await lab.error.allInnerTexts()).map((t) => t.trim()).filter((t) => t !== '');
    const result: PresetResult = {
      id: preset.id,
      query,
      wallSeconds,
      valAccuracy: { bn, plain },
      divergences,
      errors,
      verdict: verdictFor(preset.id, bn, plain),
    };
    console.log(JSON.stringify(result));
    results.push(result);
  }
  const backend = (await lab.backend.innerText()).replace(/^Backend:\s*/, '').trim();
  const rows = results.map(
    (r) =>
      `| ${r.id} | \`${r.query || '(defaults)'}\` | ${r.wallSeconds.toFixed(0)} | ${r.valAccuracy.bn.length} / ${r.valAccuracy.plain.length} | ${r.verdict} | ${r.divergences.join('; ') || '–'} | ${r.errors.join('; ') || 'none'} |`,
  );
  const md = [
    `# Presets run to their end`,
    '',
    `Backend: ${backend}; Chromium ${browser.version()}; ${new Date().toISOString()}`,
    '',
    '| preset | URL | wall s | epochs logged (BN / plain) | result | divergences | errors |',
    '|---|---|---|---|---|---|---|',
    ...rows,
    '',
  ].join('\n');
  mkdirSync(OUT, { recursive: true });
  writeFileSync(join(OUT, 'presets.json'), JSON.stringify({ backend, browser: browser.version(), results }, null, 2));
  writeFileSync(join(OUT, 'presets.md'), md);
  console.log(md);
  for (const r of results) expect(r.errors, `${r.id} ended with errors`).toEqual([]);
});
