// The service worker's messages: "a new version is ready — reload?" (a box in the corner, never a silent swap: it
// could land mid-run), and a quiet line at the page's end once the app works offline, or why it cannot.
import { useServiceWorker } from './hooks/useServiceWorker';
import './updatePrompt.css';

interface Props {
  /** The worker has the data (or gave up on it): the moment to register, so the precache does not compete with it. */
  dataSettled: boolean;
  /** A run is going: reloading would end it, so the prompt says so. */
  running: boolean;
}

export function UpdatePrompt({ dataSettled, running }: Props) {
  const sw = useServiceWorker(dataSettled);
  return (
    <>
      {sw.updateWaiting ? (
        <div className="update-prompt" role="status" data-testid="sw-update">
          <p>
            A new version of BatchNorm Lab is ready.
            {running ? ' Reloading ends the current run.' : ''}
          </p>
          <button type="button" className="primary" data-testid="sw-reload" onClick={sw.reload}>
            Reload
          </button>
        </div>
      ) : null}
      {sw.offlineReady ? (
        <p className="offline-note" role="status" data-testid="sw-offline-ready">
          Saved on this device: BatchNorm Lab now opens and trains without a network.
        </p>
      ) : null}
      {sw.failure !== null ? (
        <p className="offline-note" role="status" data-testid="sw-failed">
          {sw.failure}
        </p>
      ) : null}
    </>
  );
}
