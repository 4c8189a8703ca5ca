// The pace of a run: full speed costs nothing, Pause holds until Resume, Step (exactly one batch each) or Stop, slow
// motion spaces the steps, and time held by Pause is counted. A fake clock stands in for timers.
import { describe, expect, it } from 'vitest';
import { validSpeed } from '../shared/pace';
import { RunPacer, type PacerTimer } from './runPacer';

class FakeTimer implements PacerTimer {
  t = 0;
  private timers: Array<{ at: number; fn: () => void; id: number }> = [];
  private nextId = 1;
  now(): number {
    return this.t;
  }
  setTimeout(fn: () => void, ms: number): unknown {
    const id = this.nextId++;
    this.timers.push({ at: this.t + ms, fn, id });
    return id;
  }
  clearTimeout(handle: unknown): void {
    this.timers = this.timers.filter((x) => x.id !== handle);
  }
  get pending(): number {
    return this.timers.length;
  }
  async advance(ms: number): Promise<void> {
    this.t += ms;
    const due = this.timers.filter((x) => x.at <= this.t);
    this.timers = this.timers.filter((x) => x.at > this.t);
    for (const x of due) x.fn();
    await flush();
  }
}

async function flush(): Promise<void> {
  for (let i = 0; i < 10; i++) await Promise.resolve();
}

/** Whether the promise has settled once the microtasks queued so far have run. */
async function settled(p: Promise<void> | null): Promise<boolean> {
  if (p === null) return true;
  let done = false;
  void p.then(() => {
    done = true;
  });
  await flush();
  return done;
}

function setup(options: { speed?: number | null; paused?: boolean } = {}) {
  const timer = new FakeTimer();
  const said: string[] = [];
  const pacer = new RunPacer(
    { ...options, timer },
    { onHeld: () => said.push('held'), onResumed: () => said.push('resumed') },
  );
  return { timer, said, pacer };
}

describe('RunPacer', () => {
  it('at full speed lets every batch go at once, without a promise', () => {
    const { pacer } = setup();
    expect(pacer.turn()).toBeNull();
    expect(pacer.turn()).toBeNull();
  });

  it('holds while paused (once announced), with no timer running: a wait, not a busy loop', async () => {
    const { pacer, said, timer } = setup();
    expect(pacer.pause()).toBe(true);
    expect(pacer.pause()).toBe(false);
    const turn = pacer.turn();
    expect(await settled(turn)).toBe(false);
    expect(said).toEqual(['held']);
    expect(timer.pending).toBe(0);
    await timer.advance(60_000);
    expect(await settled(turn)).toBe(false);
  });

  it('Step lets exactly one batch through per press, then holds again without announcing it twice', async () => {
    const { pacer, said } = setup({ paused: true });
    const first = pacer.turn();
    expect(await settled(first)).toBe(false);
    expect(pacer.step()).toBe(true);
    expect(await settled(first)).toBe(true);
    const second = pacer.turn();
    expect(await settled(second)).toBe(false);
    // Two presses before the loop comes back: two batches.
    pacer.step();
    pacer.step();
    expect(await settled(second)).toBe(true);
    expect(await settled(pacer.turn())).toBe(true);
    expect(await settled(pacer.turn())).toBe(false);
    expect(said).toEqual(['held']);
  });

  it('Step does nothing unless paused; Resume goes on at full speed and is announced', async () => {
    const { pacer, said } = setup();
    expect(pacer.step()).toBe(false);
    expect(pacer.resume()).toBe(false);
    pacer.pause();
    const held = pacer.turn();
    await flush();
    expect(pacer.resume()).toBe(true);
    expect(await settled(held)).toBe(true);
    expect(pacer.turn()).toBeNull();
    expect(said).toEqual(['held', 'resumed']);
    // A Step pressed before Resume does not carry over into the next pause.
    pacer.pause();
    pacer.step();
    pacer.resume();
    pacer.pause();
    expect(await settled(pacer.turn())).toBe(false);
  });

  it('Stop releases a paused run, and every later turn goes at once', async () => {
    const { pacer } = setup({ paused: true });
    const held = pacer.turn();
    expect(await settled(held)).toBe(false);
    pacer.stop();
    expect(await settled(held)).toBe(true);
    expect(pacer.turn()).toBeNull();
    expect(pacer.pause()).toBe(false);
  });

  it('slow motion spaces the batches by 1/speed, and a pause during the wait holds', async () => {
    const { pacer, timer } = setup({ speed: 2 });
    expect(await settled(pacer.turn())).toBe(true);
    const next = pacer.turn();
    expect(await settled(next)).toBe(false);
    await timer.advance(499);
    expect(await settled(next)).toBe(false);
    await timer.advance(1);
    expect(await settled(next)).toBe(true);

    const third = pacer.turn();
    pacer.pause();
    await timer.advance(5_000);
    expect(await settled(third)).toBe(false);
    pacer.resume();
    expect(await settled(third)).toBe(true);
  });

  it('a new speed applies to the wait in progress; full speed ends it', async () => {
    const { pacer, timer } = setup({ speed: 0.5 });
    await settled(pacer.turn());
    const slow = pacer.turn();
    await timer.advance(100);
    expect(await settled(slow)).toBe(false);
    pacer.setSpeed(10);
    expect(await settled(slow)).toBe(true);
    const fast = pacer.turn();
    pacer.setSpeed(null);
    expect(await settled(fast)).toBe(true);
    expect(pacer.turn()).toBeNull();
  });

  it('counts the time held by Pause, not the slow-motion waits', async () => {
    const { pacer, timer } = setup({ speed: 1 });
    await settled(pacer.turn());
    const slow = pacer.turn();
    await timer.advance(1000);
    expect(await settled(slow)).toBe(true);
    expect(pacer.pausedMs()).toBe(0);
    pacer.pause();
    const held = pacer.turn();
    await timer.advance(3000);
    expect(pacer.pausedMs()).toBe(3000);
    pacer.step();
    await settled(held);
    await timer.advance(500);
    expect(pacer.pausedMs()).toBe(3000);
  });

  it('accepts only positive finite speeds up to 1,000 steps a second', () => {
    expect(validSpeed(2)).toBe(2);
    expect(validSpeed(0.5)).toBe(0.5);
    for (const bad of [0, -1, Number.NaN, Number.POSITIVE_INFINITY, 5000, '2', null, undefined])
      expect(validSpeed(bad)).toBeNull();
  });
});
