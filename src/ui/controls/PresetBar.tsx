// One-click experiments: a button per preset (pressed when the form is exactly that preset) and, below, what to watch
// for in the one the form matches or was last set from.
import { useState } from 'react';
import type { TrainConfig } from '../../shared/config';
import { matchingPreset, PRESETS, type Preset, type PresetId } from '../../shared/presets';

interface Props {
  /** The form's config, null while a field is refused. */
  config: TrainConfig | null;
  onPick: (preset: Preset) => void;
}

export function PresetBar({ config, onPick }: Props) {
  const [lastPicked, setLastPicked] = useState<PresetId | null>(null);
  const matching = config === null ? null : matchingPreset(config);
  const shown = matching ?? PRESETS.find((p) => p.id === lastPicked) ?? null;
  return (
    <div className="presets" role="group" aria-labelledby="presets-label">
      <div className="preset-row">
        <span id="presets-label" className="label">
          Presets
        </span>
        {PRESETS.map((preset) => (
          <button
            key={preset.id}
            type="button"
            className="preset"
            data-testid={`preset-${preset.id}`}
            aria-pressed={matching?.id === preset.id}
            onClick={() => {
              setLastPicked(preset.id);
              onPick(preset);
            }}
          >
            {preset.name}
          </button>
        ))}
      </div>
      <p className="preset-watch-line">
        {shown ? (
          <>
            <strong>{matching ? 'Watch for: ' : `Based on “${shown.name}”, edited. It shows: `}</strong>
            <span data-testid="preset-watch">{shown.watch}</span>
          </>
        ) : (
          <span className="hint">Each preset sets every setting and says what to watch for.</span>
        )}
      </p>
    </div>
  );
}
