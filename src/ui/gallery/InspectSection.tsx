// The test-set panel wired to the app: confusion matrices and the gallery for the nets that predict now.
import { useMemo } from 'react';
import { netNames } from '../../shared/netNames';
import type { TrainingWorker } from '../hooks/useTrainingWorker';
import { useUi } from '../store/uiStore';
import { InspectPanel } from './InspectPanel';
import { useTestInspection } from './useTestInspection';
import { countRender } from '../renderCount';

interface Props {
  request: TrainingWorker['request'];
  onError: (message: string) => void;
}

export function InspectSection({ request, onError }: Props) {
  countRender('InspectSection');
  const { inspection, busy, refresh, note } = useTestInspection(request, onError);
  const currentNets = useUi((s) => s.currentNets);
  const runConfig = useUi((s) => s.run.config);
  const config = currentNets?.config ?? runConfig;
  const names = useMemo(() => netNames(config), [config]);
  return (
    <InspectPanel
      inspection={inspection}
      netNames={names}
      busy={busy}
      canRefresh={currentNets !== null}
      onRefresh={refresh}
      note={note}
    />
  );
}
