// What the progress line says and how full its bar is, derived from the UI state alone: no clock is read, so the
// line stays still once a run ends (users and tests read the final position).
import { assertNever } from '../shared/assertNever';
import { formatDuration, formatInt, formatMegabytes } from './format';
import type { ProgressState, UiState } from './state';

export type Bar = { kind: 'none' } | { kind: 'indeterminate' } | { kind: 'value'; value: number; max: number };

export interface ProgressView {
  text: string;
  bar: Bar;
  /** What the bar measures, for assistive technology. */
  label: string;
}

const NONE: Bar = { kind: 'none' };
const BUSY: Bar = { kind: 'indeterminate' };

/** "Epoch 3/10 · step 1,200/1,875" */
export function position(p: ProgressState): string {
  return `Epoch ${p.epoch}/${p.epochs} · step ${formatInt(p.step)}/${formatInt(p.stepsPerEpoch)}`;
}

/** Steps done over the whole run, for the bar. */
export function runBar(p: ProgressState): Bar {
  const max = p.epochs * p.stepsPerEpoch;
  const value = Math.min(max, (p.epoch - 1) * p.stepsPerEpoch + p.step);
  return max > 0 ? { kind: 'value', value, max } : NONE;
}

export function describeProgress(state: UiState): ProgressView {
  const p = state.progress;
  const run = (text: string, bar: Bar = p ? runBar(p) : NONE): ProgressView => ({ text, bar, label: 'Training progress' });
  switch (state.status) {
    case 'idle':
      return { text: 'Starting the training worker…', bar: BUSY, label: 'Starting' };
    case 'loading-data':
      return describeData(state);
    case 'ready':
      return { text: readyText(state), bar: NONE, label: 'Data' };
    case 'running':
      if (!p) return run('Starting the run: building both networks…', BUSY);
      if (p.phase === 'validating') return run(`${position(p)} · Validating…`);
      return run(`${position(p)} · ${formatInt(p.samplesPerSec)} samples/s${p.etaMs === null ? '' : ` · ETA ${formatDuration(p.etaMs)}`}`);
    case 'stopping':
      return run(p ? `Stopping… · ${position(p)}` : 'Stopping…');
    case 'finished':
      return run(`Finished · ${p ? `${position(p)} · ` : ''}${after(state)}`);
    case 'stopped':
      return run(p ? `Stopped · ${position(p)} · ${after(state)}` : 'Stopped before the first step.');
    case 'error':
      if (state.runId === null) return { text: 'Cannot train: the worker could not load the data (see the error above).', bar: NONE, label: 'Data' };
      return run(p ? `Run failed · ${position(p)}` : 'Run failed before the first step.');
    default:
      return assertNever(state.status, 'run status');
  }
}

function after(state: UiState): string {
  return state.finishedMs === null ? '' : `took ${formatDuration(state.finishedMs)}`;
}

function describeData(state: UiState): ProgressView {
  const { loadedBytes, totalBytes } = state.data;
  if (totalBytes <= 0) return { text: 'Loading MNIST…', bar: BUSY, label: 'MNIST download' };
  return {
    text: `Loading MNIST… ${formatMegabytes(loadedBytes)} / ${formatMegabytes(totalBytes)}`,
    bar: { kind: 'value', value: Math.min(loadedBytes, totalBytes), max: totalBytes },
    label: 'MNIST download',
  };
}

function readyText(state: UiState): string {
  const { trainCount, testCount, ms } = state.data;
  if (trainCount === null || testCount === null) return 'Ready.';
  const took = ms === null ? '' : ` in ${ms < 1000 ? `${Math.round(ms)} ms` : formatDuration(ms)}`;
  return `Ready · ${formatInt(trainCount)} training and ${formatInt(testCount)} test images loaded${took}.`;
}
