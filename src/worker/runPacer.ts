// When the run in progress may take its next mini-batch: at full speed at once, in slow motion at most N steps a
// second, paused only when Step grants one. Waits on a promise that Resume, Step, Stop or a speed change settles (or
// the slow-motion timer): never a busy loop. Plain TypeScript; the timer is injected so it is tested in Node.
import { validSpeed, type StepsPerSecond } from '../shared/pace';

export interface PacerTimer {
  now(): number;
  setTimeout(fn: () => void, ms: number): unknown;
  clearTimeout(handle: unknown): void;
}

const REAL_TIMER: PacerTimer = {
  now: () => performance.now(),
  setTimeout: (fn, ms) => setTimeout(fn, ms),
  clearTimeout: (handle) => clearTimeout(handle as ReturnType<typeof setTimeout>),
};

export interface PacerListener {
  /** The run is now held by Pause (called once per pause, when the loop reaches it). */
  onHeld?(): void;
  /** Resume was accepted. */
  onResumed?(): void;
}

export class RunPacer {
  private paused = false;
  private stopped = false;
  /** Steps granted by Step while paused, not yet taken. */
  private grants = 0;
  private speed: StepsPerSecond;
  private lastTurnAt = Number.NEGATIVE_INFINITY;
  /** Wakes the loop's current wait (set while it waits). */
  private wake: (() => void) | null = null;
  /** Whether onHeld has been said for the current pause. */
  private heldSaid = false;
  /** Time the loop spent held by Pause (not slow motion), for an ETA that is not inflated by a pause. */
  private heldMs = 0;
  private holdStartedAt: number | null = null;
  private readonly timer: PacerTimer;

  constructor(
    options: { speed?: StepsPerSecond; paused?: boolean; timer?: PacerTimer } = {},
    private readonly listener: PacerListener = {},
  ) {
    this.speed = validSpeed(options.speed);
    this.paused = options.paused === true;
    this.timer = options.timer ?? REAL_TIMER;
  }

  get isPaused(): boolean {
    return this.paused;
  }

  get stepsPerSecond(): StepsPerSecond {
    return this.speed;
  }

  /** Time spent held by Pause so far (a wait in progress included). */
  pausedMs(): number {
    return this.heldMs + (this.holdStartedAt === null ? 0 : this.timer.now() - this.holdStartedAt);
  }

  /**
   * Awaited before each mini-batch. Null: go on now (full speed, the common case, costs nothing). A promise: the run
   * is held (paused, or slowed) and goes on when it settles.
   */
  turn(): Promise<void> | null {
    if (this.stopped) return null;
    // Full speed: not even the clock is read (the first slow-motion step after it goes at once).
    if (!this.paused && this.speed === null) return null;
    return this.waitForTurn();
  }

  /** Holds every later step until resume() or step(); false when the run has ended or is already paused. */
  pause(): boolean {
    if (this.stopped || this.paused) return false;
    this.paused = true;
    this.grants = 0;
    this.heldSaid = false;
    this.poke();
    return true;
  }

  resume(): boolean {
    if (this.stopped || !this.paused) return false;
    this.paused = false;
    this.grants = 0;
    this.listener.onResumed?.();
    this.poke();
    return true;
  }

  /** One more mini-batch while paused; false when not paused. */
  step(): boolean {
    if (this.stopped || !this.paused) return false;
    this.grants++;
    this.poke();
    return true;
  }

  setSpeed(speed: StepsPerSecond): void {
    this.speed = validSpeed(speed);
    this.poke();
  }

  /** The run ends: any wait is released and every later turn goes at once (the loop then sees its stop). */
  stop(): void {
    this.stopped = true;
    this.poke();
  }

  private async waitForTurn(): Promise<void> {
    for (;;) {
      if (this.stopped) return;
      if (this.paused) {
        if (this.grants > 0) {
          this.grants--;
          this.lastTurnAt = this.timer.now();
          return;
        }
        if (!this.heldSaid) {
          this.heldSaid = true;
          this.listener.onHeld?.();
          // The listener may have resumed or stopped the run.
          continue;
        }
        await this.hold();
        continue;
      }
      const waitMs = this.speed === null ? 0 : this.lastTurnAt + 1000 / this.speed - this.timer.now();
      if (waitMs <= 0) {
        this.lastTurnAt = this.timer.now();
        return;
      }
      await this.sleep(waitMs);
    }
  }

  /** Waits, counted as paused time, until a command wakes the loop. */
  private async hold(): Promise<void> {
    this.holdStartedAt = this.timer.now();
    try {
      await this.sleep(null);
    } finally {
      this.heldMs += this.timer.now() - this.holdStartedAt;
      this.holdStartedAt = null;
    }
  }

  /** Until woken by a command, or after `ms` when given. */
  private sleep(ms: number | null): Promise<void> {
    return new Promise((resolve) => {
      let handle: unknown = null;
      const done = (): void => {
        if (handle !== null) this.timer.clearTimeout(handle);
        if (this.wake === done) this.wake = null;
        resolve();
      };
      this.wake = done;
      if (ms !== null) handle = this.timer.setTimeout(done, ms);
    });
  }

  private poke(): void {
    this.wake?.();
  }
}
