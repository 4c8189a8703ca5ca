// The worker's answers about models: predictions for a drawn digit, the test-set inspection, and saving, listing,
// loading, exporting and importing nets. Each request is answered with its id, or with an error carrying that id.
import { predictDigit } from '../core/predict';
import { inspectTest } from '../core/testInspection';
import { exportBundle, importBundle } from '../core/modelBundle';
import type { Mnist } from '../data/mnist';
import type * as tf from '@tensorflow/tfjs';
import type { SavedModelsInfo, SomeNets, WorkerCommand, WorkerEvent } from '../shared/protocol';
import { deleteSaved, listSaved, loadSaved, saveModels } from './modelStore';
import type { PredictingNets, CurrentNets } from './currentNets';

export type ModelCommand = Exclude<
  WorkerCommand,
  { type: 'init' | 'train' | 'stop' | 'pause' | 'resume' | 'step' | 'speed' | 'memory' }
>;

export interface ModelContext {
  currentNets: CurrentNets;
  post: (event: WorkerEvent) => void;
  data(): Promise<Mnist>;
}

const NOTHING_TO_SAVE = 'There are no trained nets to save yet: train (or let the run finish or stop) first.';
const BUSY_TRAINING = 'Stop the run before loading saved nets: the nets in training answer predictions now.';

/** What is saved with the nets: their settings, their last val_accuracy, and when. */
function infoFor(now: PredictingNets, name: string): SavedModelsInfo {
  return { name, config: now.config, savedAt: new Date().toISOString(), valAccuracy: now.valAccuracy };
}

/** Nets loaded from the browser or a file start making the predictions, and the request learns what was loaded. */
function answerWithLoaded(
  ctx: ModelContext,
  requestId: number,
  loaded: { info: SavedModelsInfo; models: SomeNets<tf.LayersModel> },
): void {
  const { info, models } = loaded;
  ctx.currentNets.load(info.name, info.config, models, info.valAccuracy);
  ctx.post({ type: 'models-loaded', runId: null, requestId, entry: info });
}

export async function handleModelCommand(command: ModelCommand, ctx: ModelContext): Promise<void> {
  const { currentNets, post } = ctx;
  const requestId = command.requestId;
  try {
    switch (command.type) {
      case 'predict': {
        const now = currentNets.current();
        const probabilities = now ? await predictDigit(now.models, command.pixels) : null;
        post({ type: 'prediction', runId: null, requestId, probabilities });
        return;
      }
      case 'inspect-test': {
        const now = currentNets.current();
        if (!now) throw new Error('There are no nets to inspect yet: train or load some first.');
        const data = await ctx.data();
        const inspection = await inspectTest(now.models, data.test, command.sampleSize, command.sampleSeed);
        post({ type: 'test-inspection', runId: null, requestId, ...inspection });
        return;
      }
      case 'save-models': {
        const now = currentNets.saveable();
        if (!now) throw new Error(NOTHING_TO_SAVE);
        const info = infoFor(now, command.name.trim());
        const entry = await saveModels(info.name, now.models, info);
        post({ type: 'models-saved', runId: null, requestId, entry });
        return;
      }
      case 'list-models':
        post({ type: 'model-list', runId: null, requestId, entries: await listSaved() });
        return;
      case 'load-models': {
        if (currentNets.isTraining()) throw new Error(BUSY_TRAINING);
        answerWithLoaded(ctx, requestId, await loadSaved(command.name));
        return;
      }
      case 'delete-models':
        await deleteSaved(command.name);
        post({ type: 'model-list', runId: null, requestId, entries: await listSaved() });
        return;
      case 'export-models': {
        const now = currentNets.saveable();
        if (!now) throw new Error(NOTHING_TO_SAVE);
        const name = now.source.kind === 'loaded' ? now.source.name : `batchnorm-lab-run-${now.source.runId}`;
        const bytes = await exportBundle(now.models, infoFor(now, name));
        const buffer = bytes.slice().buffer;
        post({
          type: 'models-exported',
          runId: null,
          requestId,
          fileName: `${name.replace(/[^\w.-]+/g, '_')}.json`,
          bytes: buffer,
        });
        return;
      }
      case 'import-models': {
        if (currentNets.isTraining()) throw new Error(BUSY_TRAINING);
        answerWithLoaded(ctx, requestId, await importBundle(command.bytes));
        return;
      }
    }
  } catch (e) {
    const message = e instanceof Error ? e.message : String(e);
    const what = command.type === 'import-models' ? `${command.fileName}: ` : '';
    post({ type: 'error', runId: null, scope: 'models', requestId, message: `${what}${message}` });
  }
}
