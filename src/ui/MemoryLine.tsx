// A diagnostics line: the worker's live tensor count and bytes (tf.memory()), read when a run ends, when the data is
// ready, and on demand. A count that grows run after run is a leak; users and the leak test read it here.
import { useCallback, useEffect, useState } from 'react';
import type { MemoryReport } from '../shared/protocol';
import type { TrainingWorker } from './hooks/useTrainingWorker';
import type { UiState } from './stateTypes';
import { countRender } from './renderCount';

interface Props {
  state: UiState;
  request: TrainingWorker['request'];
}

function megabytes(bytes: number): string {
  return (bytes / 1_048_576).toFixed(1);
}

export function MemoryLine({ state, request }: Props) {
  countRender('MemoryLine');
  const [report, setReport] = useState<MemoryReport | null>(null);
  const [failed, setFailed] = useState<string | null>(null);

  const refresh = useCallback(() => {
    request({ type: 'memory' }).then(
      ({ backend, numTensors, numBytes }) => {
        setReport({ backend, numTensors, numBytes });
        setFailed(null);
      },
      (e: unknown) => setFailed(e instanceof Error ? e.message : String(e)),
    );
  }, [request]);

  // Moments worth a reading: the data arrived, a run ended (the count should be back where it was).
  const moment = `${state.data.phase}/${state.status}/${state.runId ?? ''}`;
  useEffect(() => {
    if (state.data.phase === 'ready' && state.status !== 'running' && state.status !== 'stopping') refresh();
  }, [moment, refresh, state.data.phase, state.status]);

  let text = 'Worker memory: not read yet.';
  if (failed !== null) text = `Worker memory could not be read: ${failed}`;
  else if (report !== null) {
    text = `Worker memory: ${report.numTensors.toLocaleString('en-US')} tensors, ${megabytes(report.numBytes)} MB on ${report.backend ?? 'no backend'}.`;
  }
  return (
    <p
      className="memory-line"
      data-testid="memory"
      data-tensors={report?.numTensors ?? ''}
      data-bytes={report?.numBytes ?? ''}
    >
      {text}{' '}
      <button type="button" className="secondary small" data-testid="memory-refresh" onClick={refresh}>
        Check again
      </button>
    </p>
  );
}
