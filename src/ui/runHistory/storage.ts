// The run history in localStorage: a versioned key holding the 10 most recent runs, newest first. Pure over an
// injected Storage-like object, so the rules (cap, corrupt data, a full quota) are unit-tested without a browser.
import { readSavedRun, type SavedRun } from './savedRun';

export const HISTORY_KEY = 'bn-lab.history.v1';
export const SHOW_KEY = 'bn-lab.history.show.v1';
export const MAX_RUNS = 10;

export type HistoryStorage = Pick<Storage, 'getItem' | 'setItem'>;

export interface Loaded {
  runs: SavedRun[];
  /** What the user should be told once: saved data that could not be read (and was ignored). */
  problem: string | null;
}

export function loadRuns(storage: HistoryStorage): Loaded {
  let text: string | null;
  try {
    text = storage.getItem(HISTORY_KEY);
  } catch (e) {
    return { runs: [], problem: `Earlier runs could not be read from this browser's storage (${errorText(e)}).` };
  }
  if (text === null) return { runs: [], problem: null };
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch {
    return { runs: [], problem: 'The earlier runs saved in this browser were unreadable and have been ignored.' };
  }
  const list = typeof parsed === 'object' && parsed !== null && 'runs' in parsed ? parsed.runs : undefined;
  if (!Array.isArray(list)) {
    return {
      runs: [],
      problem: 'The earlier runs saved in this browser were in an unknown format and have been ignored.',
    };
  }
  const runs = list.map(readSavedRun).filter((r): r is SavedRun => r !== null);
  const bad = list.length - runs.length;
  const problem =
    bad === 0 ? null : `${bad} of the saved runs could not be read and ${bad === 1 ? 'was' : 'were'} ignored.`;
  return { runs: sortNewestFirst(runs).slice(0, MAX_RUNS), problem };
}

export interface Saved {
  /** What was actually stored: older runs are dropped when the quota cannot hold them all. */
  runs: SavedRun[];
  problem: string | null;
}

/** Stores the runs; when the browser's quota is full, drops the oldest until the rest fit (and says so). */
export function saveRuns(storage: HistoryStorage, runs: readonly SavedRun[]): Saved {
  let kept = runs.slice(0, MAX_RUNS);
  let lastError: unknown = null;
  while (true) {
    try {
      storage.setItem(HISTORY_KEY, JSON.stringify({ runs: kept }));
      if (kept.length === runs.length) return { runs: kept, problem: null };
      const dropped = runs.length - kept.length;
      return {
        runs: kept,
        problem: `The browser's storage is full: the ${dropped} oldest run${dropped === 1 ? ' was' : 's were'} not kept.`,
      };
    } catch (e) {
      lastError = e;
      if (kept.length <= 1) break;
      kept = kept.slice(0, -1);
    }
  }
  return {
    runs: [...runs],
    problem: `This run could not be kept in the browser (${errorText(lastError)}); it stays listed until the page is reloaded.`,
  };
}

/** Adds a run as the newest, keeping the MAX_RUNS most recent. */
export function addRun(runs: readonly SavedRun[], run: SavedRun): SavedRun[] {
  return sortNewestFirst([run, ...runs.filter((r) => r.id !== run.id)]).slice(0, MAX_RUNS);
}

export function deleteRun(runs: readonly SavedRun[], id: string): SavedRun[] {
  return runs.filter((r) => r.id !== id);
}

export function setHidden(runs: readonly SavedRun[], id: string, hidden: boolean): SavedRun[] {
  return runs.map((r) => (r.id === id ? { ...r, hidden } : r));
}

/** The number the next saved run gets: one more than the highest kept. */
export function nextNumber(runs: readonly SavedRun[]): number {
  return runs.reduce((n, r) => Math.max(n, r.number), 0) + 1;
}

export function loadShowOnCharts(storage: HistoryStorage): boolean {
  try {
    return storage.getItem(SHOW_KEY) !== 'false';
  } catch {
    return true;
  }
}

export function saveShowOnCharts(storage: HistoryStorage, show: boolean): void {
  try {
    storage.setItem(SHOW_KEY, String(show));
  } catch {
    // A view preference: losing it costs one click after a reload, not worth a message.
  }
}

function sortNewestFirst(runs: SavedRun[]): SavedRun[] {
  return [...runs].sort((a, b) => b.savedAt - a.savedAt || b.number - a.number);
}

function errorText(e: unknown): string {
  if (e instanceof Error) return e.name === 'QuotaExceededError' ? 'storage is full' : e.message || e.name;
  return String(e);
}
