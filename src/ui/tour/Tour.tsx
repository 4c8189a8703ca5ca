// The guided tour: a docked card (a bottom sheet on narrow screens) that never covers the figure. Each step asks for a
// prediction, runs its experiment on the live app, then puts the run's own numbers beside the prediction and points
// into the inspectors. The logic is in tourSteps.ts; this component holds only which step is shown and the answers.
import { useEffect, useRef, useState, type KeyboardEvent } from 'react';
import type { TrainConfig } from '../../shared/config';
import { scrollToInspector } from './inspect';
import { stepConfig, TOUR_STEPS, verdict, type ChallengeStep, type PredictStep, type TourRun } from './tourSteps';
import './tour.css';
import { countRender } from '../renderCount';

interface Props {
  /** The run on screen (null before any run). */
  run: TourRun | null;
  /** A run is training or stopping. */
  active: boolean;
  canTrain: boolean;
  /** Why Train is unavailable, when it is. */
  blocker: string | null;
  backend: TrainConfig['backend'];
  /** Test switch: every step's run cut to a few hundred steps. */
  short: boolean;
  /** Puts the config in the form and trains it (opening the BN inspectors first when asked). */
  onRun: (config: TrainConfig, opensInside: boolean) => void;
  /** Puts the config in the form without training. */
  onApply: (config: TrainConfig) => void;
  onClose: () => void;
}

/** Which run answered a step: the first run started after its button was pressed. */
interface Binding {
  after: number;
  runId: number | null;
}

export function Tour({ run, active, canTrain, blocker, backend, short, onRun, onApply, onClose }: Props) {
  countRender('Tour');
  const [index, setIndex] = useState(0);
  const [predictions, setPredictions] = useState<Record<string, string>>({});
  const [bindings, setBindings] = useState<Record<string, Binding>>({});
  const heading = useRef<HTMLHeadingElement>(null);
  const step = TOUR_STEPS[index] ?? TOUR_STEPS[0];
  const count = TOUR_STEPS.length;

  useEffect(() => {
    heading.current?.focus();
  }, [index]);

  // Pin each step to the run its button started, so a later run does not answer an earlier question.
  const runId = run?.runId ?? null;
  useEffect(() => {
    if (runId === null) return;
    setBindings((all) => {
      let changed = false;
      const next = { ...all };
      for (const [id, b] of Object.entries(all)) {
        if (b.runId === null && runId > b.after) {
          next[id] = { ...b, runId };
          changed = true;
        }
      }
      return changed ? next : all;
    });
  }, [runId]);

  if (step === undefined) return null;

  const onKeyDown = (e: KeyboardEvent<HTMLElement>) => {
    if (e.key === 'Escape') {
      e.stopPropagation();
      onClose();
    }
  };

  const start = (id: string, config: TrainConfig, opensInside: boolean) => {
    setBindings((all) => ({ ...all, [id]: { after: runId ?? 0, runId: null } }));
    onRun(config, opensInside);
  };

  return (
    <section
      id="tour"
      className="tour"
      data-testid="tour"
      data-steps={count}
      data-step={index + 1}
      aria-labelledby="tour-heading"
      onKeyDown={onKeyDown}
    >
      <div className="tour-head">
        <p className="tour-count">
          Guided tour · step {index + 1} of {count}
        </p>
        <button
          type="button"
          className="dismiss tour-close"
          data-testid="tour-close"
          aria-label="Close the tour"
          onClick={onClose}
        >
          ×
        </button>
      </div>
      <h2 id="tour-heading" ref={heading} tabIndex={-1}>
        {step.title}
      </h2>
      {step.kind === 'predict' ? (
        <PredictBody
          step={step}
          predicted={predictions[step.id] ?? null}
          onPredict={(choice) => setPredictions((all) => ({ ...all, [step.id]: choice }))}
          run={bindingRun(bindings[step.id], run)}
          started={bindings[step.id] !== undefined}
          active={active}
          canTrain={canTrain}
          blocker={blocker}
          onStart={() => start(step.id, stepConfig(step, backend, short), step.opensInside)}
        />
      ) : (
        <>
          <p>{step.intro}</p>
          <ChallengeBody step={step} run={run} onApply={() => onApply(stepConfig(step, backend, short))} />
        </>
      )}
      <div className="tour-nav">
        <button
          type="button"
          className="secondary"
          data-testid="tour-prev"
          disabled={index === 0}
          onClick={() => setIndex((i) => Math.max(0, i - 1))}
        >
          Previous
        </button>
        <button
          type="button"
          className="primary"
          data-testid="tour-next"
          disabled={index === count - 1}
          onClick={() => setIndex((i) => Math.min(count - 1, i + 1))}
        >
          Next step
        </button>
      </div>
    </section>
  );
}

/** The run a step's binding points at, when it is still the run on screen. */
function bindingRun(binding: Binding | undefined, run: TourRun | null): TourRun | 'gone' | null {
  if (binding === undefined || binding.runId === null || run === null) return null;
  return run.runId === binding.runId ? run : 'gone';
}

interface PredictProps {
  step: PredictStep;
  predicted: string | null;
  onPredict: (choice: string) => void;
  run: TourRun | 'gone' | null;
  started: boolean;
  active: boolean;
  canTrain: boolean;
  blocker: string | null;
  onStart: () => void;
}

function PredictBody({ step, predicted, onPredict, run, started, active, canTrain, blocker, onStart }: PredictProps) {
  const locked = started && run !== 'gone';
  const measured = run !== null && run !== 'gone' ? step.measure(run) : null;
  const ended = run !== null && run !== 'gone' && run.ended;
  const why =
    predicted === null
      ? 'Choose a prediction first.'
      : active && !started
        ? 'A run is going: stop it first (Stop, above).'
        : canTrain
          ? null
          : blocker;
  const resultBox = useRef<HTMLDivElement>(null);
  // When the run ends its result moves to the top of the card: bring it into view (the card may have scrolled).
  useEffect(() => {
    if (ended) resultBox.current?.scrollIntoView({ block: 'nearest' });
  }, [ended]);

  const result = (
    <div
      ref={resultBox}
      className="tour-result"
      data-testid="tour-result"
      data-state={run === 'gone' ? 'gone' : ended ? 'ended' : run ? 'running' : 'waiting'}
      aria-live="polite"
    >
      {run === 'gone' ? (
        <p>Another run has replaced this step’s run on screen: run the experiment again to see its numbers here.</p>
      ) : null}
      {run !== null && run !== 'gone' && measured !== null ? (
        <>
          {predicted !== null && measured.outcome !== null ? (
            <p className="tour-verdict">
              <strong>{verdict(step, predicted, measured).text}</strong>
            </p>
          ) : null}
          <p data-testid="tour-measured">
            {ended ? '' : 'So far (the run is still training): '}
            {measured.summary}
          </p>
          {ended ? (
            <>
              <p>{step.explain}</p>
              <button
                type="button"
                className="secondary"
                data-testid="tour-inspect"
                onClick={() => scrollToInspector(step.inspect.target)}
              >
                {step.inspect.label}
              </button>
            </>
          ) : null}
        </>
      ) : null}
      {started && run === null ? <p>Starting the run…</p> : null}
    </div>
  );

  return (
    <>
      {/* Once the run has ended, what it measured comes first; the question stays below to try again. */}
      {ended ? result : <p>{step.intro}</p>}
      <fieldset className="tour-predict" disabled={locked && !ended}>
        <legend>
          <strong>{ended ? 'Your prediction:' : 'Predict:'}</strong> {step.question}
        </legend>
        {step.choices.map((choice) => (
          <label key={choice.id} className="tour-choice">
            <input
              type="radio"
              name={`tour-${step.id}`}
              value={choice.id}
              data-testid={`tour-choice-${choice.id}`}
              checked={predicted === choice.id}
              onChange={() => onPredict(choice.id)}
            />
            {choice.label}
          </label>
        ))}
      </fieldset>
      <p className="hint">{step.shortNote}</p>
      <div className="tour-actions">
        <button
          type="button"
          className={ended ? 'secondary' : 'primary'}
          data-testid="tour-run"
          disabled={predicted === null || !canTrain}
          onClick={onStart}
        >
          {started ? 'Run it again' : 'Run the experiment'}
        </button>
        {why !== null && (predicted === null || !canTrain) ? <span className="hint">{why}</span> : null}
      </div>
      {ended ? <p className="hint">{step.intro}</p> : result}
    </>
  );
}

function ChallengeBody({ step, run, onApply }: { step: ChallengeStep; run: TourRun | null; onApply: () => void }) {
  const result = run === null ? null : step.check(run);
  return (
    <>
      <p>
        <strong>Goal:</strong> {step.goal}
      </p>
      <p className="hint">{step.shortNote}</p>
      <div className="tour-actions">
        <button type="button" className="secondary" data-testid="tour-apply" onClick={onApply}>
          Start from the recipe (1 epoch)
        </button>
        <button type="button" className="secondary" onClick={() => scrollToInspector('settings')}>
          Open the settings
        </button>
      </div>
      <div
        className="tour-result"
        data-testid="tour-challenge"
        data-met={result?.met ? 'true' : 'false'}
        aria-live="polite"
      >
        {result === null ? <p>Train a run: its No BN net’s first epoch is checked here.</p> : <p>{result.summary}</p>}
        {result?.met ? <p>{step.explain}</p> : null}
      </div>
    </>
  );
}
