import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { encodeIdxImages, encodeIdxLabels, IdxError, parseIdxImages, parseIdxLabels } from './idx';
import { MNIST_DIR } from '../test-support/nodeMnist';

const read = (name: string): Uint8Array => new Uint8Array(readFileSync(join(MNIST_DIR, name)));

function expectIdxError(fn: () => unknown, code: IdxError['code'], text: RegExp): void {
  try {
    fn();
  } catch (e) {
    expect(e).toBeInstanceOf(IdxError);
    expect((e as IdxError).code).toBe(code);
    expect((e as IdxError).message).toMatch(text);
    return;
  }
  throw new Error('expected an IdxError');
}

describe('IDX parsing of the genuine MNIST files', () => {
  it('reads 60,000 training and 10,000 test images of 28×28 with matching labels', () => {
    const train = parseIdxImages(read('train-images-idx3-ubyte'), 'train-images-idx3-ubyte');
    expect([train.count, train.rows, train.cols]).toEqual([60_000, 28, 28]);
    expect(train.pixels.byteLength).toBe(60_000 * 784);
    const test = parseIdxImages(read('t10k-images-idx3-ubyte'), 't10k-images-idx3-ubyte');
    expect(test.count).toBe(10_000);
    const labels = parseIdxLabels(read('train-labels-idx1-ubyte'), 'train-labels-idx1-ubyte');
    expect(labels.length).toBe(60_000);
    // The first training digits of MNIST are famous: 5, 0, 4, 1, 9, 2.
    expect(Array.from(labels.subarray(0, 6))).toEqual([5, 0, 4, 1, 9, 2]);
    expect(Array.from(parseIdxLabels(read('t10k-labels-idx1-ubyte'), 't10k').subarray(0, 3))).toEqual([7, 2, 1]);
  });
});

describe('IDX validation', () => {
  const pixels = new Uint8Array(2 * 784).fill(7);
  const good = encodeIdxImages(pixels, 2);

  it('round-trips a small file', () => {
    const parsed = parseIdxImages(good, 'x');
    expect(parsed.count).toBe(2);
    expect(parsed.pixels[783]).toBe(7);
    expect(Array.from(parseIdxLabels(encodeIdxLabels(new Uint8Array([3, 9])), 'y'))).toEqual([3, 9]);
  });

  it('refuses a label file given as images (wrong magic), naming the file', () => {
    expectIdxError(
      () => parseIdxImages(encodeIdxLabels(new Uint8Array([1])), 'imgs.idx'),
      'bad-magic',
      /^imgs\.idx: magic number 2049, expected 2051/,
    );
    expectIdxError(
      () => parseIdxLabels(good, 'labels.idx'),
      'bad-magic',
      /labels\.idx: magic number 2051, expected 2049/,
    );
  });

  it('refuses a truncated file and one with extra bytes', () => {
    expectIdxError(() => parseIdxImages(good.subarray(0, good.length - 1), 'f'), 'truncated', /truncated/);
    const longer = new Uint8Array(good.length + 3);
    longer.set(good);
    expectIdxError(() => parseIdxImages(longer, 'f'), 'truncated', /3 bytes more/);
    expectIdxError(
      () => parseIdxLabels(encodeIdxLabels(new Uint8Array([1, 2])).subarray(0, 9), 'f'),
      'truncated',
      /truncated/,
    );
  });

  it('refuses a file too short to hold a header', () => {
    expectIdxError(
      () => parseIdxImages(encodeIdxImages(new Uint8Array(0), 0).subarray(0, 6), 'f'),
      'too-short',
      /header/,
    );
  });

  it('refuses images of the wrong size', () => {
    const small = encodeIdxImages(new Uint8Array(2 * 100), 2, 10);
    expectIdxError(() => parseIdxImages(small, 'f'), 'bad-dims', /10×10, expected 28×28/);
  });

  it('refuses a label that is not a digit', () => {
    expectIdxError(
      () => parseIdxLabels(encodeIdxLabels(new Uint8Array([1, 12])), 'f'),
      'bad-label',
      /label 12 at index 1/,
    );
  });
});
