// How often an inspector may work: at least `minIntervalMs` apart, and so that its own time stays under `share` of
// the wall time (it waits (1 − share)/share times as long as it just spent). Plain numbers; the clock is injected.

export interface BudgetSpec {
  minIntervalMs: number;
  /** Largest fraction of the time the work may take, in (0, 1]. */
  share: number;
}

export class RateBudget {
  private nextAt = Number.NEGATIVE_INFINITY;

  constructor(private readonly spec: BudgetSpec) {}

  due(now: number): boolean {
    return now >= this.nextAt;
  }

  /** Work that started at `startedAt` took `spentMs` and ended at `now`. */
  spent(startedAt: number, spentMs: number, now: number): void {
    const rest = (spentMs * (1 - this.spec.share)) / this.spec.share;
    this.nextAt = Math.max(startedAt + this.spec.minIntervalMs, now + rest);
  }

  reset(): void {
    this.nextAt = Number.NEGATIVE_INFINITY;
  }
}
