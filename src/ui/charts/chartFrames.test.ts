// The page's chart redraw queue: later frames, as many per frame as the budget allows, on-screen charts only, and
// an off-screen chart drawn when it comes into view.
import { describe, expect, it } from 'vitest';
import { ChartFrames, type FrameScheduler, type VisibilityWatch } from './chartFrames';

function fakeFrames(): FrameScheduler & { flush(): void; pending: number } {
  let queue: Array<() => void> = [];
  return {
    request(callback) {
      queue.push(callback);
      return queue.length;
    },
    cancel() {
      queue = [];
    },
    flush() {
      const run = queue;
      queue = [];
      for (const callback of run) callback();
    },
    get pending() {
      return queue.length;
    },
  };
}

/** Elements are strings here; `set` moves one on or off screen. */
function fakeVisibility(): { watch: VisibilityWatch; set(element: string, visible: boolean): void; watched(): number } {
  const listeners = new Map<unknown, (visible: boolean) => void>();
  return {
    watch: (element, onChange) => {
      listeners.set(element, onChange);
      return () => listeners.delete(element);
    },
    set: (element, visible) => listeners.get(element)?.(visible),
    watched: () => listeners.size,
  };
}

/** A chart that costs `cost` ms of the fake clock to redraw, and logs its redraws. */
function chart(name: string, log: string[], clock: { t: number }, cost = 0) {
  return {
    update(mode: 'none') {
      expect(mode).toBe('none');
      clock.t += cost;
      log.push(name);
    },
  };
}

function setup(budgetMs = 8) {
  const frames = fakeFrames();
  const visibility = fakeVisibility();
  const clock = { t: 0 };
  const queue = new ChartFrames({ frames, watch: visibility.watch, now: () => clock.t, budgetMs });
  const log: string[] = [];
  return { frames, visibility, clock, queue, log };
}

const asElement = (name: string): Element => name as unknown as Element;

describe('ChartFrames', () => {
  it('redraws in a later frame, once however often a chart asked', () => {
    const { frames, clock, queue, log } = setup();
    const a = chart('a', log, clock);
    queue.add(a, asElement('a'));
    queue.request(a);
    queue.request(a);
    queue.request(a);
    expect(log).toEqual([]);
    expect(frames.pending).toBe(1);
    frames.flush();
    expect(log).toEqual(['a']);
    expect(frames.pending).toBe(0);
  });

  it('spreads slow redraws over frames, in the order the charts were added', () => {
    const { frames, clock, queue, log } = setup(8);
    const charts = ['figure-loss', 'figure-accuracy', 'percentiles'].map((n) => chart(n, log, clock, 12));
    charts.forEach((c, i) => queue.add(c, asElement(`c${i}`)));
    for (const c of [...charts].reverse()) queue.request(c);
    frames.flush();
    expect(log).toEqual(['figure-loss']);
    frames.flush();
    expect(log).toEqual(['figure-loss', 'figure-accuracy']);
    frames.flush();
    expect(log).toEqual(['figure-loss', 'figure-accuracy', 'percentiles']);
    expect(frames.pending).toBe(0);
  });

  it('redraws several cheap charts in one frame', () => {
    const { frames, clock, queue, log } = setup(8);
    const charts = ['a', 'b', 'c'].map((n) => chart(n, log, clock, 2));
    charts.forEach((c, i) => queue.add(c, asElement(`c${i}`)));
    charts.forEach((c) => queue.request(c));
    frames.flush();
    expect(log).toEqual(['a', 'b', 'c']);
  });

  it('leaves a chart off screen waiting, and draws it when it comes into view', () => {
    const { frames, visibility, clock, queue, log } = setup();
    const a = chart('a', log, clock);
    queue.add(a, asElement('a'));
    visibility.set('a', false);
    queue.request(a);
    frames.flush();
    expect(log).toEqual([]);
    expect(queue.waiting()).toBe(1);
    visibility.set('a', true);
    frames.flush();
    expect(log).toEqual(['a']);
    expect(queue.waiting()).toBe(0);
    // Coming into view with nothing new to show costs nothing.
    visibility.set('a', false);
    visibility.set('a', true);
    expect(frames.pending).toBe(0);
  });

  it('flush draws every waiting chart at once, on screen or not (before a canvas is read)', () => {
    const { frames, visibility, clock, queue, log } = setup();
    const a = chart('a', log, clock, 20);
    const b = chart('b', log, clock, 20);
    queue.add(a, asElement('a'));
    queue.add(b, asElement('b'));
    visibility.set('b', false);
    queue.request(a);
    queue.request(b);
    queue.flush();
    expect(log).toEqual(['a', 'b']);
    frames.flush();
    expect(log).toEqual(['a', 'b']);
  });

  it('forgets a removed chart (its requests are ignored) and stops watching it', () => {
    const { frames, visibility, clock, queue, log } = setup();
    const a = chart('a', log, clock);
    const remove = queue.add(a, asElement('a'));
    expect(visibility.watched()).toBe(1);
    queue.request(a);
    remove();
    frames.flush();
    queue.request(a);
    frames.flush();
    expect(log).toEqual([]);
    expect(visibility.watched()).toBe(0);
  });

  it('cancels its frame and forgets every chart on dispose', () => {
    const { frames, visibility, clock, queue, log } = setup();
    const a = chart('a', log, clock);
    queue.add(a, asElement('a'));
    queue.request(a);
    queue.dispose();
    frames.flush();
    expect(log).toEqual([]);
    expect(visibility.watched()).toBe(0);
  });
});
