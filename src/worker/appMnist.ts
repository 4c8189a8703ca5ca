// MNIST as this build ships it: the packed files named by `virtual:mnist-files`, fetched from the app's own assets
// (wherever the app is served), with progress in bytes over the wire, and kept in the Cache API for the next visit
// and for offline use (dataCache.ts). In the built app the download starts as the worker script begins to run
// (earlyMnist.ts), before TF.js is evaluated and before the page's init message arrives.
import { MNIST_CACHE, MNIST_DIR, MNIST_PACKED_FILES } from 'virtual:mnist-files';
import { loadMnist, packedSizes, packedSource, type Mnist } from '../data/mnist';
import { openDataCache } from './dataCache';

type Progress = (loadedBytes: number, totalBytes: number) => void;

interface Load {
  baseUrl: string;
  data: Promise<Mnist>;
  /** Who hears about progress; the latest report is replayed to a listener that comes late. */
  relay: { listener: Progress | null; last: [number, number] | null };
}

let started: Load | null = null;

function start(baseUrl: string, keep: boolean): Load {
  const relay: Load['relay'] = { listener: null, last: null };
  const onProgress: Progress = (loaded, total) => {
    relay.last = [loaded, total];
    relay.listener?.(loaded, total);
  };
  const data = (async () => {
    const store = keep ? await openDataCache(MNIST_CACHE) : null;
    const mnist = await loadMnist(
      packedSource(baseUrl, MNIST_PACKED_FILES, store),
      onProgress,
      packedSizes(MNIST_PACKED_FILES),
    );
    const urls = Object.values(MNIST_PACKED_FILES).map((f) => new URL(f.name, baseUrl).href);
    await store?.keepOnly(urls).catch(() => {});
    return mnist;
  })();
  // Reported when someone asks for the data (loadAppMnist); until then a failure must not count as unhandled.
  data.catch(() => {});
  return { baseUrl, data, relay };
}

/**
 * Starts the download from the folder next to this worker script (the build puts both in assets/), once. Only in
 * the build: the dev server serves the worker from src/.
 */
export function startEarly(workerUrl: string): void {
  if (!import.meta.env.PROD || started !== null) return;
  started = start(new URL(`../${MNIST_DIR}`, workerUrl).href, true);
}

/** The data from `dataBaseUrl`: the download already under way if it is the same folder, a new one otherwise. */
export function loadAppMnist(
  dataBaseUrl: string,
  onProgress: Progress,
  { keep = true }: { keep?: boolean } = {},
): Promise<Mnist> {
  const load = started !== null && started.baseUrl === dataBaseUrl ? started : start(dataBaseUrl, keep);
  started = null;
  load.relay.listener = onProgress;
  if (load.relay.last) onProgress(...load.relay.last);
  return load.data;
}
