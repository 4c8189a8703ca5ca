// The test-set panel wired to the app: confusion matrices and the gallery for the nets that answer now.
import { netNames } from '../../shared/netNames';
import type { TrainingWorker } from '../hooks/useTrainingWorker';
import type { UiState } from '../state';
import { InspectPanel } from './InspectPanel';
import { useTestInspection } from './useTestInspection';

interface Props {
  state: UiState;
  request: TrainingWorker['request'];
  onError: (message: string) => void;
}

export function InspectSection({ state, request, onError }: Props) {
  const { inspection, busy, refresh, note } = useTestInspection(state, request, onError);
  return (
    <InspectPanel
      inspection={inspection}
      netNames={netNames(state.answering?.config ?? state.runConfig)}
      busy={busy}
      canRefresh={state.answering !== null}
      onRefresh={refresh}
      note={note}
    />
  );
}
