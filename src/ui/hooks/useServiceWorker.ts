// Registers the service worker (scripts/pwaOptions.ts) once the worker has the data, and says when a new version is
// waiting. Registering only then keeps the precache from competing with the first download for bandwidth, and lets
// it copy the files from the HTTP cache instead of fetching them again (docs/deploy.md, "First visit").
import { useCallback, useEffect, useRef, useState } from 'react';
import { registerSW } from 'virtual:pwa-register';
import { serviceWorkerFailureText } from '../serviceWorkerText';

export interface ServiceWorkerState {
  /** A new version is installed and waits for this page's permission to take over. */
  updateWaiting: boolean;
  /** The first install finished: the next visit works without a network. */
  offlineReady: boolean;
  /** A sentence on why the app cannot work offline, if the service worker could not be registered. */
  failure: string | null;
  /** Activates the waiting version and reloads the page with it. */
  reload: () => void;
}

export function useServiceWorker(dataSettled: boolean): ServiceWorkerState {
  const [updateWaiting, setUpdateWaiting] = useState(false);
  const [offlineReady, setOfflineReady] = useState(false);
  const [failure, setFailure] = useState<string | null>(null);
  const update = useRef<((reloadPage?: boolean) => Promise<void>) | null>(null);

  useEffect(() => {
    // Once per page; `npm run dev` has no service worker (the plugin's dev stub registers nothing).
    if (!dataSettled || update.current !== null || !('serviceWorker' in navigator)) return;
    update.current = registerSW({
      immediate: true,
      onNeedRefresh: () => setUpdateWaiting(true),
      onOfflineReady: () => setOfflineReady(true),
      onRegisterError: (error: unknown) => {
        // The sentence is for the user; the exception, for whoever debugs it.
        console.warn('Service worker registration failed:', error);
        setFailure(serviceWorkerFailureText(error));
      },
    });
  }, [dataSettled]);

  const reload = useCallback(() => {
    const apply = update.current;
    if (apply) void apply(true);
    else window.location.reload();
  }, []);
  return { updateWaiting, offlineReady, failure, reload };
}
