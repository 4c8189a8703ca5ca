// A diagnostics line: the worker's live tensor count and bytes (tf.memory()), read when the worker says the data is
// ready or a run ended, and on demand. A count that grows run after run is a leak; users and the leak test read it here.
import { useCallback, useState } from 'react';
import { isRunActive } from './runStatus';
import type { MemoryReport } from '../shared/protocol';
import type { TrainingWorker } from './hooks/useTrainingWorker';
import { useWorkerEvent } from './store/uiStore';
import { countRender } from './renderCount';

interface Props {
  request: TrainingWorker['request'];
}

function megabytes(bytes: number): string {
  return (bytes / 1_048_576).toFixed(1);
}

export function MemoryLine({ request }: Props) {
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

  // Moments worth a reading: the data arrived, a run ended or failed (the count should be back where it was).
  useWorkerEvent((event, state) => {
    const runEnded = event.type === 'run-finished' || (event.type === 'error' && event.runId !== null);
    if (state.worker.data.phase !== 'ready' || isRunActive(state.run.status)) return;
    if (event.type === 'data-ready' || (runEnded && event.runId === state.run.id)) refresh();
  });

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
