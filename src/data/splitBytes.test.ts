import { describe, expect, it } from 'vitest';
import { IMAGE_SIZE } from './idx';
import { SCALED, type Split } from './mnist';
import { splitFromBytes, splitToBytes } from './splitBytes';

function splitOf(count: number): Split {
  const images = new Float32Array(count * IMAGE_SIZE);
  for (let i = 0; i < images.length; i++) images[i] = SCALED[(i * 7) % 256] ?? 0;
  return { count, images, labels: Uint8Array.from({ length: count }, (_, i) => i % 10) };
}

describe('splitBytes', () => {
  it('turns every scaled pixel value back into its byte and the bytes into the same floats', () => {
    const split = splitOf(3);
    const bytes = splitToBytes(split);
    expect(bytes.count).toBe(3);
    expect(bytes.pixels.length).toBe(3 * IMAGE_SIZE);
    for (let i = 0; i < bytes.pixels.length; i++) expect(bytes.pixels[i]).toBe((i * 7) % 256);
    const back = splitFromBytes(bytes);
    expect(back.images).toEqual(split.images);
    expect(back.labels).toEqual(split.labels);
  });

  it('keeps only the first examples when asked, as copies with buffers of their own', () => {
    const split = splitOf(5);
    const bytes = splitToBytes(split, 2);
    expect(bytes.count).toBe(2);
    expect(bytes.pixels.buffer.byteLength).toBe(2 * IMAGE_SIZE);
    expect(bytes.labels.buffer.byteLength).toBe(2);
    expect(bytes.labels).toEqual(Uint8Array.from([0, 1]));
    bytes.labels[0] = 9;
    expect(split.labels[0]).toBe(0);
  });

  it('refuses bytes cut short', () => {
    const bytes = splitToBytes(splitOf(2));
    expect(() => splitFromBytes({ ...bytes, pixels: bytes.pixels.subarray(0, 100) })).toThrow(/cut short/);
    expect(() => splitFromBytes({ ...bytes, labels: bytes.labels.subarray(0, 1) })).toThrow(/cut short/);
  });
});
