// When the page's charts redraw: a chart asks, and is redrawn in a later animation frame, as many per frame as fit
// in a few milliseconds (always at least one), the charts on screen before the others. A chart off screen waits
// until it scrolls into view. On a 2-core machine one Chart.js update takes 10–25 ms; an epoch's end asks up to
// eight charts at once (the figure and the inspectors), which done together were main-thread tasks of 50–80 ms.
export interface FrameScheduler {
  request(callback: () => void): number;
  cancel(handle: number): void;
}

/** Tells the queue whether an element is on screen now, and again whenever that changes. */
export type VisibilityWatch = (element: Element, onChange: (visible: boolean) => void) => () => void;

/** What the queue needs of a chart: Chart.js's own update without animation. */
export interface Redrawable {
  update(mode: 'none'): void;
}

interface Entry {
  visible: boolean;
  dirty: boolean;
  unwatch: () => void;
}

export interface ChartFramesOptions {
  frames?: FrameScheduler;
  watch?: VisibilityWatch;
  now?: () => number;
  /** Redraws keep starting in one frame until this many milliseconds have gone. */
  budgetMs?: number;
}

export class ChartFrames {
  private readonly entries = new Map<Redrawable, Entry>();
  private readonly frames: FrameScheduler;
  private readonly watchVisibility: VisibilityWatch;
  private readonly now: () => number;
  private readonly budgetMs: number;
  private pending: number | null = null;

  constructor(options: ChartFramesOptions = {}) {
    this.frames = options.frames ?? animationFrames;
    this.watchVisibility = options.watch ?? intersectionWatch;
    this.now = options.now ?? (() => performance.now());
    this.budgetMs = options.budgetMs ?? 8;
  }

  /** Starts watching a chart drawn in `element`; returns what stops it (the chart is then forgotten). */
  add(chart: Redrawable, element: Element): () => void {
    this.remove(chart);
    const entry: Entry = { visible: true, dirty: false, unwatch: () => {} };
    this.entries.set(chart, entry);
    entry.unwatch = this.watchVisibility(element, (visible) => {
      entry.visible = visible;
      if (visible && entry.dirty) this.schedule();
    });
    return () => this.remove(chart);
  }

  /** The chart's data changed: it is redrawn in a coming frame (once, however often it asks before then). */
  request(chart: Redrawable): void {
    const entry = this.entries.get(chart);
    if (!entry) return;
    entry.dirty = true;
    if (entry.visible) this.schedule();
  }

  /** Redraws every waiting chart now, on screen or not (before a chart's canvas is read, e.g. to save it). */
  flush(): void {
    for (const [chart, entry] of this.entries) {
      if (entry.dirty) {
        entry.dirty = false;
        chart.update('none');
      }
    }
  }

  /** Charts waiting for a redraw, on screen and off (for tests). */
  waiting(): number {
    let n = 0;
    for (const entry of this.entries.values()) if (entry.dirty) n++;
    return n;
  }

  dispose(): void {
    if (this.pending !== null) this.frames.cancel(this.pending);
    this.pending = null;
    for (const chart of [...this.entries.keys()]) this.remove(chart);
  }

  private remove(chart: Redrawable): void {
    const entry = this.entries.get(chart);
    if (!entry) return;
    entry.unwatch();
    this.entries.delete(chart);
  }

  private schedule(): void {
    if (this.pending !== null) return;
    this.pending = this.frames.request(() => {
      this.pending = null;
      this.runFrame();
    });
  }

  private runFrame(): void {
    const start = this.now();
    // Map order is the order charts asked to be watched (the page's order): the figure before the inspectors.
    for (const [chart, entry] of this.entries) {
      if (!entry.dirty || !entry.visible) continue;
      if (this.now() - start >= this.budgetMs) {
        this.schedule();
        return;
      }
      entry.dirty = false;
      chart.update('none');
    }
  }
}

const animationFrames: FrameScheduler = {
  request: (callback) => requestAnimationFrame(callback),
  cancel: (handle) => cancelAnimationFrame(handle),
};

/** On screen = any part within 200 px of the viewport, so a chart scrolled to is already drawn. */
const intersectionWatch: VisibilityWatch = (element, onChange) => {
  if (typeof IntersectionObserver === 'undefined') return () => {};
  const observer = new IntersectionObserver(
    (entries) => {
      const last = entries[entries.length - 1];
      if (last) onChange(last.isIntersecting);
    },
    { rootMargin: '200px' },
  );
  observer.observe(element);
  return () => observer.disconnect();
};

/** The page's one queue. */
export const chartFrames = new ChartFrames();
