// What a run produced: divergence notices, the figure (with earlier runs faded in), the seeds summary, the run
// history and the epoch log that is also the figure's text alternative.
import { useMemo } from 'react';
import { DEFAULT_CONFIG, type TrainConfig } from '../shared/config';
import { earlierCurves } from './runHistory/earlier';
import { RunHistoryPanel } from './runHistory/RunHistoryPanel';
import { useRunHistory } from './runHistory/useRunHistory';
import { Figure } from './charts/Figure';
import { figureData } from './charts/figureData';
import type { LiveSeries } from './charts/liveSeries';
import { Divergences } from './Divergences';
import { EpochLog } from './EpochLog';
import { RepeatSummary } from './RepeatSummary';
import { readDraft } from './settings';
import { isRunActive } from './runStatus';
import type { UiState } from './stateTypes';
import './results.css';
import { countRender } from './renderCount';

interface Props {
  state: UiState;
  live: LiveSeries;
  /** The epochs the form would run, for the x-axis before any run when the form is not valid. */
  formEpochs: number | null;
  onError: (message: string) => void;
}

export function Results({ state, live, formEpochs, onError }: Props) {
  countRender('Results');
  const formConfig = useMemo(() => readDraft(state.settings).config, [state.settings]);
  // Before any run the empty axes and the history labels follow the form; after, the run on screen.
  const shownConfig = useMemo<TrainConfig>(
    () =>
      state.runConfig ??
      formConfig ?? {
        ...DEFAULT_CONFIG,
        layers: [...DEFAULT_CONFIG.layers],
        epochs: formEpochs ?? DEFAULT_CONFIG.epochs,
      },
    [state.runConfig, formConfig, formEpochs],
  );
  const history = useRunHistory(state);
  const { runs, onScreenId, showOnCharts } = history;
  const earlier = useMemo(
    () => (showOnCharts ? earlierCurves(runs, shownConfig, onScreenId) : []),
    [runs, shownConfig, onScreenId, showOnCharts],
  );
  // Only the repeat number of the progress matters here: the figure must not rebuild on every progress report.
  const liveRepeat = state.progress?.repeat ?? null;
  const fig = useMemo(
    () =>
      figureData({
        config: shownConfig,
        stepsPerEpoch: state.runConfig ? state.stepsPerEpoch : null,
        seedRuns: state.seedRuns,
        divergences: state.divergences,
        liveRepeat,
        earlier,
      }),
    [shownConfig, state.runConfig, state.stepsPerEpoch, state.seedRuns, state.divergences, liveRepeat, earlier],
  );
  const runConfig = state.runConfig;

  return (
    <>
      <Divergences divergences={state.divergences} config={runConfig} active={isRunActive(state.status)} />
      <Figure
        fig={fig}
        live={live}
        seedRuns={state.seedRuns}
        runConfig={runConfig}
        shownConfig={shownConfig}
        backend={state.backend?.backend ?? null}
        onError={onError}
      />
      {runConfig !== null && runConfig.repeats > 1 ? (
        <RepeatSummary config={runConfig} seedRuns={state.seedRuns} divergences={state.divergences} />
      ) : null}
      <RunHistoryPanel history={history} basis={shownConfig} />
      <EpochLog seedRuns={state.seedRuns} divergences={state.divergences} config={runConfig} params={state.params} />
    </>
  );
}
