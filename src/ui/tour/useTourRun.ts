// The run on screen as the tour reads it, rebuilt only when what the tour shows changes (an epoch row, the status
// reaching an end, a mode reading), never on the progress reports that arrive several times a second.
import { useMemo } from 'react';
import type { UiState } from '../stateTypes';
import type { TourRun } from './tourSteps';

const NO_MODES: TourRun['modes'] = { steps: [], train: [], inference: [] };

export function useTourRun(state: UiState): TourRun | null {
  const { runId, runConfig, status, divergences } = state;
  const first = state.seedRuns[0];
  const ended = status === 'finished' || status === 'stopped' || status === 'error';
  const modes =
    state.inside.runId !== null && state.inside.runId === runId && state.inside.repeat === 0
      ? state.inside.modes
      : NO_MODES;
  return useMemo(() => {
    if (runId === null || runConfig === null) return null;
    return {
      runId,
      config: runConfig,
      ended,
      epochs: first ?? { bn: [], plain: [] },
      diverged: divergences.filter((d) => d.repeat === 0).map((d) => d.net),
      modes,
    };
  }, [runId, runConfig, ended, first, divergences, modes]);
}
