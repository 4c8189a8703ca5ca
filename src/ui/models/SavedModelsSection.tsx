// The saved-nets panel wired to the worker: the nets that predict now, save and download when there are finished nets,
// load from the browser or a file when no run is training.
import { useMemo } from 'react';
import type { ModelSource } from '../../shared/protocol';
import type { TrainingWorker } from '../hooks/useTrainingWorker';
import { isRunActive } from '../runStatus';
import { useUi } from '../store/uiStore';
import { suggestName } from './naming';
import { SavedModelsPanel } from './SavedModelsPanel';
import { useSavedModels } from './useSavedModels';
import { countRender } from '../renderCount';

interface Props {
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

export function SavedModelsSection({ request }: Props) {
  countRender('SavedModelsSection');
  const saved = useSavedModels(request);
  const currentNets = useUi((s) => s.currentNets);
  const status = useUi((s) => s.run.status);
  const source = currentNets?.source ?? null;
  const config = currentNets?.config ?? null;
  // A fresh suggestion when other nets predict (the 'models' event replaces currentNets), not every render.
  const defaultName = useMemo(() => (config ? suggestName(config, new Date()) : ''), [config]);
  const canSave = source !== null && source.kind !== 'training' && !isRunActive(status);
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
