// The run history in localStorage: what a user relies on is that runs survive a reload, the list stays at 10,
// deleting works, and bad or foreign data never breaks the page (it is ignored, and the user told).
import { describe, expect, it } from 'vitest';
import { DEFAULT_CONFIG } from '../../shared/config';
import { recordOf } from './savedRun';
import {
  addRun,
  deleteRun,
  HISTORY_KEY,
  loadRuns,
  loadShowOnCharts,
  MAX_RUNS,
  nextNumber,
  saveRuns,
  saveShowOnCharts,
  setHidden,
} from './storage';
import { MemoryStorage, row, savedRun } from './runs.fixture';

describe('saving and loading', () => {
  it('round-trips runs through the storage, NaN metrics included', () => {
    const storage = new MemoryStorage();
    const diverged = savedRun(
      2,
      { lr: 0.5 },
      {
        seedRuns: [
          { bn: [row(1, 0.9)], plain: [{ ...row(1, 0.1), loss: Number.NaN, valLoss: Number.POSITIVE_INFINITY }] },
        ],
        divergences: [{ net: 'plain', seedIndex: 0, epoch: 1, step: 7 }],
        hidden: true,
      },
    );
    const runs = addRun(addRun([], savedRun(1)), diverged);
    expect(saveRuns(storage, runs)).toEqual({ runs, problem: null });
    const loaded = loadRuns(storage);
    expect(loaded.problem).toBeNull();
    expect(loaded.runs.map((r) => r.id)).toEqual(['run-2', 'run-1']);
    expect(loaded.runs[1]).toEqual(savedRun(1));
    const plain = loaded.runs[0]?.seedRuns[0]?.plain[0];
    expect(Number.isNaN(plain?.loss)).toBe(true);
    expect(Number.isNaN(plain?.valLoss)).toBe(true);
    expect(loaded.runs[0]).toMatchObject({
      hidden: true,
      divergences: [{ net: 'plain', step: 7 }],
      config: { lr: 0.5 },
    });
  });

  it('starts empty when nothing is saved', () => {
    expect(loadRuns(new MemoryStorage())).toEqual({ runs: [], problem: null });
  });

  it('keeps the 10 most recent runs, newest first', () => {
    let runs = addRun([], savedRun(1));
    for (let n = 2; n <= 12; n++) runs = addRun(runs, savedRun(n));
    expect(runs).toHaveLength(MAX_RUNS);
    expect(runs.map((r) => r.number)).toEqual([12, 11, 10, 9, 8, 7, 6, 5, 4, 3]);
    expect(nextNumber(runs)).toBe(13);
    expect(nextNumber([])).toBe(1);
  });

  it('deletes and hides one run, leaving the others alone', () => {
    const runs = [savedRun(2), savedRun(1)];
    expect(deleteRun(runs, 'run-2').map((r) => r.id)).toEqual(['run-1']);
    expect(setHidden(runs, 'run-1', true).map((r) => r.hidden)).toEqual([false, true]);
  });
});

describe('bad data', () => {
  it('ignores text that is not JSON, or JSON of another shape, and says so', () => {
    for (const text of ['{not json', '[1,2,3]', '{"runs": 5}', 'null']) {
      const storage = new MemoryStorage();
      storage.items.set(HISTORY_KEY, text);
      const loaded = loadRuns(storage);
      expect(loaded.runs).toEqual([]);
      expect(loaded.problem).toMatch(/ignored/);
    }
  });

  it('keeps the readable runs and counts the others', () => {
    const storage = new MemoryStorage();
    const good = savedRun(1);
    const badConfig = { ...savedRun(2), config: { ...DEFAULT_CONFIG, lr: 'fast' } };
    const badRows = { ...savedRun(3), seedRuns: [{ bn: [{ epoch: 0 }], plain: [] }] };
    storage.items.set(HISTORY_KEY, JSON.stringify({ runs: [good, badConfig, badRows, 'hello'] }));
    const loaded = loadRuns(storage);
    expect(loaded.runs).toEqual([good]);
    expect(loaded.problem).toBe('3 of the saved runs could not be read and were ignored.');
  });

  it('fills a setting added after the run was saved with its default', () => {
    const storage = new MemoryStorage();
    const { xAxis: _dropped, ...older } = savedRun(1).config;
    storage.items.set(HISTORY_KEY, JSON.stringify({ runs: [{ ...savedRun(1), config: older }] }));
    expect(loadRuns(storage).runs[0]?.config.xAxis).toBe('epochs');
  });

  it('reads a run saved before the seeds were called seeds (`repeats`, a divergence’s `repeat`)', () => {
    const storage = new MemoryStorage();
    const { seeds: _renamed, ...config } = { ...savedRun(1).config, seeds: 3 };
    const older = {
      ...savedRun(1),
      config: { ...config, repeats: 3 },
      divergences: [{ net: 'plain', repeat: 2, epoch: 1, step: 7 }],
    };
    storage.items.set(HISTORY_KEY, JSON.stringify({ runs: [older] }));
    const run = loadRuns(storage).runs[0];
    expect(run?.config.seeds).toBe(3);
    expect(run?.config).not.toHaveProperty('repeats');
    expect(run?.divergences).toEqual([{ net: 'plain', seedIndex: 2, epoch: 1, step: 7 }]);
  });

  it('survives a storage that throws on read', () => {
    const loaded = loadRuns({
      getItem: () => {
        throw new Error('denied');
      },
      setItem: () => {},
    });
    expect(loaded.runs).toEqual([]);
    expect(loaded.problem).toMatch(/denied/);
  });
});

describe('a full quota', () => {
  it('drops the oldest runs until the rest fit, and says how many', () => {
    const runs = [savedRun(3), savedRun(2), savedRun(1)];
    const oneRun = JSON.stringify({ runs: runs.slice(0, 2) }).length;
    const saved = saveRuns(new MemoryStorage(oneRun), runs);
    expect(saved.runs.map((r) => r.number)).toEqual([3, 2]);
    expect(saved.problem).toBe("The browser's storage is full: the 1 oldest run was not kept.");
  });

  it('keeps the runs in the page when not even one fits', () => {
    const saved = saveRuns(new MemoryStorage(10), [savedRun(1)]);
    expect(saved.runs).toHaveLength(1);
    expect(saved.problem).toMatch(/could not be kept.*storage is full/);
  });
});

describe('the show-on-charts toggle', () => {
  it('defaults to on and remembers off', () => {
    const storage = new MemoryStorage();
    expect(loadShowOnCharts(storage)).toBe(true);
    saveShowOnCharts(storage, false);
    expect(loadShowOnCharts(storage)).toBe(false);
  });
});

describe('recordOf', () => {
  const seedRuns = [
    { bn: [row(1, 0.9)], plain: [row(1, 0.8)] },
    { bn: [], plain: [] },
  ];
  const meta = { id: 'x', number: 4, savedAt: 5 };

  it('records a finished or stopped run with epochs, without empty seeds', () => {
    const record = recordOf({ status: 'stopped', runConfig: DEFAULT_CONFIG, seedRuns, divergences: [] }, meta);
    expect(record).toMatchObject({ id: 'x', number: 4, status: 'stopped', hidden: false });
    expect(record?.seedRuns).toHaveLength(1);
  });

  it('records nothing while running, after an error, or without a single epoch', () => {
    expect(recordOf({ status: 'running', runConfig: DEFAULT_CONFIG, seedRuns, divergences: [] }, meta)).toBeNull();
    expect(recordOf({ status: 'error', runConfig: DEFAULT_CONFIG, seedRuns, divergences: [] }, meta)).toBeNull();
    expect(
      recordOf(
        { status: 'finished', runConfig: DEFAULT_CONFIG, seedRuns: [{ bn: [], plain: [] }], divergences: [] },
        meta,
      ),
    ).toBeNull();
  });
});
