// What the progress line says and how full its bar is, derived from the UI state alone: no clock is read, so the
// line stays still once a run ends (users and tests read the final position).
import { assertNever } from '../shared/assertNever';
import { NET_SHORT_NAMES, trainedNets } from '../shared/netNames';
import { formatDuration, formatInt, formatMegabytes } from './format';
import { estimateEtaMs, runPosition, type RunPosition } from './runStatus';
import type { DataState, ProgressState, ResultsState, RunState } from './stateTypes';

/** What the progress line reads: the run, its latest progress, the data download and the divergences. */
export interface ProgressInput {
  run: RunState;
  progress: ProgressState | null;
  data: DataState;
  divergences: ResultsState['divergences'];
}

export type Bar = { kind: 'none' } | { kind: 'indeterminate' } | { kind: 'value'; value: number; max: number };

export interface ProgressView {
  text: string;
  bar: Bar;
  /** What the bar measures, for assistive technology. */
  label: string;
}

const NONE: Bar = { kind: 'none' };
const BUSY: Bar = { kind: 'indeterminate' };

/**
 * "Epoch 3/10 · step 1,200/1,875", after "Seed 2 of 3 · " when the experiment is repeated, or "All 3 seeds at once · "
 * when the seeds train together.
 */
export function position(p: RunPosition): string {
  const together = p.seedsTogether ?? 1;
  const seed =
    p.seeds <= 1
      ? ''
      : together >= p.seeds
        ? `All ${p.seeds} seeds at once · `
        : together > 1
          ? `Seeds ${p.seedIndex + 1}–${p.seedIndex + together} of ${p.seeds} · `
          : `Seed ${p.seedIndex + 1} of ${p.seeds} · `;
  return `${seed}Epoch ${p.epoch}/${p.epochs} · step ${formatInt(p.step)}/${formatInt(p.stepsPerEpoch)}`;
}

/** Steps done over the whole run (every seed), for the bar. */
export function runBar(p: RunPosition): Bar {
  const perSeed = p.epochs * p.stepsPerEpoch;
  const max = Math.max(1, p.seeds) * perSeed;
  const within = (p.epoch - 1) * p.stepsPerEpoch + p.step;
  const value = Math.min(max, p.seedIndex * perSeed + (p.seedsTogether ?? 1) * within);
  return max > 0 ? { kind: 'value', value, max } : NONE;
}

/** " · training No BN only" when one net is switched off or has diverged in this seed; empty when both train. */
export function netsNote(state: Pick<ProgressInput, 'run' | 'divergences' | 'progress'>): string {
  if (state.run.config === null) return '';
  const seedIndex = state.progress?.seedIndex ?? 0;
  const trained = trainedNets(state.run.config);
  const going = trained.filter((net) => !state.divergences.some((d) => d.net === net && d.seedIndex === seedIndex));
  if (going.length === 2) return '';
  return going.length === 0
    ? ' · no net training'
    : ` · training ${going.map((net) => NET_SHORT_NAMES[net]).join(', ')} only`;
}

function buildingWhat(nets: number): string {
  if (nets === 1) return 'the network';
  return nets === 2 ? 'both networks' : `the ${nets} networks`;
}

export function describeProgress(state: ProgressInput): ProgressView {
  const p = runPosition(state.run, state.progress);
  const etaMs = p === null ? null : estimateEtaMs(p);
  const run = (text: string, bar: Bar = p ? runBar(p) : NONE): ProgressView => ({
    text,
    bar,
    label: 'Training progress',
  });
  switch (state.run.status) {
    case 'idle':
      return { text: 'Starting the training worker…', bar: BUSY, label: 'Starting' };
    case 'loading-data':
      return describeData(state);
    case 'ready':
      return { text: readyText(state), bar: NONE, label: 'Data' };
    case 'running':
      if (state.run.pause.paused)
        return run(p ? `Paused · ${position(p)}${netsNote(state)}` : 'Paused before the first step.');
      if (!p) return run(`Starting the run: building ${buildingWhat(trainedNets(state.run.config).length)}…`, BUSY);
      if (state.run.pause.pending === 'pause') return run(`Pausing… · ${position(p)}`);
      if (p.phase === 'validating') return run(`${position(p)}${netsNote(state)} · Validating…`);
      if (state.run.stepsPerSecond !== null)
        return run(`${position(p)}${netsNote(state)} · slow motion, ${speedLabel(state.run.stepsPerSecond)}`);
      return run(
        `${position(p)}${netsNote(state)} · ${formatInt(p.samplesPerSec)} samples/s${etaMs === null ? '' : ` · ETA ${formatDuration(etaMs)}`}`,
      );
    case 'stopping':
      return run(p ? `Stopping… · ${position(p)}` : 'Stopping…');
    case 'finished':
      return run(`Finished · ${p ? `${position(p)} · ` : ''}${after(state.run)}`);
    case 'stopped':
      return run(p ? `Stopped · ${position(p)} · ${after(state.run)}` : 'Stopped before the first step.');
    case 'error':
      if (state.run.id === null)
        return {
          text: 'Cannot train: the worker could not load the data (see the error above).',
          bar: NONE,
          label: 'Data',
        };
      return run(p ? `Run failed · ${position(p)}` : 'Run failed before the first step.');
    default:
      return assertNever(state.run.status, 'run status');
  }
}

/** "2 steps/s", or "1 step every 2 s" below one a second. */
export function speedLabel(stepsPerSecond: number): string {
  if (stepsPerSecond >= 1) return `${formatInt(stepsPerSecond)} step${stepsPerSecond === 1 ? '' : 's'}/s`;
  const every = 1 / stepsPerSecond;
  return `1 step every ${Number.isInteger(every) ? every : every.toFixed(1)} s`;
}

function after(run: RunState): string {
  return run.finishedMs === null ? '' : `took ${formatDuration(run.finishedMs)}`;
}

function describeData(state: ProgressInput): ProgressView {
  const { loadedBytes, totalBytes } = state.data;
  if (totalBytes <= 0) return { text: 'Loading MNIST…', bar: BUSY, label: 'MNIST download' };
  return {
    text: `Loading MNIST… ${formatMegabytes(loadedBytes)} / ${formatMegabytes(totalBytes)}`,
    bar: { kind: 'value', value: Math.min(loadedBytes, totalBytes), max: totalBytes },
    label: 'MNIST download',
  };
}

function readyText(state: ProgressInput): string {
  const { trainCount, testCount, ms } = state.data;
  if (trainCount === null || testCount === null) return 'Ready.';
  const took = ms === null ? '' : ` in ${ms < 1000 ? `${Math.round(ms)} ms` : formatDuration(ms)}`;
  return `Ready · ${formatInt(trainCount)} training and ${formatInt(testCount)} test images loaded${took}.`;
}
