// The inspectors' recorder: a StepObserver that, at a bounded rate and only while the page shows the inspectors,
// looks at both nets around a training step — the inputs to each nonlinearity on a fixed probe batch of test images
// (the BN output in training mode, from the probe batch's own statistics, as in the BN paper's Figure 1), gradient
// norms and update sizes per Dense layer, saturation, the BN maths on the step's mini-batch, and (less often) the BN
// net's test accuracy in training and inference mode. It changes nothing in the nets: every BN computation is done
// by probeForward, never by calling a BN layer in training mode. Imports TF.js only.
import * as tf from '@tensorflow/tfjs';
import type { Split } from '../../data/mnist';
import type { TrainConfig } from '../../shared/config';
import {
  FIGURE1_PERCENTILES,
  type BnMath,
  type Histogram,
  type InsideRecord,
  type InsideSeries,
  type InsideView,
  type LayerFlow,
  type LayerHistograms,
  type ModeAccuracy,
  type NetRecord,
  type NormMath,
} from '../../shared/inside';
import { NET_IDS } from '../../shared/metrics';
import type { SomeNets } from '../../shared/protocol';
import { meanCrossEntropy } from '../losses';
import { denseLayers, kernelOf, requireNetLayers } from '../netLayers';
import type { Batch } from '../residentData';
import { PercentileHistory } from './percentileHistory';
import { histogram, saturatedShare, unitPercentiles } from './percentiles';
import { bnMath } from './bnMath';
import { normMath } from './normMath';
import { bnParts, probeForward } from './probeForward';
import { RateBudget, type BudgetSpec } from './rateBudget';
import { accuracyWith, splitBatch } from './recalibrate';
import type { ObservedStep, StepObserver } from './stepObserver';

export const PROBE_IMAGES = 256;
export const MODE_IMAGES = 1000;
export const HISTOGRAM_BINS = 40;

/**
 * At most 5 records a second, and under 5% of the worker's time; mode accuracy at most every 2 s, under 2%. (A record
 * costs about 5 training steps of both nets, the modes ~40 ms for the blog's net on WASM; in Chromium the whole cost
 * measured with `npm run bench:inside` came close to the sum of these shares, so they are kept well under 15%.)
 */
export const RECORD_BUDGET: BudgetSpec = { minIntervalMs: 200, share: 0.05 };
export const MODES_BUDGET: BudgetSpec = { minIntervalMs: 2000, share: 0.02 };

export interface RecorderOptions {
  config: TrainConfig;
  /** The test split: the probe batch is its first PROBE_IMAGES images; modes use its first MODE_IMAGES. */
  test: Split;
  view(): InsideView;
  onRecord(record: InsideRecord): void;
  /** True when this step must be recorded whatever the budget (a step a learner takes by hand or in slow motion). */
  everyStep?: () => boolean;
  clock?: () => number;
  recordBudget?: BudgetSpec;
  modesBudget?: BudgetSpec;
}

interface Pending {
  record: InsideRecord;
  kernelsBefore: SomeNets<tf.Tensor[]>;
  mathLayer: string | null;
}

export class InsideRecorder implements StepObserver {
  private readonly probe: tf.Tensor3D;
  private readonly clock: () => number;
  private readonly records: RateBudget;
  private readonly modeBudget: RateBudget;
  private history: PercentileHistory | null = null;
  /** Per hidden layer, each net's histogram at the latest record (all layers: another may be picked after the run). */
  private latestHistograms: { step: number; layers: SomeNets<Histogram>[] } | null = null;
  /** Time the last record spent on the modes (it counts against the modes budget, not the records'). */
  private modesMs = 0;

  constructor(private readonly options: RecorderOptions) {
    const { test } = options;
    const probe = splitBatch(test, 0, Math.min(PROBE_IMAGES, test.count));
    probe.y.dispose();
    this.probe = probe.x;
    this.clock = options.clock ?? (() => performance.now());
    this.records = new RateBudget(options.recordBudget ?? RECORD_BUDGET);
    this.modeBudget = new RateBudget(options.modesBudget ?? MODES_BUDGET);
  }

  /** The chosen layer's and unit's whole history (null before the first record). */
  series(view: InsideView): InsideSeries | null {
    const h = this.history;
    if (h === null || h.length === 0) return null;
    const layer = this.layerOf(view);
    const latest = this.latestHistograms;
    const nets = latest?.layers[layer];
    const histograms: LayerHistograms | null = latest && nets ? { layer, step: latest.step, nets } : null;
    return { ...h.series(layer, h.unitFor(layer, view.unit, this.options.config.layers[layer] ?? 1)), histograms };
  }

  wantsStep(): boolean {
    return this.options.view().open && (this.records.due(this.clock()) || this.options.everyStep?.() === true);
  }

  beforeStep({ seedIndex, step, models, batch }: ObservedStep): (() => void) | null {
    const view = this.options.view();
    if (!view.open) return null;
    const started = this.clock();
    if (!this.records.due(started) && this.options.everyStep?.() !== true) return null;
    if (this.history === null || this.history.seedIndex !== seedIndex) {
      this.history = new PercentileHistory(seedIndex);
      this.latestHistograms = null;
    }
    this.modesMs = 0;
    const pending = this.recordBefore(seedIndex, step, models, batch, view, started);
    const spentBefore = this.clock() - started - this.modesMs;
    return () => {
      const afterStart = this.clock();
      this.recordAfter(pending, models);
      const now = this.clock();
      this.records.spent(started, spentBefore + (now - afterStart), now);
      this.options.onRecord(pending.record);
    };
  }

  dispose(): void {
    this.probe.dispose();
  }

  private layerOf(view: InsideView): number {
    return Math.min(Math.max(0, Math.floor(view.layer)), this.options.config.layers.length - 1);
  }

  private recordBefore(
    seedIndex: number,
    step: number,
    models: SomeNets<tf.LayersModel>,
    batch: Batch,
    view: InsideView,
    started: number,
  ): Pending {
    const { config } = this.options;
    const layer = this.layerOf(view);
    const history = this.history ?? new PercentileHistory(seedIndex);
    const probeValues: SomeNets<Float32Array[]> = {};
    const percentiles: SomeNets<Float32Array[]> = {};
    for (const net of NET_IDS) {
      const model = models[net];
      if (!model) continue;
      probeValues[net] = this.nonlinearityInputs(model);
      percentiles[net] = (probeValues[net] ?? []).map((v, i) =>
        unitPercentiles(v, v.length / (config.layers[i] ?? 1), config.layers[i] ?? 1, FIGURE1_PERCENTILES),
      );
    }
    history.add(step, percentiles);
    const layerHistograms: SomeNets<Histogram>[] = config.layers.map(() => ({}));
    for (const net of NET_IDS) {
      (probeValues[net] ?? []).forEach((v, i) => {
        const perNet = layerHistograms[i];
        if (perNet) perNet[net] = histogram(v, HISTOGRAM_BINS);
      });
    }
    this.latestHistograms = { step, layers: layerHistograms };
    const width = config.layers[layer] ?? 1;
    const unit = history.unitFor(layer, view.unit, width);
    const nets: SomeNets<NetRecord> = {};
    const kernelsBefore: SomeNets<tf.Tensor[]> = {};
    let math: BnMath | null = null;
    let mathLayer: string | null = null;
    const normMaths: SomeNets<NormMath> = {};
    for (const net of NET_IDS) {
      const model = models[net];
      const values = probeValues[net];
      const p = percentiles[net]?.[layer];
      if (!model || !values || !p) continue;
      const grads = this.gradients(model, batch, { layer, unit });
      if (grads.math && net === 'bn') {
        math = grads.math;
        mathLayer = grads.mathLayer;
      }
      if (grads.normMath) normMaths[net] = grads.normMath;
      kernelsBefore[net] = grads.kernels;
      nets[net] = {
        units: width,
        percentiles: [p[unit * 3] ?? NaN, p[unit * 3 + 1] ?? NaN, p[unit * 3 + 2] ?? NaN],
        histogram: layerHistograms[layer]?.[net] ?? histogram(values[layer] ?? [], HISTOGRAM_BINS),
        flow: grads.norms.map((gradNorm) => ({ gradNorm, updateRatio: Number.NaN })),
        saturated: values.map((v) => saturatedShare(v, config.activation)),
      };
    }
    const record: InsideRecord = {
      seedIndex,
      step,
      layer,
      unit,
      typicalUnit: history.typicalUnit(layer),
      nets,
      math,
      ...(Object.keys(normMaths).length > 0 ? { normMath: normMaths } : {}),
      modeAccuracy: this.modeAccuracy(models.bn, started),
    };
    return { record, kernelsBefore, mathLayer };
  }

  /** Per hidden layer, the probe batch's inputs to the nonlinearity, row-major [probe × units]. */
  private nonlinearityInputs(model: tf.LayersModel): Float32Array[] {
    const out: Float32Array[] = [];
    tf.tidy(() => {
      probeForward(model, this.probe, { kind: 'batch' }, (v) => {
        if (v.kind === 'activation' && v.hidden >= 0) out[v.hidden] = v.input.dataSync() as Float32Array;
      });
    });
    return out;
  }

  /**
   * Gradient norms of the Dense kernels on the step's batch (the loss the step minimizes, in training mode, computed
   * without touching the BN statistics), copies of the kernels to measure the update, and the BN maths for the BN net.
   */
  private gradients(model: tf.LayersModel, batch: Batch, mathAt: { layer: number; unit: number } | null): Gradients {
    const kernels = denseKernels(model);
    const out: Gradients = { norms: [], kernels: [], math: null, mathLayer: null, normMath: null };
    tf.tidy(() => {
      const { grads } = tf.variableGrads(() => {
        const probs = probeForward(model, batch.x, { kind: 'batch' }, (v) => {
          // Read here: the pass's tensors are gone once the gradients are computed.
          if (v.kind === 'bn' && mathAt && v.hidden === mathAt.layer) {
            out.math = bnMath(v, mathAt.layer, mathAt.unit, 'step');
            out.mathLayer = v.layerName;
          }
          if (v.kind === 'norm' && mathAt && v.hidden === mathAt.layer)
            out.normMath = normMath(v, mathAt.layer, mathAt.unit);
        });
        return meanCrossEntropy(batch.y, probs);
      }, kernels);
      out.norms = kernels.map((k) => {
        const g = grads[k.name];
        return g ? (tf.norm(g).dataSync()[0] ?? NaN) : NaN;
      });
      out.kernels = kernels.map((k) => tf.keep(k.clone()));
    });
    return out;
  }

  private recordAfter(pending: Pending, models: SomeNets<tf.LayersModel>): void {
    const { record, kernelsBefore } = pending;
    for (const net of NET_IDS) {
      const before = kernelsBefore[net];
      const model = models[net];
      const rec = record.nets[net];
      if (!before || !model || !rec) continue;
      const kernels = denseKernels(model);
      rec.flow = rec.flow.map((f, i): LayerFlow => {
        const was = before[i];
        const now = kernels[i];
        if (!was || !now) return f;
        const ratio = tf.tidy(() => tf.div(tf.norm(tf.sub(now, was)), tf.norm(was)).dataSync()[0] ?? NaN);
        return { ...f, updateRatio: ratio };
      });
      tf.dispose(before);
    }
    if (record.math && pending.mathLayer && models.bn) {
      const { movingMean, movingVariance } = bnParts(models.bn.getLayer(pending.mathLayer));
      const unit = record.math.unit;
      record.math.runningMeanAfter = movingMean.dataSync()[unit] ?? NaN;
      record.math.runningVarAfter = movingVariance.dataSync()[unit] ?? NaN;
    }
  }

  /** The BN net's test accuracy with batch statistics and with the running ones, when the modes budget allows. */
  private modeAccuracy(model: tf.LayersModel | undefined, now: number): ModeAccuracy | null {
    if (!model || !this.modeBudget.due(now)) return null;
    const start = this.clock();
    const { test, config } = this.options;
    const train = accuracyWith(model, test, MODE_IMAGES, config.batchSize, { kind: 'batch' });
    const inference = accuracyWith(model, test, MODE_IMAGES, 1000, { kind: 'running' });
    const end = this.clock();
    this.modesMs = end - start;
    this.modeBudget.spent(start, this.modesMs, end);
    return { train: train.accuracy, inference: inference.accuracy, images: inference.images };
  }
}

interface Gradients {
  norms: number[];
  kernels: tf.Tensor[];
  math: BnMath | null;
  mathLayer: string | null;
  normMath: NormMath | null;
}

/** The Dense layers' kernels, input side first (the variables the optimizer moves). */
function denseKernels(model: tf.LayersModel): tf.Variable[] {
  return denseLayers(requireNetLayers(model)).map(kernelOf);
}
