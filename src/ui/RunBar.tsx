// The run bar at the top of the page: Train and Stop (the run controls, passed in whole), the progress with epoch,
// step, samples/s and ETA, the presets, the backend badge, and on narrow screens the button that opens the settings.
import type { ReactNode } from 'react';
import type { TrainConfig } from '../shared/config';
import type { Preset } from '../shared/presets';
import { BackendBadge } from './BackendBadge';
import { PresetBar } from './controls/PresetBar';
import { ProgressBar } from './ProgressBar';
import { useUi } from './store/uiStore';
import { countRender } from './renderCount';

interface Props {
  /** The run controls (Train, Stop…), as App builds them. */
  controls: ReactNode;
  /** The form's config, null while a field is refused. */
  config: TrainConfig | null;
  onPreset: (preset: Preset) => void;
  settingsOpen: boolean;
  onToggleSettings: () => void;
}

export function RunBar({ controls, config, onPreset, settingsOpen, onToggleSettings }: Props) {
  countRender('RunBar');
  const backend = useUi((s) => s.worker.backend);
  const backendFailed = useUi((s) => s.worker.backendFailed);
  return (
    <section className="card run run-bar" aria-labelledby="run-heading">
      <h2 id="run-heading" className="visually-hidden">
        Run
      </h2>
      <div className="run-main">
        {controls}
        <div className="run-progress">
          <ProgressBar />
        </div>
        <BackendBadge info={backend} failed={backendFailed} />
        <button
          type="button"
          className="secondary settings-toggle"
          data-testid="settings-toggle"
          aria-expanded={settingsOpen}
          aria-controls="settings-sheet"
          onClick={onToggleSettings}
        >
          {settingsOpen ? 'Hide settings' : 'Settings'}
        </button>
      </div>
      <div className="run-extra">
        <PresetBar config={config} onPick={onPreset} />
      </div>
    </section>
  );
}
