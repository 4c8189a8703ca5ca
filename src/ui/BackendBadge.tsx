// Says which TF.js backend the worker is using and why (measured the faster, a software renderer, a forced choice,
// a fallback), with the measured training rate; its tooltip says how a run of several seeds uses the cores.
import type { BackendInfo } from '../shared/protocol';

interface Props {
  info: BackendInfo | null;
  failed: boolean;
}

export function BackendBadge({ info, failed }: Props) {
  let body;
  if (info !== null) {
    body = (
      <>
        <strong className="badge-name">{info.backend}</strong> — {info.reason}
      </>
    );
  } else if (failed) {
    body = 'no backend could start';
  } else {
    // Nothing that names a backend until the worker has chosen one.
    body = 'choosing…';
  }
  const details = [
    info?.renderer ? `WebGL renderer: ${info.renderer}` : null,
    info?.seedLanes ? `Several seeds: ${info.seedLanes.reason}.` : null,
  ].filter((line) => line !== null);
  return (
    <p
      className={`badge${info === null ? ' pending' : ''}`}
      data-testid="backend"
      data-probe={info?.probeSource ?? ''}
      data-seed-lanes={info?.seedLanes?.lanes ?? ''}
      title={details.length > 0 ? details.join('\n') : undefined}
    >
      <span className="badge-label">Backend:</span> {body}
    </p>
  );
}
