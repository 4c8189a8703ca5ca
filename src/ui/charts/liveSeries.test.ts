// The running curves: appended in place (the chart holds the arrays) and announced to the charts as they arrive.
import { listenArrayEvents } from 'chart.js/helpers';
import { describe, expect, it } from 'vitest';
import { LiveSeries, type LiveReport } from './liveSeries';

const running = (loss: number) => ({ bn: { loss, accuracy: 0.9 }, plain: { loss: loss * 2, accuracy: 0.8 } });

/** A report at x on the epoch axis (100 steps an epoch): x = 1.5 is step 50 of epoch 2. */
function at(x: number, loss: number, seedIndex = 0): LiveReport {
  const epoch = Math.max(1, Math.ceil(x));
  return { seedIndex, epoch, step: Math.round((x - (epoch - 1)) * 100), stepsPerEpoch: 100, running: running(loss) };
}

describe('LiveSeries', () => {
  it('appends to the same arrays and tells every chart of each new point', () => {
    const live = new LiveSeries();
    const arrays = [live.points.bn.loss, live.points.plain.accuracy];
    const told: string[] = [];
    live.subscribe(() => told.push('loss'));
    live.subscribe(() => told.push('accuracy'));
    live.append(at(0.1, 1));
    live.append(at(0.2, 0.8));
    live.append(at(0.3, 0.6));
    expect(told).toEqual(['loss', 'accuracy', 'loss', 'accuracy', 'loss', 'accuracy']);
    expect(live.points.bn.loss).toEqual([
      { x: 0.1, y: 1 },
      { x: 0.2, y: 0.8 },
      { x: 0.3, y: 0.6 },
    ]);
    expect(live.points.plain.loss.map((p) => p.y)).toEqual([2, 1.6, 1.2]);
    expect(live.points.bn.accuracy).toHaveLength(3);
    expect([live.points.bn.loss, live.points.plain.accuracy]).toEqual(arrays);
    expect(live.points.bn.loss).toBe(arrays[0]);
  });

  it('skips a repeated or out-of-order x, since the chart assumes sorted data', () => {
    const live = new LiveSeries();
    live.append(at(0.5, 1));
    live.append(at(0.5, 2));
    live.append(at(0.4, 3));
    expect(live.points.bn.loss).toEqual([{ x: 0.5, y: 1 }]);
  });

  it('empties in place on reset (and says so), and stops telling a listener that left', () => {
    const live = new LiveSeries();
    const bnLoss = live.points.bn.loss;
    let notified = 0;
    const leave = live.subscribe(() => notified++);
    live.append(at(0.5, 1));
    live.reset();
    expect(notified).toBe(2);
    expect(live.points.bn.loss).toBe(bnLoss);
    expect(bnLoss).toHaveLength(0);
    leave();
    live.append(at(0.6, 1));
    expect(notified).toBe(2);
  });
});

describe('LiveSeries with Chart.js watching its arrays', () => {
  it('removes points with a splice Chart.js can follow (start and count, nothing inserted)', () => {
    const live = new LiveSeries();
    const calls: unknown[][] = [];
    listenArrayEvents(live.points.bn.loss, {
      _onDataPush: (...items) => calls.push(['push', items.length]),
      _onDataSplice: (...args) => calls.push(['splice', ...args]),
    });
    live.append(at(0.1, 1));
    live.append(at(0.2, 1));
    live.reset();
    // Chart.js reads "inserted" as arguments.length - 2, so splice(0) alone would insert -1 elements and throw.
    expect(calls).toEqual([
      ['push', 1],
      ['push', 1],
      ['splice', 0, 2],
    ]);
  });
});

describe('LiveSeries across epochs', () => {
  it('breaks the line where a new epoch restarts the running mean', () => {
    const series = new LiveSeries();
    series.append(at(0.5, 1));
    series.append(at(1, 0.5));
    series.append(at(1.5, 0.4));
    const xs = series.points.bn.loss.map((p) => p.x);
    expect(xs).toEqual([0.5, 1, 1.25, 1.5]);
    expect(Number.isNaN(series.points.bn.loss[2]?.y)).toBe(true);
    expect(Number.isNaN(series.points.plain.accuracy[2]?.y)).toBe(true);
    expect(series.points.bn.loss[3]?.y).toBe(0.4);
  });
});

describe('LiveSeries on the steps axis, across seeds and divergence', () => {
  it('puts points at the global step and still breaks the line at epoch boundaries', () => {
    const series = new LiveSeries();
    series.reset('steps');
    series.append({ seedIndex: 0, epoch: 1, step: 50, stepsPerEpoch: 100, running: running(1) });
    series.append({ seedIndex: 0, epoch: 2, step: 10, stepsPerEpoch: 100, running: running(0.5) });
    expect(series.points.bn.loss.map((p) => p.x)).toEqual([50, 80, 110]);
    expect(Number.isNaN(series.points.bn.loss[1]?.y)).toBe(true);
  });

  it('starts the curves afresh when the next seed begins', () => {
    const series = new LiveSeries();
    const arrays = series.points.bn.loss;
    series.append(at(0.5, 1, 0));
    series.append(at(1.5, 1, 0));
    series.append(at(0.2, 2, 1));
    expect(series.points.bn.loss).toBe(arrays);
    expect(series.points.bn.loss).toEqual([{ x: 0.2, y: 2 }]);
    expect(series.currentSeed).toBe(1);
  });

  it('skips a net absent from the report and turns a non-finite value into a gap', () => {
    const series = new LiveSeries();
    series.append({
      seedIndex: 0,
      epoch: 1,
      step: 10,
      stepsPerEpoch: 100,
      running: { plain: { loss: Number.POSITIVE_INFINITY, accuracy: 0.1 } },
    });
    expect(series.points.bn.loss).toEqual([]);
    expect(Number.isNaN(series.points.plain.loss[0]?.y)).toBe(true);
    expect(series.points.plain.accuracy[0]?.y).toBe(0.1);
  });
});
