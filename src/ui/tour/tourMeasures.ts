// How the tour reads a run's own numbers to answer a step's question: which net is ahead, which is lowest, training
// against inference mode, and the challenge's verdict. Pure functions of the run, as the epoch log shows it.
import { NET_IDS, netRows, type NetId } from '../../shared/metrics';
import { NET_SHORT_NAMES } from '../../shared/netNames';
import type { Measurement, TourRun } from './tourSteps';

/** Accuracy as the epoch log prints it (so the tour's numbers can be found there). */
export function acc(value: number): string {
  return value.toFixed(4);
}

function points(diff: number): string {
  return `${(Math.abs(diff) * 100).toFixed(2)} points`;
}

const NAMES: Record<NetId, string> = NET_SHORT_NAMES;

/** Which net is ahead on validation accuracy at the last epoch both logged, "tie" within `tie` (a fraction). */
export function compareNets(run: TourRun, tie: number): Measurement {
  const { bn, plain } = run.epochs;
  const diverged = (net: NetId) => run.diverged.includes(net);
  if (diverged('bn') && diverged('plain'))
    return { outcome: 'tie', summary: 'Both nets diverged (their loss became NaN or infinite).' };
  for (const [gone, kept] of [
    ['plain', 'bn'],
    ['bn', 'plain'],
  ] as const) {
    const last = run.epochs[kept][run.epochs[kept].length - 1];
    if (diverged(gone) && last) {
      return {
        outcome: kept,
        summary: `${NAMES[gone]} diverged (its loss became NaN or infinite); ${NAMES[kept]} reached ${acc(last.valAccuracy)} validation accuracy after epoch ${last.epoch}.`,
      };
    }
  }
  const epoch = Math.min(bn.length, plain.length);
  const b = bn[epoch - 1];
  const p = plain[epoch - 1];
  if (b === undefined || p === undefined) return { outcome: null, summary: 'No epoch has ended yet.' };
  const diff = b.valAccuracy - p.valAccuracy;
  const outcome = Math.abs(diff) <= tie ? 'tie' : diff > 0 ? 'bn' : 'plain';
  const verdict =
    outcome === 'tie'
      ? `a difference of ${points(diff)}, within ${points(tie)}: about the same`
      : `${NAMES[outcome]} ahead by ${points(diff)}`;
  return {
    outcome,
    summary: `After epoch ${b.epoch}: With BN ${acc(b.valAccuracy)}, No BN ${acc(p.valAccuracy)} validation accuracy — ${verdict}.`,
  };
}

/** Training mode against inference mode at the BN net's first reading, with the last reading for contrast. */
export function compareModes(run: TourRun, tie: number): Measurement {
  const { steps, train, inference } = run.modeAccuracy;
  const [s0, t0, i0] = [steps[0], train[0], inference[0]];
  if (s0 === undefined || t0 === undefined || i0 === undefined) {
    return { outcome: null, summary: 'The BN layer recorded no reading of the two modes in this run.' };
  }
  const diff = t0 - i0;
  const outcome = Math.abs(diff) <= tie ? 'tie' : diff > 0 ? 'train' : 'inference';
  const n = steps.length - 1;
  const [sN, tN, iN] = [steps[n], train[n], inference[n]];
  const later =
    n > 0 && sN !== undefined && tN !== undefined && iN !== undefined
      ? ` At step ${sN}: ${pct(tN)} and ${pct(iN)}.`
      : '';
  return {
    outcome,
    summary: `At step ${s0} the BN net scored ${pct(t0)} in training mode and ${pct(i0)} in inference mode (${points(diff)} apart).${later}`,
  };
}

function pct(value: number): string {
  return `${(value * 100).toFixed(1)}%`;
}

/** The net with the lowest validation accuracy at the last epoch every trained net has logged. */
export function lowestNet(run: TourRun): Measurement {
  const nets = NET_IDS.filter((net) => netRows(run.epochs, net).length > 0 || run.diverged.includes(net));
  const gone = nets.find((net) => run.diverged.includes(net));
  if (gone) return { outcome: gone, summary: `${NAMES[gone]} diverged (its loss became NaN or infinite).` };
  const epoch = Math.min(...nets.map((net) => netRows(run.epochs, net).length));
  if (nets.length === 0 || epoch === 0) return { outcome: null, summary: 'No epoch has ended yet.' };
  const scores = nets.map((net) => ({ net, acc: netRows(run.epochs, net)[epoch - 1]?.valAccuracy ?? Number.NaN }));
  const lowest = scores.reduce((a, b) => (b.acc < a.acc ? b : a));
  const list = scores.map((s) => `${NAMES[s.net]} ${acc(s.acc)}`).join(', ');
  return { outcome: lowest.net, summary: `After epoch ${epoch}: ${list}; lowest: ${NAMES[lowest.net]}.` };
}

/** The plain net's first-epoch validation accuracy the challenge asks for. */
export const CHALLENGE_TARGET = 0.97;

/** The challenge's verdict on a run: the plain net's first epoch against the target. */
export function checkChallenge(run: TourRun): { met: boolean; summary: string } {
  const first = run.epochs.plain[0];
  if (run.config.nets === 'bn') return { met: false, summary: 'This run did not train the No BN net.' };
  if (run.diverged.includes('plain') && first === undefined)
    return { met: false, summary: 'The No BN net diverged before its first epoch ended.' };
  if (first === undefined) return { met: false, summary: 'The No BN net has not finished its first epoch yet.' };
  const met = first.valAccuracy >= CHALLENGE_TARGET;
  return {
    met,
    summary: `No BN after epoch 1: ${acc(first.valAccuracy)} validation accuracy (learning rate ${run.config.lr}, batch ${run.config.batchSize}, ${run.config.trainSize.toLocaleString('en-US')} examples) — ${met ? 'challenge met!' : `${points(CHALLENGE_TARGET - first.valAccuracy)} short.`}`,
  };
}
