// The client's promises when the worker fails: the failure is reported once with its message, requests waiting for
// an answer are rejected (never left hanging), and restart() brings a fresh worker that gets the same init again
// while the old one is ended and heard no more. A fake Worker stands in (Node has none).
import { describe, expect, it } from 'vitest';
import type { WorkerCommand, WorkerEvent } from '../shared/protocol';
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

function setup() {
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
    const answer = client.request({ type: 'memory' }, 'memory');
    worker(0).crash('boom');
    await expect(answer).rejects.toBeInstanceOf(WorkerRequestError);
    await expect(answer).rejects.toThrow(/boom/);
    expect(failures).toEqual(['The training worker failed: boom.']);
  });

  it('restart ends the old worker, rejects waiting requests, and sends init to a fresh one', async () => {
    const { client, workers, worker, events } = setup();
    client.send(INIT);
    const answer = client.request({ type: 'list-models' }, 'model-list');
    client.restart();
    await expect(answer).rejects.toThrow(/restarted/);
    expect(workers).toHaveLength(2);
    expect(worker(0).terminated).toBe(true);
    expect(worker(1).sent).toEqual([INIT]);
    // A message the old worker had queued before it ended is not heard.
    worker(0).emit({ type: 'data-ready', runId: null, trainCount: 1, testCount: 1, ms: 1 });
    expect(events).toEqual([]);
    // The fresh worker answers requests.
    const memory = client.request({ type: 'memory' }, 'memory');
    const sent = worker(1).sent[1];
    if (sent?.type !== 'memory') throw new Error('no memory request sent');
    worker(1).emit({ type: 'memory', runId: null, requestId: sent.requestId, backend: 'wasm', numTensors: 3, numBytes: 12 });
    await expect(memory).resolves.toMatchObject({ numTensors: 3 });
  });

  it('without a failure listener a crash arrives as a worker error event', () => {
    const events: WorkerEvent[] = [];
    const w = new FakeWorker();
    new TrainingClient((e) => events.push(e), () => w as unknown as Worker);
    w.crash('gone');
    expect(events).toEqual([{ type: 'error', runId: null, scope: 'worker', message: 'The training worker failed: gone.' }]);
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
