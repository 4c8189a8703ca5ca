// The main thread's handle on the training worker: sends typed commands, forwards typed events, and turns the
// worker's own failures (a script error, a message that cannot be read) into `error` events the UI can show.
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

export class TrainingClient {
  private readonly worker: Worker;
  private nextRequestId = 1;
  private readonly pending = new Map<number, { expect: string; resolve(e: AnswerEvent): void; reject(e: Error): void }>();

  constructor(
    private readonly onEvent: (event: WorkerEvent) => void,
    createWorker: WorkerFactory = createTrainingWorker,
  ) {
    this.worker = createWorker();
    this.worker.addEventListener('message', (e: MessageEvent<WorkerEvent>) => {
      this.settle(e.data);
      this.onEvent(e.data);
    });
    this.worker.addEventListener('error', (e: ErrorEvent) => {
      e.preventDefault();
      this.rejectAll(`The training worker failed: ${e.message || 'unknown error'}.`);
      this.onEvent({
        type: 'error',
        runId: null,
        scope: 'worker',
        message: `The training worker failed: ${e.message || 'unknown error (the worker script may not have loaded)'}.`,
      });
    });
    this.worker.addEventListener('messageerror', () => {
      this.onEvent({ type: 'error', runId: null, scope: 'worker', message: 'A message from the training worker could not be read.' });
    });
  }

  send(command: WorkerCommand, transfer: Transferable[] = []): void {
    this.worker.postMessage(command, transfer);
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
