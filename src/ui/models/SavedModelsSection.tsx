// The saved-nets panel wired to the worker: what answers now, save and download when there are finished nets,
// load from the browser or a file when no run is training.
import { useMemo } from 'react';
import type { ModelSource } from '../../shared/protocol';
import type { TrainingWorker } from '../hooks/useTrainingWorker';
import { isRunActive } from '../runStatus';
import type { UiState } from '../stateTypes';
import { suggestName } from './naming';
import { SavedModelsPanel } from './SavedModelsPanel';
import { useSavedModels } from './useSavedModels';
import { countRender } from '../renderCount';

interface Props {
  state: UiState;
  request: TrainingWorker['request'];
}

function describeSource(source: ModelSource | null): string {
  if (source === null) return 'none yet: train, or load saved nets';
  switch (source.kind) {
    case 'training':
      return `the nets of run ${source.runId}, as they train`;
    case 'trained':
      return `the nets run ${source.runId} left`;
    case 'loaded':
      return `“${source.name}”, loaded`;
  }
}

export function SavedModelsSection({ state, request }: Props) {
  countRender('SavedModelsSection');
  const saved = useSavedModels(request);
  const source = state.answering?.source ?? null;
  const config = state.answering?.config ?? null;
  // A fresh suggestion when other nets start answering (the 'models' event replaces `answering`), not every render.
  const defaultName = useMemo(() => (config ? suggestName(config, new Date()) : ''), [config]);
  const canSave = source !== null && source.kind !== 'training' && !isRunActive(state.status);
  return (
    <SavedModelsPanel
      entries={saved.entries}
      canSave={canSave}
      busy={saved.busy}
      current={describeSource(source)}
      defaultName={defaultName}
      status={saved.status}
      onSave={saved.save}
      onLoad={saved.load}
      onDelete={saved.remove}
      onDownload={saved.download}
      onLoadFile={saved.loadFile}
    />
  );
}
