// Says which TF.js backend the worker is using and why (measured the faster, a software renderer, a forced choice,
// a fallback), with the measured training rate.
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
  return (
    <p
      className={`badge${info === null ? ' pending' : ''}`}
      data-testid="backend"
      data-probe={info?.probeSource ?? ''}
      title={info?.renderer ? `WebGL renderer: ${info.renderer}` : undefined}
    >
      <span className="badge-label">Backend:</span> {body}
    </p>
  );
}
