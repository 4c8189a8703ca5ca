import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { createLatestThrottle } from './latestThrottle';

interface Deferred<T> {
  promise: Promise<T>;
  resolve: (value: T) => void;
  reject: (error: unknown) => void;
}

function deferred<T>(): Deferred<T> {
  let resolve: (value: T) => void = () => undefined;
  let reject: (error: unknown) => void = () => undefined;
  const promise = new Promise<T>((res, rej) => {
    resolve = res;
    reject = rej;
  });
  return { promise, resolve, reject };
}

/** A fake worker: every call waits until the test answers it. */
function fakeWorker() {
  const calls: { input: string; answer: Deferred<string> }[] = [];
  const run = vi.fn((input: string) => {
    const answer = deferred<string>();
    calls.push({ input, answer });
    return answer.promise;
  });
  const inputs = () => calls.map((c) => c.input);
  const answer = async (index: number, value: string) => {
    calls[index]?.answer.resolve(value);
    // Let the promise callbacks run.
    await vi.advanceTimersByTimeAsync(0);
  };
  return { run, calls, inputs, answer };
}

const INTERVAL = 100;

describe('createLatestThrottle', () => {
  beforeEach(() => {
    vi.useFakeTimers();
  });
  afterEach(() => {
    vi.useRealTimers();
  });

  it('runs the first request at once (leading)', () => {
    const worker = fakeWorker();
    const t = createLatestThrottle(worker.run, { intervalMs: INTERVAL, onResult: vi.fn(), onError: vi.fn() });
    t.request('a');
    expect(worker.inputs()).toEqual(['a']);
  });

  it('runs only the newest waiting input after the interval (trailing, latest wins)', async () => {
    const worker = fakeWorker();
    const onResult = vi.fn();
    const t = createLatestThrottle(worker.run, { intervalMs: INTERVAL, onResult, onError: vi.fn() });
    t.request('a');
    t.request('b');
    t.request('c');
    await worker.answer(0, 'A');
    expect(onResult).toHaveBeenCalledWith('A', 'a');
    // Answered quickly, but the interval has not passed.
    expect(worker.inputs()).toEqual(['a']);
    await vi.advanceTimersByTimeAsync(INTERVAL);
    expect(worker.inputs()).toEqual(['a', 'c']);
  });

  it('never has two runs in flight, however long one takes', async () => {
    const worker = fakeWorker();
    const t = createLatestThrottle(worker.run, { intervalMs: INTERVAL, onResult: vi.fn(), onError: vi.fn() });
    t.request('a');
    t.request('b');
    await vi.advanceTimersByTimeAsync(INTERVAL * 10);
    expect(worker.inputs()).toEqual(['a']);
    t.request('c');
    await worker.answer(0, 'A');
    // The interval has long passed: the newest input runs as soon as the first answer is in.
    expect(worker.inputs()).toEqual(['a', 'c']);
  });

  it('runs nothing more when nothing is waiting', async () => {
    const worker = fakeWorker();
    const t = createLatestThrottle(worker.run, { intervalMs: INTERVAL, onResult: vi.fn(), onError: vi.fn() });
    t.request('a');
    await worker.answer(0, 'A');
    await vi.advanceTimersByTimeAsync(INTERVAL * 5);
    expect(worker.run).toHaveBeenCalledTimes(1);
    t.request('b');
    expect(worker.inputs()).toEqual(['a', 'b']);
  });

  it('limits a steady stream of requests to one run per interval', async () => {
    const worker = fakeWorker();
    const t = createLatestThrottle(worker.run, { intervalMs: INTERVAL, onResult: vi.fn(), onError: vi.fn() });
    // A pointer-move every 16 ms for a second, each answered 5 ms later.
    for (let ms = 0; ms < 1000; ms += 16) {
      t.request(`m${ms}`);
      const last = worker.calls.length - 1;
      await vi.advanceTimersByTimeAsync(5);
      await worker.answer(last, 'ok');
      await vi.advanceTimersByTimeAsync(11);
    }
    expect(worker.run.mock.calls.length).toBeLessThanOrEqual(11);
    expect(worker.run.mock.calls.length).toBeGreaterThanOrEqual(9);
  });

  it('ignores the answer of a run in flight after cancel, and drops the waiting input', async () => {
    const worker = fakeWorker();
    const onResult = vi.fn();
    const t = createLatestThrottle(worker.run, { intervalMs: INTERVAL, onResult, onError: vi.fn() });
    t.request('a');
    t.request('b');
    t.cancel();
    await worker.answer(0, 'A');
    await vi.advanceTimersByTimeAsync(INTERVAL);
    expect(onResult).not.toHaveBeenCalled();
    expect(worker.inputs()).toEqual(['a']);
    // Usable again after a cancel.
    t.request('c');
    await worker.answer(1, 'C');
    expect(onResult).toHaveBeenCalledWith('C', 'c');
  });

  it('reports a failed run, and a run that throws at once', async () => {
    const onError = vi.fn();
    const failing = vi.fn((input: string): Promise<string> => {
      if (input === 'sync') throw new Error('no worker');
      return Promise.reject(new Error(`failed ${input}`));
    });
    const t = createLatestThrottle(failing, { intervalMs: INTERVAL, onResult: vi.fn(), onError });
    t.request('async');
    await vi.advanceTimersByTimeAsync(0);
    expect(onError).toHaveBeenCalledWith(new Error('failed async'), 'async');
    t.request('sync');
    await vi.advanceTimersByTimeAsync(INTERVAL);
    expect(onError).toHaveBeenCalledWith(new Error('no worker'), 'sync');
  });

  it('does nothing after dispose', async () => {
    const worker = fakeWorker();
    const onResult = vi.fn();
    const t = createLatestThrottle(worker.run, { intervalMs: INTERVAL, onResult, onError: vi.fn() });
    t.request('a');
    t.request('b');
    t.dispose();
    await worker.answer(0, 'A');
    await vi.advanceTimersByTimeAsync(INTERVAL * 2);
    t.request('c');
    expect(onResult).not.toHaveBeenCalled();
    expect(worker.inputs()).toEqual(['a']);
    expect(vi.getTimerCount()).toBe(0);
  });
});
