// The test-set inspection (confusion matrices and the gallery) kept in step with the nets: recomputed in the worker
// when the worker says they changed (an epoch ended, a run ended, other nets were loaded) and on demand.
import { useCallback, useRef, useState } from 'react';
import type { TestInspection, WorkerEvent } from '../../shared/protocol';
import type { TrainingWorker } from '../hooks/useTrainingWorker';
import type { UiState } from '../stateTypes';
import { useUi, useUiStore, useWorkerEvent } from '../store/uiStore';

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
  const source = state.currentNets?.source;
  if (!source) return '';
  if (source.kind === 'loaded') return `the nets loaded from “${source.name}”`;
  const latest = state.results.seedRuns.at(-1);
  const epochs = latest ? Math.max(latest.bn.length, latest.plain.length) : 0;
  return source.kind === 'training'
    ? `the nets in training, after epoch ${epochs}`
    : `the nets the last run left, after epoch ${epochs}`;
}

/** Whether `event` (just taken into `state`) changed the nets the numbers describe. */
function changesNets(event: WorkerEvent, state: UiState): boolean {
  if (event.runId !== null && event.runId !== state.run.id) return false;
  // Nets still in their first epoch are not worth a pass over the test set: their first epoch row asks.
  return (
    event.type === 'epoch' ||
    event.type === 'run-finished' ||
    (event.type === 'models' && event.source !== null && event.source.kind !== 'training')
  );
}

export function useTestInspection(
  request: TrainingWorker['request'],
  onError: (message: string) => void,
): InspectionState {
  const store = useUiStore();
  const [inspection, setInspection] = useState<TestInspection | null>(null);
  const [note, setNote] = useState('');
  const [busy, setBusy] = useState(false);
  const inFlight = useRef(false);
  // A refresh asked for while one is in flight (the run ended during an epoch's pass) runs when it returns.
  const again = useRef(false);

  const refresh = useCallback(() => {
    const state = store.getState();
    if (state.currentNets === null) return;
    if (inFlight.current) {
      again.current = true;
      return;
    }
    inFlight.current = true;
    setBusy(true);
    const described = describe(state);
    request({ type: 'inspect-test', sampleSize: GALLERY_SIZE, sampleSeed: GALLERY_SEED })
      .then((answer) => {
        const { labels, predicted, sample } = answer;
        setInspection({ labels, predicted, sample });
        setNote(described);
      })
      .catch((e: unknown) =>
        onError(`The test set could not be inspected: ${e instanceof Error ? e.message : String(e)}`),
      )
      .finally(() => {
        inFlight.current = false;
        setBusy(false);
        if (again.current) {
          again.current = false;
          refresh();
        }
      });
  }, [request, store, onError]);

  useWorkerEvent((event, state) => {
    if (changesNets(event, state)) refresh();
  });
  // No nets predict (a restarted worker, none loaded yet): the last numbers describe nothing on screen.
  const hasNets = useUi((s) => s.currentNets !== null);
  return { inspection: hasNets ? inspection : null, busy, refresh, note };
}
