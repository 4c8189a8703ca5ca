// The draw-a-digit panel wired to the app: the nets that predict now (training, trained or loaded) read what is drawn.
import { useMemo } from 'react';
import { netNames } from '../../shared/netNames';
import type { TrainingWorker } from '../hooks/useTrainingWorker';
import { useUi } from '../store/uiStore';
import { DrawDigitPanel } from './DrawDigitPanel';
import { useDigitReading } from './useDigitReading';
import { countRender } from '../renderCount';

interface Props {
  request: TrainingWorker['request'];
  onError: (message: string) => void;
}

export function DrawDigitSection({ request, onError }: Props) {
  countRender('DrawDigitSection');
  const currentNets = useUi((s) => s.currentNets);
  const runConfig = useUi((s) => s.run.config);
  const reading = useDigitReading(request, currentNets?.source ?? null, onError);
  const config = currentNets?.config ?? runConfig;
  const names = useMemo(() => netNames(config), [config]);
  return (
    <DrawDigitPanel
      strokes={reading.strokes}
      onStrokesChange={reading.setStrokes}
      preview={reading.preview}
      predictions={reading.predictions}
      status={reading.status}
      netNames={names}
    />
  );
}
