// The main thread's handle on the training worker: sends typed commands, forwards typed events, and turns the
// worker's own failures (a script error, a message that cannot be read) into `error` events the UI can show.
import type { WorkerCommand, WorkerEvent } from '../shared/protocol';

export type WorkerFactory = () => Worker;

const defaultFactory: WorkerFactory = () =>
  new Worker(new URL('./training.worker.ts', import.meta.url), { type: 'module', name: 'batchnorm-lab-training' });

export class TrainingClient {
  private readonly worker: Worker;

  constructor(
    private readonly onEvent: (event: WorkerEvent) => void,
    createWorker: WorkerFactory = defaultFactory,
  ) {
    this.worker = createWorker();
    this.worker.addEventListener('message', (e: MessageEvent<WorkerEvent>) => this.onEvent(e.data));
    this.worker.addEventListener('error', (e: ErrorEvent) => {
      e.preventDefault();
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

  send(command: WorkerCommand): void {
    this.worker.postMessage(command);
  }

  dispose(): void {
    this.worker.terminate();
  }
}
