// The service worker's two messages: "a new version is ready — reload?" (never a silent swap: it could land mid-run)
// and, after the first visit, "works offline now". A small box at the page's bottom corner, outside the layout.
import { useServiceWorker } from './hooks/useServiceWorker';
import './updatePrompt.css';

interface Props {
  /** The worker has the data (or gave up on it): the moment to register, so the precache reuses the download. */
  dataSettled: boolean;
  /** A run is going: reloading would end it, so the prompt says so. */
  running: boolean;
}

export function UpdatePrompt({ dataSettled, running }: Props) {
  const sw = useServiceWorker(dataSettled);
  if (sw.updateWaiting) {
    return (
      <div className="update-prompt" role="status" data-testid="sw-update">
        <p>
          A new version of BatchNorm Lab is ready.
          {running ? ' Reloading ends the current run.' : ''}
        </p>
        <button type="button" className="primary" data-testid="sw-reload" onClick={sw.reload}>
          Reload
        </button>
      </div>
    );
  }
  if (sw.offlineReady) {
    return (
      <div className="update-prompt" role="status" data-testid="sw-offline-ready">
        <p>BatchNorm Lab is saved on this device: it now opens and trains without a network.</p>
        <button type="button" onClick={sw.dismiss}>
          OK
        </button>
      </div>
    );
  }
  if (sw.failure !== null) {
    return (
      <div className="update-prompt" role="status" data-testid="sw-failed">
        <p>Offline use is not available here (the service worker could not start: {sw.failure}). Everything else works.</p>
        <button type="button" onClick={sw.dismiss}>
          OK
        </button>
      </div>
    );
  }
  return null;
}
