// The nets that make predictions now, and who owns them: the run in progress lends its live models (it disposes them
// itself); a finished run's models, or loaded ones, are owned here until replaced. Worker side; TF.js only.
import type * as tf from '@tensorflow/tfjs';
import type { TrainConfig } from '../shared/config';
import { NET_IDS, type NetId } from '../shared/metrics';
import type { ModelSource, SomeNets } from '../shared/protocol';

export interface PredictingNets {
  models: SomeNets<tf.LayersModel>;
  source: ModelSource;
  config: TrainConfig;
  /** The nets' last val_accuracy, when known (saved with them). */
  valAccuracy: SomeNets<number>;
}

export type CurrentNetsListener = (source: ModelSource | null, nets: NetId[], config: TrainConfig | null) => void;

function netsOf(models: SomeNets<tf.LayersModel>): NetId[] {
  return NET_IDS.filter((id) => models[id] !== undefined);
}

function disposeAll(models: SomeNets<tf.LayersModel>): void {
  for (const id of NET_IDS) models[id]?.dispose();
}

export class CurrentNets {
  /** Borrowed from the run in progress: never disposed here. */
  private live: PredictingNets | null = null;
  /** Owned: a finished run's models or loaded ones. */
  private kept: PredictingNets | null = null;

  constructor(private readonly announce: CurrentNetsListener) {}

  /** The nets that answer now: the training ones while a run trains (predictions follow the latest weights). */
  current(): PredictingNets | null {
    return this.live ?? this.kept;
  }

  /** Models that may be saved: a finished run's or loaded ones (not nets halfway through a step). */
  saveable(): PredictingNets | null {
    return this.live ? null : this.kept;
  }

  /** A run built new models: they answer from now on, and older kept models are stale. */
  training(runId: number, config: TrainConfig, models: SomeNets<tf.LayersModel>): void {
    this.dropKept();
    this.live = { models, config, source: { kind: 'training', runId }, valAccuracy: {} };
    this.tell();
  }

  /** A seed's run ended and handed its models over: they are owned here now. */
  adopt(
    runId: number,
    config: TrainConfig,
    models: SomeNets<tf.LayersModel>,
    valAccuracy: SomeNets<number> = {},
  ): void {
    this.dropKept();
    this.live = null;
    this.kept = { models, config, source: { kind: 'trained', runId }, valAccuracy };
    this.tell();
  }

  /** A run failed: its live models are gone (the loop freed them). */
  runFailed(): void {
    if (this.live === null) return;
    this.live = null;
    this.tell();
  }

  /** Nets loaded from storage or a file replace whatever answered (not while a run trains: the caller checks). */
  load(name: string, config: TrainConfig, models: SomeNets<tf.LayersModel>, valAccuracy: SomeNets<number> = {}): void {
    this.dropKept();
    this.kept = { models, config, source: { kind: 'loaded', name }, valAccuracy };
    this.tell();
  }

  /** The backend the models live on is gone (a lost WebGL context): nothing answers until new nets arrive. */
  clear(): void {
    this.dropKept();
    this.live = null;
    this.tell();
  }

  isTraining(): boolean {
    return this.live !== null;
  }

  private dropKept(): void {
    if (this.kept) disposeAll(this.kept.models);
    this.kept = null;
  }

  private tell(): void {
    const now = this.current();
    this.announce(now?.source ?? null, now ? netsOf(now.models) : [], now?.config ?? null);
  }
}
