// Metric types shared by the worker and the UI. Dependency-free.

/** The two networks of the comparison: the blog's net with BatchNorm, and its twin without. */
export type NetId = 'bn' | 'plain';
export const NET_IDS: readonly NetId[] = ['bn', 'plain'];

/** One epoch of one net, with Keras's meaning of each number. */
export interface EpochMetrics {
  /** Mean over the epoch's mini-batches of the training-mode loss. */
  loss: number;
  /** Mean over the epoch's mini-batches of the training-mode accuracy. */
  accuracy: number;
  /** Loss on the whole test set in inference mode (BN uses its running statistics). */
  valLoss: number;
  valAccuracy: number;
  /** Time this net spent on the epoch: its own training steps plus its validation pass. */
  seconds: number;
}

/** Running means over the batches seen so far in the current epoch. */
export interface RunningMetrics {
  loss: number;
  accuracy: number;
}

export interface ParamCounts {
  total: number;
  trainable: number;
}
