// The notice for a worker that crashed or a run that stalled, with the one thing that helps: Restart (a fresh
// worker; the charts and the log stay on screen).
import type { WorkerFault } from './workerFault';
import { countRender } from './renderCount';

interface Props {
  fault: WorkerFault | null;
  onRestart: () => void;
}

const HEADLINE: Record<WorkerFault['kind'], string> = {
  crashed: 'The training worker stopped working.',
  stalled: 'The run seems stuck.',
};

export function WorkerFaultNotice({ fault, onRestart }: Props) {
  countRender('WorkerFaultNotice');
  if (fault === null) return null;
  return (
    <div className="notice error worker-fault" role="alert" data-testid="worker-fault" data-kind={fault.kind}>
      <p>
        <strong>{HEADLINE[fault.kind]}</strong> {fault.message}
      </p>
      <button type="button" className="primary" data-testid="restart-worker" onClick={onRestart}>
        Restart
      </button>
    </div>
  );
}
