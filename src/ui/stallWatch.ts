// Notices a run that has stopped sending progress (a worker stuck in a long synchronous call, a hung GPU readback,
// a worker that closed itself): the worker reports progress several times a second, so a long silence means trouble.
// Pure: the caller passes the time, so the tests need no clock.

/** The default silence before a run counts as stalled: far above the slowest legitimate gap (a validation pass on
 * plain-JS CPU ~1.3 s, WebGL's first upload of the training data 1–2 s, per docs/MEASURED). */
export const DEFAULT_STALL_MS = 30_000;

export class StallWatch {
  private since: number | null = null;
  private reported = false;

  constructor(readonly thresholdMs: number = DEFAULT_STALL_MS) {}

  /** A run started: the silence counts from now. */
  start(now: number): void {
    this.since = now;
    this.reported = false;
  }

  /** The run sent something: it is alive (a later silence is reported again). */
  beat(now: number): void {
    if (this.since === null) return;
    this.since = now;
    this.reported = false;
  }

  /** No run to watch (it ended, or the worker was restarted). */
  end(): void {
    this.since = null;
    this.reported = false;
  }

  /** True once per silence longer than the threshold. */
  check(now: number): boolean {
    if (this.since === null || this.reported || now - this.since < this.thresholdMs) return false;
    this.reported = true;
    return true;
  }
}
