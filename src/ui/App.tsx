// The page, figure first: the header, the run bar (Train, Stop, progress, presets, backend), then the live figure with
// the settings beside it (a collapsible sheet on narrow screens), then the epoch log and the inspectors; the guided
// tour docks in the settings column (a bottom sheet on narrow screens). Wired to the worker hook.
import { useCallback, useMemo, useRef, useState } from 'react';
import type { TrainConfig } from '../shared/config';
import { fieldSpec, type FieldKey } from '../shared/configFields';
import type { ConfigProblem, FieldErrors } from '../shared/configText';
import { presetConfig, type Preset } from '../shared/presets';
import { ConfigProblems } from './ConfigProblems';
import { pageDebugOptions } from './debugOptions';
import { ErrorList } from './ErrorList';
import { Header } from './Header';
import { useTrainingWorker } from './hooks/useTrainingWorker';
import { pushConfigUrl, useUrlSync } from './hooks/useUrlSync';
import { Results } from './Results';
import { RunBar } from './RunBar';
import { DrawDigitSection } from './draw/DrawDigitSection';
import { InspectSection } from './gallery/InspectSection';
import { InsideSection } from './inside/InsideSection';
import { SavedModelsSection } from './models/SavedModelsSection';
import { RunControls } from './RunControls';
import { readDraft } from './settings';
import { SettingsPanel } from './SettingsPanel';
import { SourcesFull } from './Sources';
import { canTrain, isRunActive } from './runStatus';
import type { UiState } from './stateTypes';
import { openInside, showFigure } from './tour/inspect';
import { Tour } from './tour/Tour';
import { useTourRun } from './tour/useTourRun';
import { linkForConfig } from './urlState';
import { MemoryLine } from './MemoryLine';
import { WorkerFaultNotice } from './WorkerFaultNotice';
import { UpdatePrompt } from './UpdatePrompt';
import { countRender } from './renderCount';

interface Props {
  initial: { config: TrainConfig; problems: ConfigProblem[] };
}

function trainBlocker(state: UiState, errors: FieldErrors): string | null {
  if (state.workerFault?.kind === 'crashed') return 'The worker stopped: press Restart above.';
  if (state.data.phase === 'error') return 'The data did not load; reload the page to try again.';
  if (state.data.phase !== 'ready') return 'Waiting for the MNIST data…';
  const refused = (Object.keys(errors) as FieldKey[]).map((key) => fieldSpec(key).label);
  if (refused.length > 0)
    return `Fix ${refused.length === 1 ? 'this setting' : 'these settings'} first: ${refused.join(', ')}.`;
  if (state.status === 'stopping') return 'Waiting for the run to stop…';
  return null;
}

export function App({ initial }: Props) {
  countRender('App');
  const { state, dispatch, live, train, stop, pause, resume, step, setSpeed, restart, request } =
    useTrainingWorker(initial);
  const form = useMemo(() => readDraft(state.settings), [state.settings]);
  // The worker picked its backend from the URL the page loaded with; only a reload changes it (see BackendSelect).
  const pageBackend = initial.config.backend;
  // Problems of a URL reached by Back/Forward replace those of the URL the page loaded with.
  const [navProblems, setNavProblems] = useState<ConfigProblem[] | null>(null);
  // Narrow screens fold the settings into a sheet under the run bar; wide screens always show them beside the figure.
  const [settingsOpen, setSettingsOpen] = useState(false);
  const [tourOpen, setTourOpen] = useState(false);
  const tourButton = useRef<HTMLButtonElement>(null);
  const [tourShort] = useState(() => pageDebugOptions().tourShort);

  const onNavigate = useCallback(
    ({ config, problems }: { config: TrainConfig; problems: ConfigProblem[] }) => {
      setNavProblems(problems);
      dispatch({ type: 'settings-replaced', config: { ...config, backend: pageBackend } });
    },
    [dispatch, pageBackend],
  );
  useUrlSync(form.config, onNavigate);
  const link = useMemo(
    () => (form.config === null ? null : linkForConfig(form.config, window.location.href)),
    [form.config],
  );

  const active = isRunActive(state.status);
  const trainable = canTrain(state, form.config !== null);
  const blocker = trainBlocker(state, form.errors);

  const onTrain = () => {
    if (form.config !== null && trainable) train(form.config);
  };
  const onEdit = useCallback(
    (key: FieldKey, text: string) => dispatch({ type: 'config-edited', key, text }),
    [dispatch],
  );
  const applyConfig = useCallback(
    (config: TrainConfig) => {
      // A history entry per preset, so Back returns to the settings before it.
      pushConfigUrl(config);
      dispatch({ type: 'settings-replaced', config });
    },
    [dispatch],
  );
  const onPreset = useCallback(
    (preset: Preset) => applyConfig(presetConfig(preset, pageBackend)),
    [applyConfig, pageBackend],
  );
  const onTourRun = useCallback(
    (config: TrainConfig, opensInside: boolean) => {
      applyConfig(config);
      if (opensInside) openInside();
      train(config);
      showFigure();
    },
    [applyConfig, train],
  );
  const onTourClose = useCallback(() => {
    setTourOpen(false);
    tourButton.current?.focus();
  }, []);
  const tourRun = useTourRun(state);
  const onFigureError = useCallback((message: string) => dispatch({ type: 'ui-error', message }), [dispatch]);
  const onDismissProblems = () => {
    setNavProblems([]);
    dispatch({ type: 'config-problems-dismissed' });
  };

  return (
    <div className={`app${tourOpen ? ' with-tour' : ''}`}>
      <Header ref={tourButton} tourOpen={tourOpen} onTour={() => setTourOpen((open) => !open)} />
      <main>
        <RunBar
          controls={
            <RunControls
              status={state.status}
              canTrain={trainable}
              blocker={blocker}
              hasRun={state.runId !== null}
              onTrain={onTrain}
              onStop={stop}
              pause={state.pause}
              stepsPerSecond={state.stepsPerSecond}
              onPause={pause}
              onResume={resume}
              onStep={step}
              onSpeed={setSpeed}
            />
          }
          state={state}
          config={form.config}
          onPreset={onPreset}
          settingsOpen={settingsOpen}
          onToggleSettings={() => setSettingsOpen((open) => !open)}
        />
        <ConfigProblems problems={navProblems ?? state.configProblems} onDismiss={onDismissProblems} />
        <ErrorList messages={state.messages} onDismiss={(id) => dispatch({ type: 'message-dismissed', id })} />
        <WorkerFaultNotice fault={state.workerFault} onRestart={restart} />
        <div className="workbench">
          <div className="side-column">
            {tourOpen ? (
              <Tour
                run={tourRun}
                active={active}
                canTrain={trainable}
                blocker={blocker}
                backend={pageBackend}
                short={tourShort}
                onRun={onTourRun}
                onApply={applyConfig}
                onClose={onTourClose}
              />
            ) : null}
            <div id="settings-sheet" className={`settings-sheet${settingsOpen ? ' open' : ''}`}>
              <SettingsPanel draft={state.settings} errors={form.errors} link={link} running={active} onEdit={onEdit} />
            </div>
          </div>
          <div className="workbench-main">
            <Results state={state} live={live} formEpochs={form.config?.epochs ?? null} onError={onFigureError} />
            <InsideSection state={state} formConfig={form.config} request={request} onError={onFigureError} />
            <div className="draw-row">
              <DrawDigitSection state={state} request={request} onError={onFigureError} />
              <SavedModelsSection state={state} request={request} />
            </div>
            <InspectSection state={state} request={request} onError={onFigureError} />
          </div>
        </div>
      </main>
      <footer className="page-footer">
        Runs entirely in this page: TensorFlow.js in a Web Worker, MNIST served from this site. The address bar holds
        the settings, so a link reproduces a run.
        <SourcesFull />
        <MemoryLine state={state} request={request} />
      </footer>
      <UpdatePrompt dataSettled={state.data.phase === 'ready' || state.data.phase === 'error'} running={active} />
    </div>
  );
}
