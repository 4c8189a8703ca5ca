// The main thread's handle on the training worker: sends typed commands, forwards typed events, turns the worker's
// own failures (a script error, a message that cannot be read) into a failure the UI can show, and restarts it:
// a fresh worker that gets the same `init` again, with every request still waiting rejected.
import type { WorkerCommand, WorkerEvent } from '../shared/protocol';

/** Commands that ask for an answer, and the event type of each answer. */
type RequestCommand = Extract<WorkerCommand, { requestId: number }>;
type AnswerEvent = Extract<WorkerEvent, { requestId: number }>;
type Answer<T extends AnswerEvent['type']> = Extract<AnswerEvent, { type: T }>;
type DistributiveOmit<T, K extends PropertyKey> = T extends unknown ? Omit<T, K> : never;

/** A request the worker refused or failed, with its human message. */
export class WorkerRequestError extends Error {
  readonly code = 'worker-request';
}

export type WorkerFactory = () => Worker;

export const createTrainingWorker: WorkerFactory = () =>
  new Worker(new URL('./training.worker.ts', import.meta.url), { type: 'module', name: 'batchnorm-lab-training' });

type InitCommand = Extract<WorkerCommand, { type: 'init' }>;

/** The worker threw, or its script could not run: its message, for the page to show beside a Restart button. */
export type FailureListener = (message: string) => void;

export class TrainingClient {
  private worker: Worker;
  private nextRequestId = 1;
  private readonly pending = new Map<number, { expect: string; resolve(e: AnswerEvent): void; reject(e: Error): void }>();
  /** Sent again to every fresh worker. */
  private init: InitCommand | null = null;

  constructor(
    private readonly onEvent: (event: WorkerEvent) => void,
    private readonly createWorker: WorkerFactory = createTrainingWorker,
    /** Without a listener a failure arrives as an `error` event of scope 'worker'. */
    private readonly onFailure: FailureListener = (message) => onEvent({ type: 'error', runId: null, scope: 'worker', message }),
  ) {
    this.worker = this.spawn();
  }

  /** A worker with its listeners; events of a worker that has since been replaced are dropped. */
  private spawn(): Worker {
    const worker = this.createWorker();
    worker.addEventListener('message', (e: MessageEvent<WorkerEvent>) => {
      if (worker !== this.worker) return;
      this.settle(e.data);
      this.onEvent(e.data);
    });
    worker.addEventListener('error', (e: ErrorEvent) => {
      e.preventDefault();
      if (worker !== this.worker) return;
      const message = `The training worker failed: ${e.message || 'unknown error (the worker script may not have loaded)'}.`;
      this.rejectAll(message);
      this.onFailure(message);
    });
    worker.addEventListener('messageerror', () => {
      if (worker !== this.worker) return;
      this.onEvent({ type: 'error', runId: null, scope: 'worker', message: 'A message from the training worker could not be read.' });
    });
    return worker;
  }

  send(command: WorkerCommand, transfer: Transferable[] = []): void {
    if (command.type === 'init') this.init = command;
    this.worker.postMessage(command, transfer);
  }

  /**
   * Ends the worker (whatever it was doing) and starts a fresh one with the same `init`: it picks its backend and
   * loads the data again. Requests still waiting are rejected; runs of the old worker send nothing more.
   */
  restart(): void {
    this.worker.terminate();
    this.rejectAll('The training worker was restarted.');
    this.worker = this.spawn();
    if (this.init) this.worker.postMessage(this.init);
  }

  /**
   * Sends a command that has an answer and resolves with the first event of type `expect` carrying its request id
   * (an error event with that id rejects). Other events of the same request (a list after a save) still reach onEvent.
   */
  request<T extends AnswerEvent['type']>(command: DistributiveOmit<RequestCommand, 'requestId'>, expect: T, transfer: Transferable[] = []): Promise<Answer<T>> {
    const requestId = this.nextRequestId++;
    return new Promise<Answer<T>>((resolve, reject) => {
      this.pending.set(requestId, { expect, resolve: (e) => resolve(e as Answer<T>), reject });
      this.send({ ...command, requestId } as RequestCommand, transfer);
    });
  }

  private settle(event: WorkerEvent): void {
    if (!('requestId' in event) || event.requestId === undefined) return;
    const waiter = this.pending.get(event.requestId);
    if (!waiter) return;
    if (event.type === 'error') {
      this.pending.delete(event.requestId);
      waiter.reject(new WorkerRequestError(event.message));
    } else if (event.type === waiter.expect) {
      this.pending.delete(event.requestId);
      waiter.resolve(event);
    }
  }

  dispose(): void {
    this.worker.terminate();
    this.rejectAll('The training worker was closed.');
  }

  private rejectAll(message: string): void {
    for (const waiter of this.pending.values()) waiter.reject(new WorkerRequestError(message));
    this.pending.clear();
  }
}
