// The client's promises when the worker fails: the failure is reported once with its message, requests waiting for
// an answer are rejected (never left hanging), and restart() brings a fresh worker that gets the same init again
// while the old one is ended and heard no more. A fake Worker stands in (Node has none).
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { WorkerCommand, WorkerEvent } from '../shared/protocol';
import { REQUEST_TIMEOUT_MS, type RequestType } from '../shared/requests';
import { TrainingClient, WorkerRequestError } from './client';
import { DEFAULT_CONFIG } from '../shared/config';

class FakeWorker extends EventTarget {
  readonly sent: WorkerCommand[] = [];
  terminated = false;
  postMessage(command: WorkerCommand): void {
    this.sent.push(command);
  }
  terminate(): void {
    this.terminated = true;
  }
  emit(event: WorkerEvent): void {
    this.dispatchEvent(Object.assign(new Event('message'), { data: event }));
  }
  crash(message: string): void {
    this.dispatchEvent(Object.assign(new Event('error', { cancelable: true }), { message }));
  }
}

function setup(timeouts: Record<RequestType, number> = REQUEST_TIMEOUT_MS) {
  const workers: FakeWorker[] = [];
  const events: WorkerEvent[] = [];
  const failures: string[] = [];
  const client = new TrainingClient(
    (e) => events.push(e),
    () => {
      const w = new FakeWorker();
      workers.push(w);
      return w as unknown as Worker;
    },
    (m) => failures.push(m),
    timeouts,
  );
  const worker = (i: number): FakeWorker => {
    const w = workers[i];
    if (!w) throw new Error(`no worker ${i}`);
    return w;
  };
  return { client, workers, worker, events, failures };
}

const INIT: WorkerCommand = { type: 'init', backend: 'auto', dataBaseUrl: 'http://127.0.0.1/data/mnist/' };

describe('TrainingClient when the worker fails', () => {
  it('reports a crash with its message and rejects the requests that wait', async () => {
    const { client, worker, failures } = setup();
    const answer = client.request({ type: 'memory' });
    worker(0).crash('boom');
    await expect(answer).rejects.toBeInstanceOf(WorkerRequestError);
    await expect(answer).rejects.toThrow(/boom/);
    expect(failures).toEqual(['The training worker failed: boom.']);
  });

  it('restart ends the old worker, rejects waiting requests, and sends init to a fresh one', async () => {
    const { client, workers, worker, events } = setup();
    client.send(INIT);
    const answer = client.request({ type: 'list-models' });
    client.restart();
    await expect(answer).rejects.toThrow(/restarted/);
    expect(workers).toHaveLength(2);
    expect(worker(0).terminated).toBe(true);
    expect(worker(1).sent).toEqual([INIT]);
    // A message the old worker had queued before it ended is not heard.
    worker(0).emit({ type: 'data-ready', runId: null, trainCount: 1, testCount: 1, ms: 1 });
    expect(events).toEqual([]);
    // The fresh worker answers requests.
    const memory = client.request({ type: 'memory' });
    const sent = worker(1).sent[1];
    if (sent?.type !== 'memory') throw new Error('no memory request sent');
    worker(1).emit({
      type: 'memory',
      runId: null,
      requestId: sent.requestId,
      backend: 'wasm',
      numTensors: 3,
      numBytes: 12,
    });
    await expect(memory).resolves.toMatchObject({ numTensors: 3 });
  });

  it('without a failure listener a crash arrives as a worker error event', () => {
    const events: WorkerEvent[] = [];
    const w = new FakeWorker();
    new TrainingClient(
      (e) => events.push(e),
      () => w as unknown as Worker,
    );
    w.crash('gone');
    expect(events).toEqual([
      { type: 'error', runId: null, scope: 'worker', message: 'The training worker failed: gone.' },
    ]);
  });
});

describe('TrainingClient and the run controls', () => {
  it('sends pause, step, resume, speed and stop with their run id, and passes the worker’s pause events on', () => {
    const { client, worker, events } = setup();
    const commands: WorkerCommand[] = [
      { type: 'train', runId: 4, config: { ...DEFAULT_CONFIG }, stepsPerSecond: 2 },
      { type: 'pause', runId: 4 },
      { type: 'step', runId: 4 },
      { type: 'speed', runId: 4, stepsPerSecond: null },
      { type: 'resume', runId: 4 },
      { type: 'stop', runId: 4 },
    ];
    for (const c of commands) client.send(c);
    expect(worker(0).sent).toEqual(commands);
    worker(0).emit({ type: 'run-paused', runId: 4 });
    worker(0).emit({ type: 'run-resumed', runId: 4 });
    expect(events).toEqual([
      { type: 'run-paused', runId: 4 },
      { type: 'run-resumed', runId: 4 },
    ]);
    // After a restart the old worker's pause events are not heard.
    client.restart();
    worker(0).emit({ type: 'run-paused', runId: 4 });
    expect(events).toHaveLength(2);
  });
});

const BACKEND: WorkerEvent = {
  type: 'backend',
  runId: null,
  info: { backend: 'wasm', reason: 'test', renderer: null, probe: null, probeSource: null },
};

describe('TrainingClient requests', () => {
  afterEach(() => {
    vi.useRealTimers();
  });

  it('resolves with the answer its command names, ignoring other events of the same id', async () => {
    const { client, worker, events } = setup();
    const saved = client.request({ type: 'save-models', name: 'a' });
    const sent = worker(0).sent[0];
    if (sent?.type !== 'save-models') throw new Error('no save request sent');
    const entry = { name: 'a', config: {} as never, savedAt: '2026-12-01', valAccuracy: {} };
    // A list with the same id is not the answer to a save: the promise waits for `models-saved`.
    worker(0).emit({ type: 'model-list', runId: null, requestId: sent.requestId, entries: [] });
    worker(0).emit({ type: 'models-saved', runId: null, requestId: sent.requestId, entry });
    const answer = await saved;
    // The answer's type follows from the command: this line would not compile for another answer.
    expect(answer.entry.name).toBe('a');
    expect(answer.type).toBe('models-saved');
    // The answer has one consumer, the caller; the other event of the request goes on to the page's listener.
    expect(events.map((e) => e.type)).toEqual(['model-list']);
    // An answer whose request is no longer waiting (it timed out) is passed on, and the page drops it.
    worker(0).emit({ type: 'models-saved', runId: null, requestId: sent.requestId, entry });
    expect(events.map((e) => e.type)).toEqual(['model-list', 'models-saved']);
  });

  it('hands an error that answers a request to the caller only', async () => {
    const { client, worker, events } = setup();
    const listed = client.request({ type: 'list-models' });
    const sent = worker(0).sent[0];
    if (sent?.type !== 'list-models') throw new Error('no list request sent');
    worker(0).emit({
      type: 'error',
      runId: null,
      scope: 'models',
      message: 'IndexedDB refused',
      requestId: sent.requestId,
    });
    await expect(listed).rejects.toThrow('IndexedDB refused');
    expect(events).toEqual([]);
  });

  it('does not compile a command with the wrong fields', () => {
    const { client } = setup();
    // @ts-expect-error: a save needs a name.
    void client.request({ type: 'save-models' }).catch(() => {});
    // @ts-expect-error: `memory` answers with numbers, not a list.
    const wrong: Promise<{ entries: unknown[] }> = client.request({ type: 'memory' });
    void wrong.catch(() => {});
    client.dispose();
  });

  it('rejects with a timeout error when a ready worker stays silent', async () => {
    vi.useFakeTimers();
    const { client, worker } = setup({ ...REQUEST_TIMEOUT_MS, memory: 1_000 });
    worker(0).emit(BACKEND);
    const memory = client.request({ type: 'memory' });
    const caught = memory.catch((e: unknown) => e);
    await vi.advanceTimersByTimeAsync(999);
    vi.advanceTimersByTime(1);
    const error = await caught;
    expect(error).toBeInstanceOf(WorkerRequestError);
    expect(error).toMatchObject({
      code: 'timeout',
      message: 'The training worker did not answer “memory” within 1 s.',
    });
  });

  it('counts the time limit from when the worker is ready, not while it loads', async () => {
    vi.useFakeTimers();
    const { client, worker } = setup({ ...REQUEST_TIMEOUT_MS, memory: 1_000 });
    const memory = client.request({ type: 'memory' });
    let settled = false;
    memory.then(
      () => (settled = true),
      () => (settled = true),
    );
    // Loading the data may take minutes on a slow link: no limit runs yet.
    await vi.advanceTimersByTimeAsync(60_000);
    expect(settled).toBe(false);
    worker(0).emit(BACKEND);
    await vi.advanceTimersByTimeAsync(1_000);
    await expect(memory).rejects.toMatchObject({ code: 'timeout' });
  });

  it('an answer in time clears the timer; a restart starts the wait for readiness again', async () => {
    vi.useFakeTimers();
    const { client, worker } = setup({ ...REQUEST_TIMEOUT_MS, memory: 1_000 });
    worker(0).emit(BACKEND);
    const first = client.request({ type: 'memory' });
    const sent = worker(0).sent[0];
    if (sent?.type !== 'memory') throw new Error('no memory request sent');
    worker(0).emit({
      type: 'memory',
      runId: null,
      requestId: sent.requestId,
      backend: 'wasm',
      numTensors: 1,
      numBytes: 4,
    });
    await expect(first).resolves.toMatchObject({ numTensors: 1 });
    expect(vi.getTimerCount()).toBe(0);
    client.restart();
    const second = client.request({ type: 'memory' });
    let settled = false;
    second.then(
      () => (settled = true),
      () => (settled = true),
    );
    await vi.advanceTimersByTimeAsync(5_000);
    expect(settled).toBe(false);
    client.dispose();
    await expect(second).rejects.toMatchObject({ code: 'worker-gone' });
  });
});
