// The test-set inspection (confusion matrices and the gallery) kept in step with the nets: recomputed in the worker
// after each epoch, when a run ends, when other nets are loaded, and on demand.
import { NET_IDS, netRows } from '../../shared/metrics';
import { useCallback, useEffect, useRef, useState } from 'react';
import type { TestInspection } from '../../shared/protocol';
import type { TrainingWorker } from '../hooks/useTrainingWorker';
import type { UiState } from '../stateTypes';

/** How many test images the gallery shows, and the seed that picks them (the same images run after run). */
export const GALLERY_SIZE = 120;
const GALLERY_SEED = 2024;

export interface InspectionState {
  inspection: TestInspection | null;
  busy: boolean;
  refresh: () => void;
  /** What the numbers describe ("after epoch 3 of run 2", "nets loaded from …"). */
  note: string;
}

function describe(state: UiState): string {
  const source = state.answering?.source;
  if (!source) return '';
  if (source.kind === 'loaded') return `the nets loaded from “${source.name}”`;
  const epochs = Math.max(...NET_IDS.map((net) => netRows(state.history, net).length));
  return source.kind === 'training'
    ? `the nets in training, after epoch ${epochs}`
    : `the nets the last run left, after epoch ${epochs}`;
}

export function useTestInspection(
  state: UiState,
  request: TrainingWorker['request'],
  onError: (message: string) => void,
): InspectionState {
  const [inspection, setInspection] = useState<TestInspection | null>(null);
  const [note, setNote] = useState('');
  const [busy, setBusy] = useState(false);
  const inFlight = useRef(false);
  // A refresh asked for while one is in flight (the run ended during an epoch's pass) runs when it returns.
  const again = useRef(false);
  const latest = useRef({ state, onError });
  latest.current = { state, onError };

  const refresh = useCallback(() => {
    if (latest.current.state.answering === null) return;
    if (inFlight.current) {
      again.current = true;
      return;
    }
    inFlight.current = true;
    setBusy(true);
    const described = describe(latest.current.state);
    request({ type: 'inspect-test', sampleSize: GALLERY_SIZE, sampleSeed: GALLERY_SEED })
      .then((answer) => {
        const { labels, predicted, sample } = answer;
        setInspection({ labels, predicted, sample });
        setNote(described);
      })
      .catch((e: unknown) =>
        latest.current.onError(`The test set could not be inspected: ${e instanceof Error ? e.message : String(e)}`),
      )
      .finally(() => {
        inFlight.current = false;
        setBusy(false);
        if (again.current) {
          again.current = false;
          refresh();
        }
      });
  }, [request]);

  // An epoch landed, a run ended, or other nets were loaded: the numbers on screen are out of date.
  // Keyed on what changes the nets, not on every new state object.
  const epochsDone = NET_IDS.reduce((n, net) => n + netRows(state.history, net).length, 0);
  const sourceKind = state.answering?.source.kind ?? null;
  const sourceKey = JSON.stringify(state.answering?.source ?? null);
  const finished = state.status === 'finished' || state.status === 'stopped';
  useEffect(() => {
    if (sourceKind === null) {
      setInspection(null);
      return;
    }
    // Nets that have not finished an epoch yet are not worth a pass over the test set.
    if (sourceKind === 'training' && epochsDone === 0) return;
    refresh();
  }, [epochsDone, sourceKind, sourceKey, finished, refresh]);

  return { inspection, busy, refresh, note };
}
