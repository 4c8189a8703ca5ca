// The draw-a-digit panel wired to the app: the nets that answer now (training, trained or loaded) read what is drawn.
import { useMemo } from 'react';
import { netNames } from '../../shared/netNames';
import type { TrainingWorker } from '../hooks/useTrainingWorker';
import type { UiState } from '../stateTypes';
import { DrawDigitPanel } from './DrawDigitPanel';
import { useDigitReading } from './useDigitReading';
import { countRender } from '../renderCount';

interface Props {
  state: UiState;
  request: TrainingWorker['request'];
  onError: (message: string) => void;
}

export function DrawDigitSection({ state, request, onError }: Props) {
  countRender('DrawDigitSection');
  const answering = state.answering;
  // While nets train, ask again about once a second so the reading follows their weights.
  const refresh = answering?.source.kind === 'training' ? Math.floor((state.progress?.elapsedMs ?? 0) / 1000) : 0;
  const reading = useDigitReading(request, answering?.source ?? null, refresh, onError);
  const config = answering?.config ?? state.runConfig;
  // Same object while the config is, so the memoized panel skips progress-driven re-renders.
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
