// MNIST as this build ships it: the packed files named by `virtual:mnist-files`, fetched from the folder the page
// points at (the app's own assets, wherever the app is served), with progress in bytes over the wire, and kept in
// the Cache API for the next visit and for offline use (dataCache.ts).
import { MNIST_CACHE, MNIST_PACKED_FILES } from 'virtual:mnist-files';
import { loadMnist, packedSizes, packedSource, type Mnist } from '../data/mnist';
import { openDataCache } from './dataCache';

export async function loadAppMnist(
  dataBaseUrl: string,
  onProgress: (loadedBytes: number, totalBytes: number) => void,
  { keep = true }: { keep?: boolean } = {},
): Promise<Mnist> {
  const store = keep ? await openDataCache(MNIST_CACHE) : null;
  const data = await loadMnist(packedSource(dataBaseUrl, MNIST_PACKED_FILES, store), onProgress, packedSizes(MNIST_PACKED_FILES));
  const urls = Object.values(MNIST_PACKED_FILES).map((f) => new URL(f.name, dataBaseUrl).href);
  await store?.keepOnly(urls).catch(() => {});
  return data;
}
