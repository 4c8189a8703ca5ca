// The worker's side of the BN inspectors: the view the page asked for, the recorder of the run in progress (kept
// after the run so its history can still be browsed), and the recalibration request. Worker side; TF.js via core.
import { sampleMath } from '../core/inside/bnMath';
import { InsideRecorder } from '../core/inside/insideRecorder';
import { recalibrate } from '../core/inside/recalibrate';
import type { StepObserver } from '../core/inside/stepObserver';
import type { Mnist } from '../data/mnist';
import type { TrainConfig } from '../shared/config';
import { CLOSED_VIEW, type BnMath, type InsideView } from '../shared/inside';
import type { WorkerCommand, WorkerEvent } from '../shared/protocol';
import type { CurrentNets } from './currentNets';

type Post = (event: WorkerEvent) => void;

/** What the sample maths needs of the worker: the nets that answer, the data, and a chosen backend. */
interface SampleSources {
  currentNets: CurrentNets;
  data(): Promise<Mnist>;
  ready: Promise<void>;
}

export class InsideInspectors {
  private view: InsideView = CLOSED_VIEW;
  private recording: { runId: number; recorder: InsideRecorder } | null = null;

  constructor(private readonly post: Post) {}

  /**
   * A run starts: a fresh recorder (the previous run's history goes). `everyStep` says when each step must be
   * recorded whatever the rate budget (a step taken by hand, or in slow motion).
   */
  observerFor(runId: number, config: TrainConfig, data: Mnist, everyStep: () => boolean = () => false): StepObserver {
    this.recording?.recorder.dispose();
    const recorder = new InsideRecorder({
      config,
      test: data.test,
      view: () => this.view,
      everyStep,
      onRecord: (record) => this.post({ type: 'inside-record', runId, record }),
    });
    this.recording = { runId, recorder };
    return recorder;
  }

  /**
   * The page changed what it shows: remember it (the recorder reads it at once), and answer with the chosen unit's
   * history so far and, with no run in progress, the maths on a sample batch of the BN net that predicts now.
   */
  async setView(command: Extract<WorkerCommand, { type: 'inside-view' }>, ctx: SampleSources): Promise<void> {
    const view = { ...command.view };
    this.view = view;
    const r = this.recording;
    const series = r ? r.recorder.series(view) : null;
    let sample: BnMath | null = null;
    try {
      sample = await this.sample(view, series?.unit ?? view.unit ?? 0, ctx);
    } catch (e) {
      // The history still answers; the panel says why it has no numbers.
      this.post({
        type: 'error',
        runId: null,
        scope: 'worker',
        message: `The BN maths could not be computed: ${messageOf(e)}`,
      });
    }
    this.post({
      type: 'inside-series',
      runId: series && r ? r.runId : null,
      requestId: command.requestId,
      series,
      sample,
    });
  }

  private async sample(view: InsideView, unit: number, ctx: SampleSources): Promise<BnMath | null> {
    // A run in progress shows its own mini-batches; a closed section shows nothing.
    if (!view.open || ctx.currentNets.current()?.source.kind === 'training') return null;
    const data = await ctx.data();
    await ctx.ready;
    const predicting = ctx.currentNets.current();
    const model = predicting?.models.bn;
    if (!predicting || !model || predicting.source.kind === 'training') return null;
    return sampleMath(model, data.train, predicting.config.batchSize, Math.max(0, Math.floor(view.layer)), unit);
  }
}

function messageOf(e: unknown): string {
  return e instanceof Error ? e.message : String(e);
}

/** Algorithm 2 on the BN net that answers predictions now (training, trained or loaded), over its training set. */
export async function handleRecalibrate(
  requestId: number,
  ctx: { currentNets: CurrentNets; post: Post; data(): Promise<Mnist> },
): Promise<void> {
  try {
    const data = await ctx.data();
    const predicting = ctx.currentNets.current();
    const model = predicting?.models.bn;
    if (!predicting || !model) throw new Error('There is no BN net to recalibrate yet: train one, or load saved nets.');
    const { trainSize, batchSize } = predicting.config;
    if (batchSize < 2)
      throw new Error('Recalibration needs mini-batches of at least 2 examples (batch size 1 has no variance).');
    const result = recalibrate(model, data.train, trainSize, batchSize, data.test);
    ctx.post({ type: 'bn-recalibrated', runId: null, requestId, result });
  } catch (e) {
    ctx.post({
      type: 'error',
      runId: null,
      scope: 'models',
      requestId,
      message: `Recalibration failed: ${messageOf(e)}`,
    });
  }
}
