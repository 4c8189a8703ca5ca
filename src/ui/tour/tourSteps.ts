// The guided tour's steps and its pure logic: the experiment each step runs (a preset, shortened to fit about a
// minute), the prediction it asks for, and how the run's own numbers answer it. No React, no DOM: unit-tested.
import type { TrainConfig } from '../../shared/config';
import type { NetId } from '../../shared/metrics';
import type { PerNet } from '../../shared/protocol';
import { PRESETS, presetConfig, type Preset, type PresetId } from '../../shared/presets';
import type { EpochRecord } from '../epochHistory';
import { acc, CHALLENGE_TARGET, checkChallenge, compareModes, compareNets, lowestNet } from './tourMeasures';

export { acc, CHALLENGE_TARGET, checkChallenge, compareModes, compareNets, lowestNet } from './tourMeasures';

/** What a step needs to know about the run it started: read from the UI state, never from the clock or a table. */
export interface TourRun {
  runId: number;
  config: TrainConfig;
  /** True once the run ended (finished, stopped or failed): its numbers will not change any more. */
  ended: boolean;
  /** The first seed's epoch rows, per net. */
  epochs: PerNet<readonly EpochRecord[]>;
  /** Nets whose loss became NaN or infinite in the first seed. */
  diverged: readonly NetId[];
  /** The BN net scored on a probe batch in training mode (batch statistics) and inference mode (running averages). */
  modeAccuracy: { steps: readonly number[]; train: readonly number[]; inference: readonly number[] };
}

export interface Choice {
  id: string;
  label: string;
}

/** Where a step points the learner afterwards. */
export type Inspector = 'figure' | 'epoch-log' | 'bn-inside' | 'test-set';

export interface Measurement {
  /** The choice the run bears out; null when the run has nothing to say (yet). */
  outcome: string | null;
  /** The numbers, as a sentence. */
  summary: string;
}

interface StepBase {
  id: string;
  title: string;
  presetId: PresetId;
  /** Settings on top of the preset that make the run fit about a minute. */
  changes: Partial<Omit<TrainConfig, 'backend'>>;
  /** Says how the run differs from the preset (empty when it does not). */
  shortNote: string;
  intro: string;
  /** The section to look at afterwards, and the button's words. */
  inspect: { target: Inspector; label: string };
  /** Whether the BN inspectors must record during the run (they record only while their section is open). */
  opensInside: boolean;
  explain: string;
}

export interface PredictStep extends StepBase {
  kind: 'predict';
  question: string;
  choices: readonly Choice[];
  measure(run: TourRun): Measurement;
}

export interface ChallengeStep extends StepBase {
  kind: 'challenge';
  goal: string;
  check(run: TourRun): { met: boolean; summary: string };
}

export type TourStep = PredictStep | ChallengeStep;

const NET_CHOICES = (tieWords: string): Choice[] => [
  { id: 'bn', label: 'With BN is ahead' },
  { id: 'plain', label: 'No BN is ahead' },
  { id: 'tie', label: tieWords },
];

export const TOUR_STEPS: readonly TourStep[] = [
  {
    kind: 'predict',
    id: 'blog',
    title: 'The blog recipe',
    presetId: 'blog',
    changes: { epochs: 1 },
    shortNote: 'The tour runs one epoch of the recipe (the preset runs ten): about 15 seconds here.',
    intro:
      'Two copies of the same small ReLU net start from the same weights and see the same batches; only one has BatchNorm layers. Adam, learning rate 0.001, batch 32.',
    question: 'After one epoch, which net scores higher on the 10,000 test images?',
    choices: NET_CHOICES('About the same (within 0.2 points)'),
    measure: (run) => compareNets(run, 0.002),
    inspect: { target: 'epoch-log', label: 'Show the epoch log' },
    opensInside: false,
    explain:
      'On this shallow net both learn fast, and one epoch separates them by tenths of a point: on the full recipe BN usually leads on validation early and its validation loss stays lower and flatter, while the plain net fits the training set harder. Run it again with another seed (Settings) and the order may change: a small gap needs several seeds to mean anything.',
  },
  {
    kind: 'predict',
    id: 'high-lr',
    title: 'A high learning rate',
    presetId: 'high-lr',
    changes: { epochs: 1 },
    shortNote: 'One epoch instead of the preset’s three.',
    intro: 'The same nets, trained with Adam at 0.05: fifty times the blog’s rate.',
    question: 'At learning rate 0.05, which net is ahead after one epoch?',
    choices: NET_CHOICES('About the same (within 1 point)'),
    measure: (run) => compareNets(run, 0.01),
    inspect: { target: 'figure', label: 'Look at the figure' },
    opensInside: false,
    explain:
      'BN keeps each layer’s inputs standardized whatever the weights’ scale, so large steps do not push the ReLUs into dead or exploding ranges; the plain net has no such brake and stalls or collapses.',
  },
  {
    kind: 'predict',
    id: 'sigmoid',
    title: 'Deep sigmoid: the paper’s Figure 1',
    presetId: 'paper',
    changes: { epochs: 2 },
    shortNote:
      'Two epochs (2,000 steps) instead of the preset’s fifty; the section “Inside the BN layer” is opened so it records.',
    intro:
      'The BN paper’s experiment: three sigmoid layers of 100, small Gaussian weights, plain SGD, batch 60. Sigmoids saturate when their inputs drift away from zero.',
    question: 'After 2,000 steps, how do the two nets compare on the test images?',
    choices: NET_CHOICES('Within 2 points of each other'),
    measure: (run) => compareNets(run, 0.02),
    inspect: { target: 'bn-inside', label: 'Look inside the BN layer' },
    opensInside: true,
    explain:
      'Inside the BN layer, the percentile chart shows the plain net’s inputs to the sigmoids drifting while the BN net’s stay centred: the paper’s Figure 1 (b, c). That is what lets the BN net learn faster here.',
  },
  {
    kind: 'predict',
    id: 'tiny-batch',
    title: 'Tiny batches: BN’s weakness',
    presetId: 'tiny-batch',
    changes: { epochs: 1 },
    shortNote: 'One epoch of 2,500 steps on the first 10,000 examples (the preset runs two).',
    intro:
      'Four examples a batch. BN normalizes each layer with the batch’s own mean and variance, estimated here from four numbers.',
    question: 'With 4 examples a batch, which net is ahead after one epoch?',
    choices: NET_CHOICES('About the same (within 0.5 points)'),
    measure: (run) => compareNets(run, 0.005),
    inspect: { target: 'epoch-log', label: 'Show the epoch log' },
    opensInside: false,
    explain:
      'Statistics of four examples are noisy, and at test time BN uses running averages that differ from them: training and inference disagree. Layer or group normalization do not depend on the batch.',
  },
  {
    kind: 'predict',
    id: 'modes',
    title: 'Training mode vs inference mode',
    presetId: 'quick',
    changes: {},
    shortNote:
      'The preset as it is: one epoch on 10,000 examples. The section “Inside the BN layer” is opened so it records.',
    intro:
      'In training BN normalizes with the batch’s statistics; at inference it uses running averages (momentum 0.99) that start at mean 0 and variance 1 and catch up over a few hundred steps.',
    question:
      'At the first reading, a few dozen steps in, does the BN net score higher in training mode or in inference mode?',
    choices: [
      { id: 'train', label: 'Training mode (batch statistics)' },
      { id: 'inference', label: 'Inference mode (running averages)' },
      { id: 'tie', label: 'About the same (within 2 points)' },
    ],
    measure: (run) => compareModes(run, 0.02),
    inspect: { target: 'bn-inside', label: 'Open the modes chart' },
    opensInside: true,
    explain:
      'The running averages lag: until they have warmed up, inference mode normalizes with the wrong mean and variance. Inside the BN layer, “Recalibrate” recomputes them from training batches and closes the gap at once.',
  },
  {
    kind: 'predict',
    id: 'tiny-norms',
    title: 'Tiny batches: BN vs LayerNorm vs GroupNorm',
    presetId: 'tiny-norms',
    changes: { epochs: 1 },
    shortNote: 'One epoch of 2,500 steps on the first 10,000 examples (the preset runs two).',
    intro:
      'Four nets from the same weights, four examples a batch: no normalization, BatchNorm (statistics over the batch), and LayerNorm and GroupNorm, which take their statistics from each example’s own units.',
    question: 'After one epoch, which net scores lowest on the 10,000 test images?',
    choices: [
      { id: 'bn', label: 'With BN' },
      { id: 'ln', label: 'LayerNorm' },
      { id: 'gn', label: 'GroupNorm' },
      { id: 'plain', label: 'No BN' },
    ],
    measure: lowestNet,
    inspect: { target: 'bn-inside', label: 'Compare the normalizations' },
    opensInside: false,
    explain:
      'BN’s mean and variance come from four numbers per unit, noisy and unlike the running averages used at test time. LayerNorm and GroupNorm normalize each example by itself, identically in training and at test time: a batch of four costs them nothing.',
  },
  {
    kind: 'challenge',
    id: 'challenge',
    title: 'Challenge: 97% without BN in one epoch',
    presetId: 'blog',
    changes: { epochs: 1 },
    shortNote: 'Starts from one epoch of the blog recipe; change the settings and train as often as you like.',
    intro:
      'The blog recipe gets the plain net to about 96.5% after one epoch. Change the settings (learning rate, batch size, widths…) and train.',
    goal: `Get the No BN net to ${acc(CHALLENGE_TARGET)} validation accuracy after its first epoch.`,
    check: checkChallenge,
    inspect: { target: 'epoch-log', label: 'Show the epoch log' },
    opensInside: false,
    explain:
      'A larger learning rate or smaller batches make more progress per epoch, up to the point where training becomes unstable.',
  },
];

export function stepPreset(step: TourStep): Preset {
  const preset = PRESETS.find((p) => p.id === step.presetId);
  if (!preset) throw new Error(`The tour names a preset that does not exist: ${step.presetId}`);
  return preset;
}

/**
 * The config a step trains: its preset with the step's shortening. `short` is a test switch (see debugOptions.ts)
 * that cuts any step to a few hundred steps; the tour itself always runs the experiment as described.
 */
export function stepConfig(step: TourStep, backend: TrainConfig['backend'], short = false): TrainConfig {
  const config: TrainConfig = { ...presetConfig(stepPreset(step), backend), ...step.changes };
  return short ? { ...config, epochs: 1, trainSize: Math.min(config.trainSize, 2_000) } : config;
}

/** "You predicted …; the run measured …", and whether they agree. */
export function verdict(
  step: PredictStep,
  predicted: string,
  measured: Measurement,
): { agrees: boolean | null; text: string } {
  const label = (id: string | null) => step.choices.find((c) => c.id === id)?.label ?? id ?? 'nothing yet';
  if (measured.outcome === null)
    return { agrees: null, text: `You predicted “${label(predicted)}”; the run has not measured it yet.` };
  const agrees = measured.outcome === predicted;
  return {
    agrees,
    text: `You predicted “${label(predicted)}”; the run measured “${label(measured.outcome)}”${agrees ? ': right.' : '.'}`,
  };
}
