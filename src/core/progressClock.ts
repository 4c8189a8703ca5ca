// When a training loop reports where it is and how fast it goes: shared by the one-seed loop (seedRun.ts) and the
// batched seeds' loop (seedsRun.ts), so both report at the same pace and measure samples per second the same way.
// No TF.js.

/** Epoch (1-based) and step within it of the `globalStep`-th step of a run (1-based), `steps` to an epoch. */
export function stepPosition(globalStep: number, steps: number): { epoch: number; step: number } {
  const epoch = Math.floor((globalStep - 1) / steps) + 1;
  return { epoch, step: globalStep - (epoch - 1) * steps };
}

export class ProgressClock {
  private last = performance.now();
  private samples = 0;

  constructor(
    private readonly runStart: number,
    private readonly intervalMs: number,
  ) {}

  /** A new epoch: the rate is measured afresh (the validation pass before it is not training). */
  restart(): void {
    this.last = performance.now();
    this.samples = 0;
  }

  /** Training examples through the nets since the last report. */
  count(samples: number): void {
    this.samples += samples;
  }

  /** Whether anything was trained since the last report (a held or stopped run reports its exact position then). */
  get pending(): boolean {
    return this.samples > 0;
  }

  due(): boolean {
    return performance.now() - this.last >= this.intervalMs;
  }

  /** The rate since the last report and the time since the run began; the next interval starts now. */
  take(): { samplesPerSec: number; elapsedMs: number } {
    const now = performance.now();
    const out = {
      samplesPerSec: (this.samples * 1000) / Math.max(now - this.last, 1),
      elapsedMs: now - this.runStart,
    };
    this.restart();
    return out;
  }
}
