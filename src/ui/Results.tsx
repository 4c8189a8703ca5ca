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
import { SeedSummary } from './SeedSummary';
import { isRunActive } from './runStatus';
import { useUi } from './store/uiStore';
import './results.css';
import { countRender } from './renderCount';

interface Props {
  live: LiveSeries;
  /** The form's settings (null while a field is refused): the axes before any run follow them. */
  formConfig: TrainConfig | null;
  onError: (message: string) => void;
}

const FALLBACK_CONFIG: TrainConfig = { ...DEFAULT_CONFIG, layers: [...DEFAULT_CONFIG.layers] };

export function Results({ live, formConfig, onError }: Props) {
  countRender('Results');
  const runConfig = useUi((s) => s.run.config);
  const stepsPerEpoch = useUi((s) => s.run.stepsPerEpoch);
  const status = useUi((s) => s.run.status);
  const params = useUi((s) => s.run.params);
  const { seedRuns, divergences } = useUi((s) => s.results);
  const backend = useUi((s) => s.worker.backend?.backend ?? null);
  // Before any run the empty axes and the history labels follow the form; after, the run on screen.
  const shownConfig = runConfig ?? formConfig ?? FALLBACK_CONFIG;
  const history = useRunHistory();
  const { runs, onScreenId, showOnCharts } = history;
  const earlier = useMemo(
    () => (showOnCharts ? earlierCurves(runs, shownConfig, onScreenId) : []),
    [runs, shownConfig, onScreenId, showOnCharts],
  );
  // Only the seed of the progress matters here: a selector of one number, so progress messages pass by.
  const liveSeed = useUi((s) => s.progress?.seedIndex ?? null);
  const fig = useMemo(
    () =>
      figureData({
        config: shownConfig,
        stepsPerEpoch: runConfig ? stepsPerEpoch : null,
        seedRuns,
        divergences,
        liveSeed,
        earlier,
      }),
    [shownConfig, runConfig, stepsPerEpoch, seedRuns, divergences, liveSeed, earlier],
  );

  return (
    <>
      <Divergences divergences={divergences} config={runConfig} active={isRunActive(status)} />
      <Figure
        fig={fig}
        live={live}
        seedRuns={seedRuns}
        runConfig={runConfig}
        shownConfig={shownConfig}
        backend={backend}
        onError={onError}
      />
      {runConfig !== null && runConfig.seeds > 1 ? (
        <SeedSummary config={runConfig} seedRuns={seedRuns} divergences={divergences} />
      ) : null}
      <RunHistoryPanel history={history} basis={shownConfig} />
      <EpochLog seedRuns={seedRuns} divergences={divergences} config={runConfig} params={params} />
    </>
  );
}
