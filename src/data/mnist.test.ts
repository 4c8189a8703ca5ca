import { describe, expect, it } from 'vitest';
import { encodeIdxImages, encodeIdxLabels, IdxError } from './idx';
import { loadMnist, toSplit, type ByteSource } from './mnist';
import { nodeSource } from '../test-support/nodeMnist';

describe('loadMnist', () => {
  it('loads the real data with pixels scaled to [0,1] and reports progress to the full size', async () => {
    const reports: Array<[number, number]> = [];
    const mnist = await loadMnist(nodeSource, (loaded, total) => reports.push([loaded, total]));
    expect(mnist.train.count).toBe(60_000);
    expect(mnist.test.count).toBe(10_000);
    expect(mnist.train.images.length).toBe(60_000 * 784);
    let min = Infinity;
    let max = -Infinity;
    for (const v of mnist.test.images) {
      if (v < min) min = v;
      if (v > max) max = v;
    }
    expect([min, max]).toEqual([0, 1]);
    const last = reports.at(-1);
    expect(last?.[0]).toBe(last?.[1]);
    expect(last?.[1]).toBe(47_040_016 + 60_008 + 7_840_016 + 10_008);
  });

  it('scales exactly as x / 255', () => {
    const split = toSplit(
      encodeIdxImages(new Uint8Array(784).fill(51), 1),
      encodeIdxLabels(new Uint8Array([4])),
      'i',
      'l',
    );
    expect(split.images[0]).toBeCloseTo(0.2, 7);
    expect(split.labels[0]).toBe(4);
  });

  it('refuses images and labels of different counts', () => {
    expect(() =>
      toSplit(encodeIdxImages(new Uint8Array(784), 1), encodeIdxLabels(new Uint8Array([1, 2])), 'i', 'l'),
    ).toThrow(IdxError);
  });

  it('names the file that is corrupt', async () => {
    const broken: ByteSource = async (file, onBytes) => {
      const bytes = await nodeSource(file, onBytes);
      return file === 'test-labels' ? bytes.subarray(0, 100) : bytes;
    };
    await expect(loadMnist(broken)).rejects.toThrow(/^t10k-labels-idx1-ubyte: truncated/);
  });
});
