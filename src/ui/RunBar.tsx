// The run bar at the top of the page: Train and Stop (the run controls, passed in whole), the progress with epoch,
// step, samples/s and ETA, the presets, the backend badge, and on narrow screens the button that opens the settings.
import { memo, type ReactNode } from 'react';
import type { TrainConfig } from '../shared/config';
import type { BackendInfo } from '../shared/protocol';
import type { Preset } from '../shared/presets';
import { BackendBadge } from './BackendBadge';
import { PresetBar } from './controls/PresetBar';
import { ProgressBar } from './ProgressBar';
import type { UiState } from './stateTypes';
import { countRender } from './renderCount';

interface Props {
  /** The run controls (Train, Stop…), as App builds them. */
  controls: ReactNode;
  state: UiState;
  /** The form's config, null while a field is refused. */
  config: TrainConfig | null;
  onPreset: (preset: Preset) => void;
  settingsOpen: boolean;
  onToggleSettings: () => void;
}

// Progress re-renders the bar about four times a second: the presets and the badge skip those renders.
const Presets = memo(PresetBar);
const Badge = memo(function Badge({ info, failed }: { info: BackendInfo | null; failed: boolean }) {
  return <BackendBadge info={info} failed={failed} />;
});

export function RunBar({ controls, state, config, onPreset, settingsOpen, onToggleSettings }: Props) {
  countRender('RunBar');
  return (
    <section className="card run run-bar" aria-labelledby="run-heading">
      <h2 id="run-heading" className="visually-hidden">
        Run
      </h2>
      <div className="run-main">
        {controls}
        <div className="run-progress">
          <ProgressBar state={state} />
        </div>
        <Badge info={state.backend} failed={state.backendFailed} />
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
        <Presets config={config} onPick={onPreset} />
      </div>
    </section>
  );
}
