// Which answer each request command gets: one table that the client reads at run time and the compiler reads for
// types, so `request(command)` infers its answer and a wrong pairing does not compile. Dependency-free.
import type { WorkerCommand, WorkerEvent } from './protocol';

/** Commands that ask for an answer (they carry a request id). */
export type RequestCommand = Extract<WorkerCommand, { requestId: number }>;
export type RequestType = RequestCommand['type'];
/** Events that answer a request (an `error` with the request's id rejects it instead). */
export type AnswerEvent = Extract<WorkerEvent, { requestId: number }>;

/** Every request type names the event type that answers it; `satisfies` makes a missing or wrong entry an error. */
export const ANSWER_TYPE = {
  predict: 'prediction',
  'inspect-test': 'test-inspection',
  'save-models': 'models-saved',
  'list-models': 'model-list',
  'load-models': 'models-loaded',
  'delete-models': 'model-list',
  'export-models': 'models-exported',
  'import-models': 'models-loaded',
  'inside-view': 'inside-series',
  'recalibrate-bn': 'bn-recalibrated',
  memory: 'memory',
} as const satisfies Record<RequestType, AnswerEvent['type']>;

/** The command as a caller writes it (the client adds the request id); `type: C` lets the compiler infer C. */
export type RequestOf<C extends RequestType> = Omit<Extract<RequestCommand, { type: C }>, 'requestId'> & { type: C };
/** The event that answers command type C. */
export type AnswerTo<C extends RequestType> = Extract<AnswerEvent, { type: (typeof ANSWER_TYPE)[C] }>;

/**
 * How long the worker may take to answer once it is ready (backend chosen), by request type. Recalibration makes a
 * pass over the training set, which on the plain-JS backend takes tens of seconds; everything else answers in
 * seconds at most, even between the steps of a run.
 */
export const REQUEST_TIMEOUT_MS: Record<RequestType, number> = {
  predict: 30_000,
  'inspect-test': 60_000,
  'save-models': 60_000,
  'list-models': 30_000,
  'load-models': 60_000,
  'delete-models': 30_000,
  'export-models': 60_000,
  'import-models': 60_000,
  'inside-view': 30_000,
  'recalibrate-bn': 300_000,
  memory: 30_000,
};
