// "Inside the BN layer": the live Figure 1 percentiles and the layer histogram, the maths with real numbers, train vs
// inference mode with recalibration, and gradient flow. Closed, it costs nothing: the worker records only while the
// section is open, for the layer and unit picked here (both are commands to the worker).
import { useEffect, useMemo, useState } from 'react';
import { hasBn, type TrainConfig } from '../../shared/config';
import { saturationThreshold, type BnMath, type InsideView } from '../../shared/inside';
import { netNames, trainedNets } from '../../shared/netNames';
import type { TrainingWorker } from '../hooks/useTrainingWorker';
import { isPaused } from '../runStatus';
import { useUi, useUiStore } from '../store/uiStore';
import { BnMathPanel } from './BnMathPanel';
import { FlowPanel } from './FlowPanel';
import { emptyInside } from './insideState';
import { ModesPanel } from './ModesPanel';
import { PercentilePanel } from './PercentilePanel';
import './inside.css';
import { countRender } from '../renderCount';

interface Props {
  /** The settings shown when no run has started (the form's). */
  formConfig: TrainConfig | null;
  request: TrainingWorker['request'];
  onError: (message: string) => void;
}

/** What the BN net's panel shows on hidden layer `layer`. */
export function bnRecordsText(config: TrainConfig, layer: number): string {
  if (!hasBn(config, layer)) return 'Dense output (no BN on this layer)';
  return config.bnPlace === 'before'
    ? 'BN output γx̂+β (training mode)'
    : 'Dense output (BN comes after the activation)';
}

export function InsideSection({ formConfig, request, onError }: Props) {
  countRender('InsideSection');
  const { dispatch } = useUiStore();
  const run = useUi((s) => s.run);
  const workerBackend = useUi((s) => s.worker.backend);
  const currentNets = useUi((s) => s.currentNets);
  const recorded = useUi((s) => s.inside);
  const config = run.config ?? formConfig;
  const [view, setView] = useState<InsideView>({ open: false, layer: 0, unit: null });
  const layerCount = config?.layers.length ?? 1;
  const layer = Math.min(view.layer, layerCount - 1);
  const width = config?.layers[layer] ?? 1;

  // With no run in progress the worker answers with the maths on a sample batch of the nets that predict now.
  const [sample, setSample] = useState<BnMath | null>(null);
  // A restarted worker knows nothing of the section (it starts closed): each new backend report is told again. New
  // nets (a run ended, nets loaded) need a new sample.
  const currentSource = currentNets?.source;
  useEffect(() => {
    let current = true;
    request({ type: 'inside-view', view: { ...view, layer } })
      .then((answer) => {
        // The history so far belongs to the store's inspector state (even if the view moved on meanwhile).
        dispatch({ type: 'inside-series-received', runId: answer.runId, series: answer.series });
        if (current) setSample(answer.sample);
      })
      .catch((e: unknown) =>
        onError(`The inspectors could not be updated: ${e instanceof Error ? e.message : String(e)}`),
      );
    return () => {
      current = false;
    };
  }, [request, onError, dispatch, view, layer, workerBackend, currentSource]);

  const inside = recorded.runId !== null && recorded.runId === run.id ? recorded : EMPTY;
  const names = useMemo(() => netNames(config), [config]);
  const nets = trainedNets(config);
  const threshold = config ? saturationThreshold(config.activation) : null;
  const math = shownMath(inside.latest?.math ?? null, sample, layer, view.unit);
  const bnHere = config !== null && config.nets !== 'plain' && hasBn(config, layer);
  const mathEmpty = !bnHere
    ? `The BN net has no BN on hidden layer ${layer + 1}: pick another layer.`
    : view.open && isPaused(run)
      ? 'Paused: press Step to see the numbers of the next mini-batch here.'
      : view.open
        ? 'Train (or load saved nets) to see the numbers of a mini-batch: recorded a few times a second while a run trains.'
        : 'Open this section to record.';

  return (
    <details
      className="card inside"
      data-testid="bn-inside"
      open={view.open}
      onToggle={(e) => {
        const open = e.currentTarget.open;
        setView((v) => (v.open === open ? v : { ...v, open }));
      }}
    >
      <summary>
        <h2 className="inside-title">Inside the BN layer</h2>
        <span className="muted">
          {view.open
            ? 'Recording while training (a few times a second, on a probe batch of 256 test images).'
            : 'Open to record while training — closed, it costs nothing.'}
        </span>
      </summary>
      <div className="inside-pickers">
        <label className="inside-picker">
          Hidden layer{' '}
          <select
            data-testid="bn-layer"
            value={layer}
            onChange={(e) => setView((v) => ({ ...v, layer: Number(e.target.value), unit: null }))}
          >
            {Array.from({ length: layerCount }, (_, i) => (
              <option key={i} value={i}>
                {i + 1} ({config?.layers[i] ?? '?'} units
                {config && config.nets !== 'plain' && hasBn(config, i) ? ', BN' : ''})
              </option>
            ))}
          </select>
        </label>
        <label className="inside-picker">
          Unit{' '}
          <select
            data-testid="bn-unit"
            value={view.unit === null ? 'typical' : String(Math.min(view.unit, width - 1))}
            onChange={(e) =>
              setView((v) => ({ ...v, unit: e.target.value === 'typical' ? null : Number(e.target.value) }))
            }
          >
            <option value="typical">
              typical{inside.records > 0 && inside.layer === layer ? ` (unit ${inside.typicalUnit + 1})` : ''}
            </option>
            {Array.from({ length: width }, (_, u) => (
              <option key={u} value={u}>
                unit {u + 1}
              </option>
            ))}
          </select>
        </label>
        <span className="muted inside-status" data-testid="bn-inside-status" data-records={inside.records}>
          {inside.records > 0
            ? `${inside.records} records, last at step ${inside.latest?.step ?? 0}`
            : 'No records yet.'}
        </span>
      </div>
      <h3>Distributions over training (the BN paper’s Figure 1, live)</h3>
      <p className="muted">
        The 15th, 50th and 85th percentiles of one unit’s input to the {config?.activation ?? 'activation'} over
        training, on a fixed probe batch of test images
        {threshold !== null ? '; shaded: where the activation saturates' : ''}. Without BN the distribution drifts as
        the layers below change; with BN it stays in place.
      </p>
      <PercentilePanel
        inside={inside}
        nets={nets}
        names={names}
        threshold={threshold}
        bnRecords={config ? bnRecordsText(config, layer) : ''}
      />
      <div className="inside-row">
        <BnMathPanel
          math={bnHere ? math : null}
          step={math?.source === 'step' ? (inside.latest?.step ?? null) : null}
          emptyText={mathEmpty}
        />
        <div>
          <h3>Train vs inference mode</h3>
          <ModesPanel inside={inside} canRecalibrate={currentNets?.nets.includes('bn') ?? false} request={request} />
        </div>
      </div>
      <h3>Gradient flow</h3>
      <FlowPanel inside={inside} names={names} saturates={threshold !== null} />
    </details>
  );
}

const EMPTY = emptyInside();

/**
 * The maths the panel shows for the chosen layer (and unit, when one is picked): a recorded training step's if there
 * is one, else the sample the worker computed with no run in progress; null when neither fits.
 */
export function shownMath(
  step: BnMath | null,
  sample: BnMath | null,
  layer: number,
  unit: number | null,
): BnMath | null {
  const fits = (m: BnMath | null): m is BnMath => m !== null && m.layer === layer && (unit === null || m.unit === unit);
  if (fits(step)) return step;
  return fits(sample) ? sample : null;
}
