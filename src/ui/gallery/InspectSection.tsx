// The test-set panel wired to the app: confusion matrices and the gallery for the nets that answer now.
import { useMemo } from 'react';
import { netNames } from '../../shared/netNames';
import type { TrainingWorker } from '../hooks/useTrainingWorker';
import type { UiState } from '../stateTypes';
import { InspectPanel } from './InspectPanel';
import { useTestInspection } from './useTestInspection';
import { countRender } from '../renderCount';

interface Props {
  state: UiState;
  request: TrainingWorker['request'];
  onError: (message: string) => void;
}

export function InspectSection({ state, request, onError }: Props) {
  countRender('InspectSection');
  const { inspection, busy, refresh, note } = useTestInspection(state, request, onError);
  const config = state.answering?.config ?? state.runConfig;
  // Same object while the config is, so the memoized panel skips the progress-driven re-renders.
  const names = useMemo(() => netNames(config), [config]);
  return (
    <InspectPanel
      inspection={inspection}
      netNames={names}
      busy={busy}
      canRefresh={state.answering !== null}
      onRefresh={refresh}
      note={note}
    />
  );
}
