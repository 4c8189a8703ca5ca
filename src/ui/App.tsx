// The page: header, notices, settings and controls, the live figure and the epoch log, wired to the worker hook.
import { useCallback, useMemo } from 'react';
import { DEFAULT_CONFIG, type ConfigProblem, type NumericKey, type TrainConfig } from '../shared/config';
import { Figure } from './charts/Figure';
import { ConfigProblems } from './ConfigProblems';
import { EpochLog } from './EpochLog';
import { ErrorList } from './ErrorList';
import { Header } from './Header';
import { useTrainingWorker } from './hooks/useTrainingWorker';
import { useUrlSync } from './hooks/useUrlSync';
import { ProgressBar } from './ProgressBar';
import { RunControls } from './RunControls';
import { readDraft } from './settings';
import { SettingsPanel } from './SettingsPanel';
import { canTrain, isRunActive, type UiState } from './state';

interface Props {
  initial: { config: TrainConfig; problems: ConfigProblem[] };
}

function trainBlocker(state: UiState, configValid: boolean): string | null {
  if (state.data.phase === 'error') return 'The data did not load; reload the page to try again.';
  if (state.data.phase !== 'ready') return 'Waiting for the MNIST data…';
  if (!configValid) return 'Fix the settings marked above.';
  if (state.status === 'stopping') return 'Waiting for the run to stop…';
  return null;
}

export function App({ initial }: Props) {
  const { state, dispatch, live, train, stop } = useTrainingWorker(initial);
  const form = useMemo(() => readDraft(state.settings), [state.settings]);
  useUrlSync(form.config);

  const active = isRunActive(state.status);
  const trainable = canTrain(state, form.config !== null);
  const epochs = state.runConfig?.epochs ?? form.config?.epochs ?? DEFAULT_CONFIG.epochs;

  const onTrain = () => {
    if (form.config !== null && trainable) train(form.config);
  };
  const onEdit = useCallback((key: NumericKey, text: string) => dispatch({ type: 'config-edited', key, text }), [dispatch]);
  const onFigureError = useCallback((message: string) => dispatch({ type: 'ui-error', message }), [dispatch]);

  return (
    <div className="app">
      <Header backend={state.backend} backendFailed={state.backendFailed} />
      <main>
        <ConfigProblems problems={state.configProblems} onDismiss={() => dispatch({ type: 'config-problems-dismissed' })} />
        <ErrorList messages={state.messages} onDismiss={(id) => dispatch({ type: 'message-dismissed', id })} />
        <div className="control-row">
          <SettingsPanel draft={state.settings} errors={form.errors} running={active} onEdit={onEdit} />
          <section className="card run" aria-labelledby="run-heading">
            <h2 id="run-heading">Run</h2>
            <RunControls
              status={state.status}
              canTrain={trainable}
              blocker={trainBlocker(state, form.config !== null)}
              hasRun={state.runId !== null}
              onTrain={onTrain}
              onStop={stop}
            />
            <ProgressBar state={state} />
          </section>
        </div>
        <Figure
          history={state.history}
          epochs={epochs}
          live={live}
          runConfig={state.runConfig}
          backend={state.backend?.backend ?? null}
          onError={onFigureError}
        />
        <EpochLog history={state.history} />
      </main>
      <footer className="page-footer">
        Runs entirely in this page: TensorFlow.js in a Web Worker, MNIST served from this site. The address bar holds the
        settings, so a link reproduces a run.
      </footer>
    </div>
  );
}
