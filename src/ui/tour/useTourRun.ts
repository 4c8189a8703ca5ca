// The run on screen as the tour reads it, rebuilt only when what the tour shows changes (an epoch row, the status
// reaching an end, a mode reading), never on the progress reports that arrive several times a second.
import { useMemo } from 'react';
import { useUi } from '../store/uiStore';
import type { TourRun } from './tourSteps';

const NO_MODE_ACCURACY: TourRun['modeAccuracy'] = { steps: [], train: [], inference: [] };

export function useTourRun(): TourRun | null {
  const runId = useUi((s) => s.run.id);
  const runConfig = useUi((s) => s.run.config);
  const ended = useUi((s) => s.run.status === 'finished' || s.run.status === 'stopped' || s.run.status === 'error');
  const divergences = useUi((s) => s.results.divergences);
  const first = useUi((s) => s.results.seedRuns[0]);
  const modeAccuracy = useUi((s) =>
    s.inside.runId !== null && s.inside.runId === s.run.id && s.inside.seedIndex === 0
      ? s.inside.modeAccuracy
      : NO_MODE_ACCURACY,
  );
  return useMemo(() => {
    if (runId === null || runConfig === null) return null;
    return {
      runId,
      config: runConfig,
      ended,
      epochs: first ?? { bn: [], plain: [] },
      diverged: divergences.filter((d) => d.seedIndex === 0).map((d) => d.net),
      modeAccuracy,
    };
  }, [runId, runConfig, ended, first, divergences, modeAccuracy]);
}
