// An ended run as kept in the browser: its settings, every seed's epoch rows and its divergences. Built from the UI
// state when a run ends, and read back defensively, since localStorage may hold anything (another version, a hand
// edit, a truncated write).
import { defaultConfig, type TrainConfig } from '../../shared/config';
import { validateConfig } from '../../shared/configText';
import { storedSeedIndex, upgradeStoredConfig } from '../../shared/storedConfig';
import { NET_IDS, netRows, type NetId } from '../../shared/metrics';
import type { Divergence, PerNet } from '../../shared/protocol';
import type { EpochRecord } from '../epochHistory';
import type { ResultsState, RunStatus } from '../stateTypes';

export interface SavedRun {
  id: string;
  /** Shown as "Run 3": one more than the highest number kept when it was saved. */
  number: number;
  /** Epoch milliseconds. */
  savedAt: number;
  status: 'finished' | 'stopped';
  config: TrainConfig;
  /** Every seed's rows (one entry for a single run). */
  seedRuns: PerNet<EpochRecord[]>[];
  divergences: Divergence[];
  /** Left off the charts by the user. */
  hidden: boolean;
}

/** The record of the run on screen once it has ended with at least one epoch row, or null. */
export function recordOf(
  state: { status: RunStatus; runConfig: TrainConfig | null } & ResultsState,
  meta: { id: string; number: number; savedAt: number },
): SavedRun | null {
  const { status, runConfig } = state;
  if ((status !== 'finished' && status !== 'stopped') || runConfig === null) return null;
  const seedRuns = state.seedRuns.filter((run) => NET_IDS.some((net) => netRows(run, net).length > 0));
  if (seedRuns.length === 0) return null;
  return {
    ...meta,
    status,
    config: runConfig,
    seedRuns: seedRuns.map(copyRun),
    divergences: [...state.divergences],
    hidden: false,
  };
}

// Reading back. JSON writes NaN and ±∞ as null, so a metric may come back as null: it is read as NaN again.

type Obj = Record<string, unknown>;
const isObj = (v: unknown): v is Obj => typeof v === 'object' && v !== null && !Array.isArray(v);
const isCount = (v: unknown, min: number): v is number => typeof v === 'number' && Number.isInteger(v) && v >= min;

function metric(v: unknown): number | undefined {
  if (v === null) return Number.NaN;
  return typeof v === 'number' ? v : undefined;
}

function readRow(v: unknown): EpochRecord | null {
  if (!isObj(v) || !isCount(v.epoch, 1)) return null;
  const loss = metric(v.loss);
  const accuracy = metric(v.accuracy);
  const valLoss = metric(v.valLoss);
  const valAccuracy = metric(v.valAccuracy);
  const seconds = metric(v.seconds);
  if (
    loss === undefined ||
    accuracy === undefined ||
    valLoss === undefined ||
    valAccuracy === undefined ||
    seconds === undefined
  )
    return null;
  return { epoch: v.epoch, loss, accuracy, valLoss, valAccuracy, seconds };
}

function readRows(v: unknown): EpochRecord[] | null {
  if (!Array.isArray(v)) return null;
  const rows = v.map(readRow);
  return rows.every((r): r is EpochRecord => r !== null) ? rows : null;
}

/** Every net's rows copied; the LN, GN and RMS nets only when the run trained them. */
function copyRun(run: PerNet<EpochRecord[]>): PerNet<EpochRecord[]> {
  const out: PerNet<EpochRecord[]> = { bn: [...run.bn], plain: [...run.plain] };
  for (const net of NET_IDS) {
    const rows = run[net];
    if (rows && net !== 'bn' && net !== 'plain') out[net] = [...rows];
  }
  return out;
}

function readSeedRun(v: unknown): PerNet<EpochRecord[]> | null {
  if (!isObj(v)) return null;
  const bn = readRows(v.bn);
  const plain = readRows(v.plain);
  if (!bn || !plain) return null;
  const out: PerNet<EpochRecord[]> = { bn, plain };
  // Runs saved before the other normalizations have only bn and plain; a present entry must be readable.
  for (const net of NET_IDS) {
    if (net === 'bn' || net === 'plain' || v[net] === undefined) continue;
    const rows = readRows(v[net]);
    if (!rows) return null;
    out[net] = rows;
  }
  return out;
}

const isNet = (v: unknown): v is NetId => typeof v === 'string' && (NET_IDS as readonly string[]).includes(v);

function readDivergence(v: unknown): Divergence | null {
  if (!isObj(v)) return null;
  const seedIndex = storedSeedIndex(v);
  if (!isNet(v.net) || !isCount(seedIndex, 0) || !isCount(v.epoch, 1) || !isCount(v.step, 0)) return null;
  return { net: v.net, seedIndex, epoch: v.epoch, step: v.step };
}

function readConfig(v: unknown): TrainConfig | null {
  if (!isObj(v)) return null;
  // A setting added after the run was saved takes its default; anything present must be valid.
  const config: unknown = { ...defaultConfig(), ...upgradeStoredConfig(v) };
  return validateConfig(config).length === 0 ? (config as TrainConfig) : null;
}

/** A saved run read back from JSON, or null if anything in it is not what this version writes. */
export function readSavedRun(v: unknown): SavedRun | null {
  if (!isObj(v) || typeof v.id !== 'string' || v.id === '' || !isCount(v.number, 1)) return null;
  if (typeof v.savedAt !== 'number' || !Number.isFinite(v.savedAt)) return null;
  if (v.status !== 'finished' && v.status !== 'stopped') return null;
  const config = readConfig(v.config);
  if (config === null || !Array.isArray(v.seedRuns) || !Array.isArray(v.divergences)) return null;
  const seedRuns = v.seedRuns.map(readSeedRun);
  const divergences = v.divergences.map(readDivergence);
  if (!seedRuns.every((r): r is PerNet<EpochRecord[]> => r !== null)) return null;
  if (!divergences.every((d): d is Divergence => d !== null)) return null;
  return {
    id: v.id,
    number: v.number,
    savedAt: v.savedAt,
    status: v.status,
    config,
    seedRuns,
    divergences,
    hidden: v.hidden === true,
  };
}
