// Saved runs for the run-history tests (not a test itself): small, valid, and easy to vary.
import { DEFAULT_CONFIG, type TrainConfig } from '../../shared/config';
import type { EpochRecord } from '../epochHistory';
import type { SavedRun } from './savedRun';

export function row(epoch: number, valAccuracy: number): EpochRecord {
  return { epoch, loss: 0.3 / epoch, accuracy: 0.9, valLoss: 0.2 / epoch, valAccuracy, seconds: 1.5 };
}

export function savedRun(number: number, config: Partial<TrainConfig> = {}, over: Partial<SavedRun> = {}): SavedRun {
  return {
    id: `run-${number}`,
    number,
    savedAt: 1_700_000_000_000 + number * 60_000,
    status: 'finished',
    config: { ...DEFAULT_CONFIG, layers: [...DEFAULT_CONFIG.layers], epochs: 2, ...config },
    seedRuns: [{ bn: [row(1, 0.95), row(2, 0.97)], plain: [row(1, 0.94), row(2, 0.96)] }],
    divergences: [],
    hidden: false,
    ...over,
  };
}

/** A Storage stand-in that can be told to refuse writes above a size, as a full quota does. */
export class MemoryStorage {
  readonly items = new Map<string, string>();
  constructor(private readonly quota = Infinity) {}
  getItem(key: string): string | null {
    return this.items.get(key) ?? null;
  }
  setItem(key: string, value: string): void {
    if (value.length > this.quota) {
      const error = new Error('The quota has been exceeded.');
      error.name = 'QuotaExceededError';
      throw error;
    }
    this.items.set(key, value);
  }
}
