// The main thread's handle on the training worker: sends typed commands, forwards typed events, turns the worker's
// own failures (a script error, a message that cannot be read) into a failure the UI can show, and restarts it:
// a fresh worker that gets the same `init` again, with every request still waiting rejected.
import type { WorkerCommand, WorkerEvent } from '../shared/protocol';
import {
  ANSWER_TYPE,
  REQUEST_TIMEOUT_MS,
  type AnswerEvent,
  type AnswerTo,
  type RequestCommand,
  type RequestOf,
  type RequestType,
} from '../shared/requests';

/** A request the worker refused, failed or did not answer in time, with its human message. */
export class WorkerRequestError extends Error {
  constructor(
    message: string,
    readonly code: 'refused' | 'worker-gone' | 'timeout' = 'refused',
  ) {
    super(message);
  }
}

interface Waiter {
  type: RequestType;
  resolve(e: AnswerEvent): void;
  reject(e: Error): void;
  /** Armed once the worker is ready: a request sent before waits for the data and the backend first. */
  timer: ReturnType<typeof setTimeout> | null;
}

/** How a request's time limit is measured; tests pass shorter ones. */
export type RequestTimeouts = Record<RequestType, number>;

export type WorkerFactory = () => Worker;

export const createTrainingWorker: WorkerFactory = () =>
  new Worker(new URL('./training.worker.ts', import.meta.url), { type: 'module', name: 'batchnorm-lab-training' });

type InitCommand = Extract<WorkerCommand, { type: 'init' }>;

/** The worker threw, or its script could not run: its message, for the page to show beside a Restart button. */
export type FailureListener = (message: string) => void;

export class TrainingClient {
  private worker: Worker;
  private nextRequestId = 1;
  private readonly pending = new Map<number, Waiter>();
  /** Sent again to every fresh worker. */
  private init: InitCommand | null = null;
  /** The worker has chosen its backend: from then on every request's time limit runs. */
  private ready = false;

  constructor(
    private readonly onEvent: (event: WorkerEvent) => void,
    private readonly createWorker: WorkerFactory = createTrainingWorker,
    /** Without a listener a failure arrives as an `error` event of scope 'worker'. */
    private readonly onFailure: FailureListener = (message) =>
      onEvent({ type: 'error', runId: null, scope: 'worker', message }),
    private readonly timeouts: RequestTimeouts = REQUEST_TIMEOUT_MS,
  ) {
    this.worker = this.spawn();
  }

  /** A worker with its listeners; events of a worker that has since been replaced are dropped. */
  private spawn(): Worker {
    const worker = this.createWorker();
    worker.addEventListener('message', (e: MessageEvent<WorkerEvent>) => {
      if (worker !== this.worker) return;
      if (e.data.type === 'backend' && !this.ready) this.becomeReady();
      // An answer goes to the request that asked for it, and nowhere else.
      if (!this.settle(e.data)) this.onEvent(e.data);
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
      this.onEvent({
        type: 'error',
        runId: null,
        scope: 'worker',
        message: 'A message from the training worker could not be read.',
      });
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
    this.ready = false;
    this.worker = this.spawn();
    if (this.init) this.worker.postMessage(this.init);
  }

  /**
   * Sends a command that has an answer and resolves with the event that answers it (ANSWER_TYPE) carrying its request
   * id; an error event with that id rejects, and so does silence past the command's time limit, counted from when the
   * worker is ready. The answer (or the error) reaches only the caller; other events of the same request (a list after
   * a save) still reach onEvent.
   */
  request<C extends RequestType>(command: RequestOf<C>, transfer: Transferable[] = []): Promise<AnswerTo<C>> {
    const requestId = this.nextRequestId++;
    const type: C = command.type;
    return new Promise<AnswerTo<C>>((resolve, reject) => {
      // The answer's type is the one ANSWER_TYPE names for this command: settle() checks it before resolving.
      const waiter: Waiter = { type, resolve: (e) => resolve(e as AnswerTo<C>), reject, timer: null };
      this.pending.set(requestId, waiter);
      if (this.ready) this.arm(requestId, waiter);
      this.send({ ...command, requestId } as RequestCommand, transfer);
    });
  }

  private becomeReady(): void {
    this.ready = true;
    for (const [id, waiter] of this.pending) if (waiter.timer === null) this.arm(id, waiter);
  }

  private arm(requestId: number, waiter: Waiter): void {
    const limit = this.timeouts[waiter.type];
    waiter.timer = setTimeout(() => {
      if (this.pending.get(requestId) !== waiter) return;
      this.pending.delete(requestId);
      waiter.reject(
        new WorkerRequestError(
          `The training worker did not answer “${waiter.type}” within ${Math.round(limit / 1000)} s.`,
          'timeout',
        ),
      );
    }, limit);
  }

  /** Settles the request `event` answers, if any is waiting for it: true when the event was that answer. */
  private settle(event: WorkerEvent): boolean {
    if (!('requestId' in event) || event.requestId === undefined) return false;
    const waiter = this.pending.get(event.requestId);
    if (!waiter) return false;
    if (event.type === 'error') {
      this.finish(event.requestId, waiter);
      waiter.reject(new WorkerRequestError(event.message));
      return true;
    }
    if (event.type === ANSWER_TYPE[waiter.type]) {
      this.finish(event.requestId, waiter);
      waiter.resolve(event);
      return true;
    }
    return false;
  }

  private finish(requestId: number, waiter: Waiter): void {
    if (waiter.timer !== null) clearTimeout(waiter.timer);
    this.pending.delete(requestId);
  }

  dispose(): void {
    this.worker.terminate();
    this.rejectAll('The training worker was closed.');
  }

  private rejectAll(message: string): void {
    for (const [id, waiter] of this.pending) {
      this.finish(id, waiter);
      waiter.reject(new WorkerRequestError(message, 'worker-gone'));
    }
  }
}
