// MNIST as this build ships it: the packed files named by `virtual:mnist-files`, fetched from the folder the page
// points at (the app's own assets, wherever the app is served), with progress in bytes over the wire.
import { MNIST_PACKED_FILES } from 'virtual:mnist-files';
import { loadMnist, packedSizes, packedSource, type Mnist } from '../data/mnist';

export function loadAppMnist(dataBaseUrl: string, onProgress: (loadedBytes: number, totalBytes: number) => void): Promise<Mnist> {
  return loadMnist(packedSource(dataBaseUrl, MNIST_PACKED_FILES), onProgress, packedSizes(MNIST_PACKED_FILES));
}
