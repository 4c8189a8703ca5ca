// The page, figure first: the header, the run bar (Train, Stop, progress, presets, backend), then the live figure with
// the settings beside it (a collapsible sheet on narrow screens), then the epoch log and the inspectors; the guided
// tour docks in the settings column (a bottom sheet on narrow screens). Wired to the worker hook.
import { useCallback, useMemo, useRef, useState } from 'react';
import type { TrainConfig } from '../shared/config';
import { fieldSpec, type FieldKey } from '../shared/configFields';
import type { ConfigProblem, FieldErrors } from '../shared/configText';
import { trainedNets } from '../shared/netNames';
import { presetConfig, type Preset } from '../shared/presets';
import { ConfigProblems } from './ConfigProblems';
import { pageDebugOptions } from './debugOptions';
import { ErrorList } from './ErrorList';
import { Header } from './Header';
import { useTrainingWorker, type TrainingWorker } from './hooks/useTrainingWorker';
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
import type { RunState, WorkerState } from './stateTypes';
import { UiStoreContext, useUi } from './store/uiStore';
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

function trainBlocker(worker: WorkerState, run: RunState, errors: FieldErrors): string | null {
  if (worker.fault?.kind === 'crashed') return 'The worker stopped: press Restart above.';
  if (worker.data.phase === 'error') return 'The data did not load; reload the page to try again.';
  if (worker.data.phase !== 'ready') return 'Waiting for the MNIST data…';
  const refused = (Object.keys(errors) as FieldKey[]).map((key) => fieldSpec(key).label);
  if (refused.length > 0)
    return `Fix ${refused.length === 1 ? 'this setting' : 'these settings'} first: ${refused.join(', ')}.`;
  if (run.status === 'stopping') return 'Waiting for the run to stop…';
  return null;
}

/** The page with the store its sections read. */
export function App({ initial }: Props) {
  const worker = useTrainingWorker(initial);
  return (
    <UiStoreContext.Provider value={worker.store}>
      <Lab initial={initial} worker={worker} />
    </UiStoreContext.Provider>
  );
}

function Lab({ initial, worker }: Props & { worker: TrainingWorker }) {
  countRender('App');
  const { store, live, train, stop, pause, resume, step, setSpeed, restart, request } = worker;
  const dispatch = store.dispatch;
  const draft = useUi((s) => s.settings.draft);
  const configProblems = useUi((s) => s.settings.problems);
  const messages = useUi((s) => s.messages.list);
  const workerState = useUi((s) => s.worker);
  const run = useUi((s) => s.run);
  const form = useMemo(() => readDraft(draft), [draft]);
  // The worker picked its backend from the URL the page loaded with; only a reload changes it (see BackendSelect).
  const pageBackend = initial.config.backend;
  // Narrow screens fold the settings into a sheet under the run bar; wide screens always show them beside the figure.
  const [settingsOpen, setSettingsOpen] = useState(false);
  const [tourOpen, setTourOpen] = useState(false);
  const tourButton = useRef<HTMLButtonElement>(null);
  const [tourShort] = useState(() => pageDebugOptions().tourShort);

  const onNavigate = useCallback(
    // Problems of a URL reached by Back/Forward replace those of the URL the page loaded with.
    ({ config, problems }: { config: TrainConfig; problems: ConfigProblem[] }) =>
      dispatch({ type: 'settings-replaced', config: { ...config, backend: pageBackend }, problems }),
    [dispatch, pageBackend],
  );
  useUrlSync(form.config, onNavigate);
  const link = useMemo(
    () => (form.config === null ? null : linkForConfig(form.config, window.location.href)),
    [form.config],
  );

  // The header says what the settings train; while a setting is being fixed, what the run on screen trained.
  const ledeConfig = form.config ?? run.config;
  const ledeNets = useMemo(() => trainedNets(ledeConfig), [ledeConfig]);
  const active = isRunActive(run.status);
  const trainable = canTrain({ worker: workerState, run }, form.config !== null);
  const blocker = trainBlocker(workerState, run, form.errors);

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
  const tourRun = useTourRun();
  const onFigureError = useCallback((message: string) => dispatch({ type: 'ui-error', message }), [dispatch]);
  const onDismissProblems = () => dispatch({ type: 'config-problems-dismissed' });

  return (
    <div className={`app${tourOpen ? ' with-tour' : ''}`}>
      <Header
        ref={tourButton}
        nets={ledeNets}
        seeds={ledeConfig?.seeds ?? 1}
        tourOpen={tourOpen}
        onTour={() => setTourOpen((open) => !open)}
      />
      <main>
        <RunBar
          controls={
            <RunControls
              status={run.status}
              canTrain={trainable}
              blocker={blocker}
              hasRun={run.id !== null}
              onTrain={onTrain}
              onStop={stop}
              pause={run.pause}
              stepsPerSecond={run.stepsPerSecond}
              onPause={pause}
              onResume={resume}
              onStep={step}
              onSpeed={setSpeed}
            />
          }
          config={form.config}
          onPreset={onPreset}
          settingsOpen={settingsOpen}
          onToggleSettings={() => setSettingsOpen((open) => !open)}
        />
        <ConfigProblems problems={configProblems} onDismiss={onDismissProblems} />
        <ErrorList messages={messages} onDismiss={(id) => dispatch({ type: 'message-dismissed', id })} />
        <WorkerFaultNotice fault={workerState.fault} onRestart={restart} />
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
              <SettingsPanel draft={draft} errors={form.errors} link={link} running={active} onEdit={onEdit} />
            </div>
          </div>
          <div className="workbench-main">
            <Results live={live} formConfig={form.config} onError={onFigureError} />
            <InsideSection formConfig={form.config} request={request} onError={onFigureError} />
            <div className="draw-row">
              <DrawDigitSection request={request} onError={onFigureError} />
              <SavedModelsSection request={request} />
            </div>
            <InspectSection request={request} onError={onFigureError} />
          </div>
        </div>
      </main>
      <footer className="page-footer">
        Runs entirely in this page: TensorFlow.js in a Web Worker, MNIST served from this site. The address bar holds
        the settings, so a link reproduces a run.
        <SourcesFull />
        <MemoryLine request={request} />
      </footer>
      <UpdatePrompt
        dataSettled={workerState.data.phase === 'ready' || workerState.data.phase === 'error'}
        running={active}
      />
    </div>
  );
}
