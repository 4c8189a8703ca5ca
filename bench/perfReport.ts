// Turns the performance benchmark's measurements into its Markdown report (the JSON holds the same, in full).
import { NETS_TIMED, type BackendResult, type LoopResult, type NetsTimed, type Variant } from './page/benchTypes';
import { median } from './page/median';

export interface PageTiming {
  backend: string;
  /** Medians over page loads, ms from navigation start. */
  firstPaintMs: number;
  firstContentfulPaintMs: number;
  backendReadyMs: number;
  dataReadyMs: number;
  /** Longest main-thread task while the app trained a short run (0: none over 50 ms). */
  longestTaskMs: number;
  loads: number;
}

export interface FullRecipe {
  backend: string;
  wallSeconds: number;
  longestTaskMs: number;
  valAccuracy: { bn: number; plain: number };
  epochs: Array<{ epoch: number; bn: number; plain: number }>;
}

export interface PerfReport {
  date: string;
  machine: { cpu: string; cores: number; memoryGiB: number; os: string };
  browser: string;
  repeats: number;
  backends: BackendResult[];
  pages: PageTiming[];
  full: FullRecipe | null;
}

const fmt = (n: number, digits = 0): string =>
  Number.isFinite(n)
    ? n.toLocaleString('en-US', { maximumFractionDigits: digits, minimumFractionDigits: digits })
    : '—';
const ratio = (a: number, b: number): string => (b > 0 ? `${(a / b).toFixed(2)}×` : '—');

const NETS_LABEL: Record<NetsTimed, string> = {
  bn: 'BN net',
  plain: 'plain net',
  both: 'both nets',
  ln: 'LayerNorm net',
  gn: 'GroupNorm net',
  rms: 'RMSNorm net',
  every: 'all five nets',
};

/** Nets per timed run: throughput counts every net's samples. */
const NET_COUNT: Record<NetsTimed, number> = { bn: 1, plain: 1, ln: 1, gn: 1, rms: 1, both: 2, every: 5 };

function loopRows(result: BackendResult, loop: LoopResult): string[] {
  const t = (v: Variant, n: NetsTimed): number => loop.throughput[v][n]?.median ?? Number.NaN;
  return NETS_TIMED.map(
    (n) =>
      `| ${result.backend} | ${loop.batchSize} | ${NETS_LABEL[n]} | ${fmt(t('app', n))} | ${fmt(t('app-autodiff', n))} | ${fmt(t('fit', n))} | **${ratio(t('app', n), t('fit', n))}** | ${ratio(t('app-autodiff', n), t('fit', n))} |`,
  );
}

/** Milliseconds per mini-batch of the app loop (hand-written step) for `n`: all its nets' steps together. */
function stepMs(loop: LoopResult, n: NetsTimed): number {
  const rate = loop.throughput.app[n]?.median ?? Number.NaN;
  return ((loop.batchSize * NET_COUNT[n]) / rate) * 1000;
}

/** What each normalization costs beside the blog's nets: each net alone, and the three extra nets in one run. */
function extraRows(result: BackendResult, loop: LoopResult): string {
  const ms = (n: NetsTimed): string => fmt(stepMs(loop, n), 2);
  const extraEach = (stepMs(loop, 'every') - stepMs(loop, 'both')) / 3;
  return `| ${result.backend} | ${loop.batchSize} | ${ms('bn')} | ${ms('plain')} | ${ms('ln')} | ${ms('gn')} | ${ms('rms')} | ${ms('both')} | ${ms('every')} | **${fmt(extraEach, 2)}** (${ratio(extraEach, stepMs(loop, 'bn'))} of BN) |`;
}

export function markdown(report: PerfReport): string {
  const lines: string[] = [];
  lines.push(`# Performance (${report.date.slice(0, 10)})`, '');
  lines.push(
    `${report.machine.cpu}, ${report.machine.cores} cores, ${report.machine.memoryGiB} GiB, ${report.machine.os}; Chromium ${report.browser} headless; ` +
      `TF.js ${report.backends[0]?.tfjsVersion ?? '?'}; medians of ${report.repeats} repeats.`,
    '',
  );
  for (const b of report.backends) lines.push(`- **${b.backend}**: ${b.detail}`);
  lines.push('', '## Training throughput (samples/s; "both nets": the two nets\' samples over the time for both)', '');
  lines.push(
    '| backend | batch | nets | app loop | app loop, autodiff step | `model.fit` | app / fit | autodiff / fit |',
    '|---|---|---|---|---|---|---|---|',
  );
  for (const b of report.backends) for (const loop of b.loops) lines.push(...loopRows(b, loop));
  lines.push(
    '',
    "## Each normalization's cost (ms per mini-batch, app loop, hand-written step)",
    '',
    '"Each extra net": (all five nets − BN and plain) / 3, the time one LayerNorm, GroupNorm or RMSNorm net adds to a run.',
    '',
    '| backend | batch | BN | plain | LN | GN | RMS | BN + plain | all five | each extra net |',
    '|---|---|---|---|---|---|---|---|---|---|',
  );
  for (const b of report.backends) for (const loop of b.loops) lines.push(extraRows(b, loop));
  lines.push(
    '',
    'Steps timed after a warm-up: ' +
      report.backends
        .map((b) => `${b.backend} ${b.loops.map((l) => `batch ${l.batchSize}: ${l.warmup}+${l.steps}`).join(', ')}`)
        .join('; ') +
      '.',
    '',
  );
  lines.push('## Validation, memory, start-up', '');
  lines.push(
    '| backend | validation pass (10,000 images) | tensors at epoch ends (5-epoch run) | bytes at epoch ends | data load in the worker |',
    '|---|---|---|---|---|',
  );
  for (const b of report.backends) {
    const tensors = b.memory.epochs.map((p) => p.numTensors).join(', ');
    const bytes = b.memory.epochs.map((p) => fmt(p.numBytes / 1e6, 1)).join(', ');
    lines.push(
      `| ${b.backend} | ${fmt(b.validationMs.median)} ms | ${tensors} (before ${b.memory.before.numTensors}, after ${b.memory.after.numTensors}) | ${bytes} MB | ${fmt(b.dataLoadMs)} ms |`,
    );
  }
  lines.push(
    '',
    '| app page, backend | first paint | first contentful paint | backend ready | data ready in the worker | longest main-thread task while training |',
    '|---|---|---|---|---|---|',
  );
  for (const p of report.pages) {
    lines.push(
      `| ${p.backend} | ${fmt(p.firstPaintMs)} ms | ${fmt(p.firstContentfulPaintMs)} ms | ${fmt(p.backendReadyMs)} ms | ${fmt(p.dataReadyMs)} ms | ${p.longestTaskMs > 0 ? `${fmt(p.longestTaskMs)} ms` : 'none over 50 ms'} |`,
    );
  }
  lines.push('', `Page timings: medians of ${report.pages[0]?.loads ?? 0} loads, from navigation start.`, '');
  lines.push(...seedsSection(report.backends));
  if (report.full) {
    const f = report.full;
    lines.push('## The full blog recipe in the app', '');
    lines.push(
      `Backend: ${f.backend}.\n\n**${fmt(f.wallSeconds)} s** wall time for both nets × 10 epochs × 1,875 steps (batch 32) with a validation pass per epoch; ` +
        `final val_accuracy **BN ${f.valAccuracy.bn.toFixed(4)}**, plain ${f.valAccuracy.plain.toFixed(4)}; longest main-thread task ${f.longestTaskMs > 0 ? `${fmt(f.longestTaskMs)} ms` : 'none over 50 ms'}.`,
      '',
      '| epoch | BN val_accuracy | plain val_accuracy |',
      '|---|---|---|',
      ...f.epochs.map((e) => `| ${e.epoch} | ${e.bn.toFixed(4)} | ${e.plain.toFixed(4)} |`),
      '',
    );
  }
  return lines.join('\n');
}

/** One seed against several, side by side: whole runs, and the arithmetic floor of training the seeds at once. */
function seedsSection(backends: readonly BackendResult[]): string[] {
  const rows = backends.flatMap((b) => (b.seeds ? [{ backend: b.backend, s: b.seeds }] : []));
  if (rows.length === 0) return [];
  const lines = ['## One seed against several', ''];
  lines.push(
    '| backend | examples | 1 seed | seeds together | **together / 1 seed** | seeds in turn | in turn / 1 seed | floor per step: matmuls, 1 seed → all | Adam on large kernels, 1 seed → all |',
    '|---|---|---|---|---|---|---|---|---|',
  );
  const laned = rows.filter(({ s }) => (s.lanes ?? []).length > 0);
  const laneLines: string[] = [];
  if (laned.length > 0) {
    laneLines.push(
      '',
      `The same seeds in lanes: other workers beside the training one, each with its own backend and data (the app ` +
        `opens them on 4 or more cores; forced here, on ${laned[0]?.s.cores ?? '?'} cores).`,
      '',
      '| backend | seeds | lanes (seeds at once) | wall time | **/ 1 seed** | / in turn |',
      '|---|---|---|---|---|---|',
    );
    for (const { backend, s } of laned) {
      const one = median(s.oneMs);
      const inTurn = median(s.inTurnMs);
      for (const l of s.lanes) {
        const ms = median(l.ms);
        laneLines.push(
          `| ${backend} | ${s.seeds} | ${l.lanes} (${l.lanes + 1}) | ${fmt(ms / 1000, 1)} s | **${ratio(ms, one)}** | ${ratio(ms, inTurn)} |`,
        );
      }
    }
  }
  for (const { backend, s } of rows) {
    const one = median(s.oneMs);
    const together = median(s.togetherMs);
    const inTurn = median(s.inTurnMs);
    lines.push(
      `| ${backend} | ${fmt(s.trainSize)} | ${fmt(one / 1000, 1)} s | ${s.seeds}: ${fmt(together / 1000, 1)} s | **${ratio(together, one)}** | ${fmt(inTurn / 1000, 1)} s | ${ratio(inTurn, one)} | ${fmt(s.floorMsPerStep.one, 2)} → ${fmt(s.floorMsPerStep.many, 2)} ms | ${fmt(s.adamMsPerStep.one, 2)} → ${fmt(s.adamMsPerStep.many, 2)} ms |`,
    );
  }
  lines.push(
    '',
    'Whole runs (wall time from the call to the end: building the nets, every step, a validation pass per seed and ' +
      'net): the blog nets, both, batch 32, one epoch, seed 42 on; medians of the repeats. The floor: the matrix ' +
      "products each seed needs for itself (8 per net and step) and Adam's elementwise passes over its two large " +
      'kernels, each timed alone for both nets; no batching of seeds removes them.',
    ...laneLines,
    '',
  );
  return lines;
}
