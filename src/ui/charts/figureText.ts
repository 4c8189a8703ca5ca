// The exported figure's title and the one-line summary of the run it shows, so a saved PNG is self-explanatory.
import type { TrainConfig } from '../../shared/config';
import { formatInt } from '../format';

export const FIGURE_TITLE = 'MNIST: with vs without Batch Normalization';

export function describeRun(config: TrainConfig, backend: string | null): string {
  const parts = [
    `Adam lr ${config.lr}`,
    `batch ${config.batchSize}`,
    `${config.epochs} epochs`,
    `${formatInt(config.trainSize)} training examples`,
    `seed ${config.seed}`,
  ];
  if (backend !== null) parts.push(`TF.js ${backend}`);
  return `Dense(128)→[BN]→ReLU→Dense(64)→[BN]→ReLU→Dense(10) · ${parts.join(' · ')}`;
}
