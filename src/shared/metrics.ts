// Metric types shared by the worker and the UI. Dependency-free.

/**
 * The networks of the comparison, one per normalization: the blog's net with BatchNorm, its twin without, and the
 * same net with LayerNorm, GroupNorm or RMSNorm in BN's place. NET_IDS is the figure's and the loop's order.
 */
export type NetId = 'bn' | 'plain' | 'ln' | 'gn' | 'rms';
export const NET_IDS: readonly NetId[] = ['bn', 'plain', 'ln', 'gn', 'rms'];

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

/** A net's rows in a per-net record (none when the run did not train that net). */
export function netRows<T>(run: Partial<Record<NetId, readonly T[]>>, net: NetId): readonly T[] {
  return run[net] ?? [];
}
