// Gradient flow: per Dense layer of each net, the gradient norm and the update/weight ratio over training, and for
// sigmoid and tanh the share of saturated inputs per hidden layer — one metric at a time.
import { useMemo, useState } from 'react';
import type { NetId } from '../../shared/metrics';
import { QueuedLine } from '../charts/QueuedLine';
import { flowDatasets } from './insideDatasets';
import { FLOW_OPTIONS } from './insideCharts';
import type { FlowMetric, InsideState } from './insideState';

const METRICS: ReadonlyArray<{ value: FlowMetric; label: string }> = [
  { value: 'gradNorm', label: 'Gradient norm ‖∂loss/∂W‖ (log)' },
  { value: 'updateRatio', label: 'Update / weight ‖ΔW‖/‖W‖ (log)' },
  { value: 'saturated', label: 'Saturated share of inputs (sigmoid, tanh)' },
];

interface Props {
  inside: InsideState;
  names: Record<NetId, string>;
  saturates: boolean;
}

export function FlowPanel({ inside, names, saturates }: Props) {
  const [metric, setMetric] = useState<FlowMetric>('gradNorm');
  const { flowSteps, flow } = inside;
  const datasets = useMemo(() => flowDatasets(flowSteps, flow, metric, names), [flowSteps, flow, metric, names]);
  return (
    <div className="inside-flow">
      <label className="inside-picker">
        Show{' '}
        <select
          data-testid="bn-flow-metric"
          value={metric}
          onChange={(e) => setMetric(METRICS.find((m) => m.value === e.target.value)?.value ?? 'gradNorm')}
        >
          {METRICS.map((m) => (
            <option key={m.value} value={m.value} disabled={m.value === 'saturated' && !saturates}>
              {m.label}
            </option>
          ))}
        </select>
      </label>
      <div className="inside-chart" data-testid="bn-flow" data-metric={metric} data-points={inside.flowSteps.length}>
        <QueuedLine
          datasets={datasets}
          options={FLOW_OPTIONS[metric === 'saturated' ? 'share' : 'log']}
          ariaLabel="Gradient flow per layer over training steps"
        />
      </div>
    </div>
  );
}
