// Words for saved nets: the name suggested for a new save, when an entry was saved, its settings in one line and its
// nets' val_accuracy. Pure (no React, no DOM), so the panel's texts are tested on their own.
import { TRAIN_SET_MAX, type TrainConfig } from '../../shared/config';
import { NET_IDS } from '../../shared/metrics';
import { NET_SHORT_NAMES } from '../../shared/netNames';
import type { SomeNets } from '../../shared/protocol';
import { formatInt } from '../format';

const pad2 = (n: number): string => String(n).padStart(2, '0');

/** "2026-11-27 05:40" in the user's local time: sortable, and the same on every locale. */
export function localDateTime(date: Date): string {
  return `${date.getFullYear()}-${pad2(date.getMonth() + 1)}-${pad2(date.getDate())} ${pad2(date.getHours())}:${pad2(date.getMinutes())}`;
}

/** "adam-0.001-b32-e10 2026-11-27 05:40": what trained the nets and when, so two saves rarely collide. */
export function suggestName(
  config: Pick<TrainConfig, 'optimizer' | 'lr' | 'batchSize' | 'epochs'>,
  date: Date,
): string {
  return `${config.optimizer}-${config.lr}-b${config.batchSize}-e${config.epochs} ${localDateTime(date)}`;
}

/** When an entry was saved, as the suggested names write it; the stored text itself if it is not a date. */
export function savedWhen(iso: string): string {
  const time = Date.parse(iso);
  return Number.isNaN(time) ? iso : localDateTime(new Date(time));
}

/** "128×64 relu · adam lr 0.001 · batch 32 · 10 epochs" (+ "· 3,000 examples" on a quick run, "· No BN only" …). */
export function settingsSummary(config: TrainConfig): string {
  const parts = [
    `${config.layers.join('×')} ${config.activation}`,
    `${config.optimizer} lr ${config.lr}`,
    `batch ${config.batchSize}`,
    `${config.epochs} epoch${config.epochs === 1 ? '' : 's'}`,
  ];
  if (config.trainSize < TRAIN_SET_MAX) parts.push(`${formatInt(config.trainSize)} examples`);
  if (config.nets !== 'both') parts.push(`${NET_SHORT_NAMES[config.nets]} only`);
  return parts.join(' · ');
}

/** "With BN 97.8% · No BN 97.1%", or '' when no accuracy was recorded. */
export function accuracySummary(valAccuracy: SomeNets<number>): string {
  return NET_IDS.flatMap((net) => {
    const value = valAccuracy[net];
    return value === undefined ? [] : [`${NET_SHORT_NAMES[net]} ${(value * 100).toFixed(1)}%`];
  }).join(' · ');
}
