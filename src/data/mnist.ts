// Loads MNIST from the app's own origin (the worker's `fetch` of the packed files, or a file reader in Node tests),
// validates it and scales pixels to [0,1] exactly as the blog does (x / 255). No DOM, no TF.js.
import { IdxError, IMAGE_SIZE, parseIdxImages, parseIdxLabels } from './idx';
import { PackUnpacker, unpackIdx } from './packedIdx';
import type { DataFile } from '../shared/protocol';

export const MNIST_FILE_NAMES: Record<DataFile, string> = {
  'train-images': 'train-images-idx3-ubyte',
  'train-labels': 'train-labels-idx1-ubyte',
  'test-images': 't10k-images-idx3-ubyte',
  'test-labels': 't10k-labels-idx1-ubyte',
};

/** Byte sizes of the genuine files: used for the progress bar before the server says, and to spot a wrong file. */
export const MNIST_FILE_BYTES: Record<DataFile, number> = {
  'train-images': 47_040_016,
  'train-labels': 60_008,
  'test-images': 7_840_016,
  'test-labels': 10_008,
};

export interface Split {
  count: number;
  /** count × 784 pixels in [0,1]. */
  images: Float32Array;
  /** count digit labels, 0–9. */
  labels: Uint8Array;
}

export interface Mnist {
  train: Split;
  test: Split;
}

/** Reads one file's bytes; reports bytes received so far for progress. */
export type ByteSource = (file: DataFile, onBytes: (received: number) => void) => Promise<Uint8Array>;

/** x / 255 for every byte value, computed once: a table read is cheaper than a division, 55 million times. */
export const SCALED = Float32Array.from({ length: 256 }, (_, x) => x / 255);

export function toSplit(imageBytes: Uint8Array, labelBytes: Uint8Array, imageFile: string, labelFile: string): Split {
  const images = parseIdxImages(imageBytes, imageFile);
  const labels = parseIdxLabels(labelBytes, labelFile);
  if (images.count !== labels.length) {
    throw new IdxError(
      labelFile,
      'count-mismatch',
      `has ${labels.length} labels but ${imageFile} has ${images.count} images.`,
    );
  }
  const scaled = new Float32Array(images.count * IMAGE_SIZE);
  const pixels = images.pixels;
  for (let i = 0; i < scaled.length; i++) scaled[i] = SCALED[pixels[i] ?? 0] ?? 0;
  return { count: images.count, images: scaled, labels };
}

/** A packed data file as the build lists it (`virtual:mnist-files`): its name in the data folder and its size. */
export interface PackedFile {
  name: string;
  bytes: number;
}

/**
 * Loads and validates all four files, fetching them in parallel. Progress counts the bytes that come over the wire
 * (`wireBytes` are the files' sizes there; raw IDX sizes when the source reads raw files).
 */
export async function loadMnist(
  source: ByteSource,
  onProgress: (loadedBytes: number, totalBytes: number) => void = () => {},
  wireBytes: Record<DataFile, number> = MNIST_FILE_BYTES,
): Promise<Mnist> {
  const files = Object.keys(MNIST_FILE_NAMES) as DataFile[];
  const received = new Map<DataFile, number>();
  const total = files.reduce((sum, f) => sum + wireBytes[f], 0);
  const report = (file: DataFile, n: number): void => {
    received.set(file, n);
    let loaded = 0;
    for (const v of received.values()) loaded += v;
    onProgress(loaded, total);
  };
  const [trainImages, trainLabels, testImages, testLabels] = await Promise.all(
    files.map((f) => source(f, (n) => report(f, n))),
  );
  if (!trainImages || !trainLabels || !testImages || !testLabels) throw new Error('A data file was not read.');
  return {
    train: toSplit(trainImages, trainLabels, MNIST_FILE_NAMES['train-images'], MNIST_FILE_NAMES['train-labels']),
    test: toSplit(testImages, testLabels, MNIST_FILE_NAMES['test-images'], MNIST_FILE_NAMES['test-labels']),
  };
}

/** Fetches one URL on the page's own origin as a stream, so progress can be shown and a cut download spotted. */
export async function fetchBytes(
  url: URL,
  name: string,
  onBytes: (received: number) => void,
  onChunk: (chunk: Uint8Array) => void = () => {},
): Promise<Uint8Array> {
  let response: Response;
  try {
    response = await fetch(url);
  } catch (e) {
    throw new Error(`${name}: could not be fetched (${e instanceof Error ? e.message : String(e)}).`);
  }
  if (!response.ok) throw new Error(`${name}: the server answered ${response.status} ${response.statusText}.`);
  if (!response.body) return new Uint8Array(await response.arrayBuffer());
  // With a Content-Encoding, Content-Length counts encoded bytes, not the ones the stream yields.
  const encoded = response.headers.get('Content-Encoding') !== null;
  const declared = encoded ? Number.NaN : Number(response.headers.get('Content-Length') ?? Number.NaN);
  const chunks: Uint8Array[] = [];
  let size = 0;
  const reader = response.body.getReader();
  try {
    for (;;) {
      const { done, value } = await reader.read();
      if (done) break;
      chunks.push(value);
      size += value.byteLength;
      onChunk(value);
      onBytes(size);
    }
  } catch (e) {
    // The chunk's reader refused it (a file that is not ours): that, not the network, is the news.
    if (e instanceof IdxError) throw e;
    throw new Error(
      `${name}: the download broke off after ${size} bytes (${e instanceof Error ? e.message : String(e)}).`,
    );
  }
  if (Number.isFinite(declared) && declared !== size) {
    throw new Error(`${name}: the download stopped after ${size} of ${declared} bytes.`);
  }
  const bytes = new Uint8Array(size);
  let offset = 0;
  for (const c of chunks) {
    bytes.set(c, offset);
    offset += c.byteLength;
  }
  return bytes;
}

/** Where the worker keeps the packed files it downloaded (the Cache API), so later visits and offline use read them. */
export interface PackStore {
  get(url: string): Promise<Uint8Array | null>;
  put(url: string, bytes: Uint8Array): Promise<void>;
  delete(url: string): Promise<void>;
}

/**
 * The app's source: the packed files (src/data/packedIdx.ts) from `baseUrl`, each unpacked back to its IDX bytes as
 * soon as it has arrived, while the others still download. With a store: read from it first, and keep what was
 * downloaded there (only once it unpacked cleanly; a stored copy that no longer does is dropped and fetched again).
 */
export function packedSource(
  baseUrl: string,
  files: Record<DataFile, PackedFile>,
  store: PackStore | null = null,
): ByteSource {
  return async (file, onBytes) => {
    const { name } = files[file];
    const url = new URL(name, baseUrl);
    const kept = store ? await store.get(url.href).catch(() => null) : null;
    if (store && kept) {
      try {
        const bytes = await unpackIdx(kept, name);
        onBytes(kept.byteLength);
        return bytes;
      } catch {
        await store.delete(url.href).catch(() => {});
      }
    }
    // Unpacked while it downloads: little is left to do when the last byte is in.
    const unpacker = new PackUnpacker(name);
    let packed: Uint8Array;
    try {
      packed = await fetchBytes(url, name, onBytes, (chunk) => unpacker.push(chunk));
    } catch (e) {
      unpacker.abort();
      throw e;
    }
    const bytes = await unpacker.finish();
    // Storage can be full or refused (private windows): the app still works, just not offline.
    if (store) await store.put(url.href, packed).catch(() => {});
    return bytes;
  };
}

/** The wire sizes of packed files, for loadMnist's progress. */
export function packedSizes(files: Record<DataFile, PackedFile>): Record<DataFile, number> {
  return {
    'train-images': files['train-images'].bytes,
    'train-labels': files['train-labels'].bytes,
    'test-images': files['test-images'].bytes,
    'test-labels': files['test-labels'].bytes,
  };
}
