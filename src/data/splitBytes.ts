// A split as the bytes of the MNIST files and back, for handing the data to another worker: a quarter of the size
// of the floats, and exact both ways (every float is x / 255 of a byte x). No DOM, no TF.js.
import type { LaneSplit } from '../shared/laneProtocol';
import { IMAGE_SIZE } from './idx';
import { SCALED, type Split } from './mnist';

/** The first `limit` examples of the split as bytes (copies: the split stays the caller's). */
export function splitToBytes(split: Split, limit = split.count): LaneSplit {
  const count = Math.min(limit, split.count);
  const pixels = new Uint8Array(count * IMAGE_SIZE);
  const images = split.images;
  for (let i = 0; i < pixels.length; i++) pixels[i] = Math.round((images[i] ?? 0) * 255);
  return { count, pixels, labels: split.labels.slice(0, count) };
}

/** The split the bytes stand for, pixels scaled to [0,1] exactly as the data loader scales them. */
export function splitFromBytes(bytes: LaneSplit): Split {
  if (bytes.pixels.length !== bytes.count * IMAGE_SIZE || bytes.labels.length !== bytes.count) {
    throw new Error(
      `The data handed over is cut short: ${bytes.count} examples need ${bytes.count * IMAGE_SIZE} pixels.`,
    );
  }
  const images = new Float32Array(bytes.count * IMAGE_SIZE);
  const pixels = bytes.pixels;
  for (let i = 0; i < images.length; i++) images[i] = SCALED[pixels[i] ?? 0] ?? 0;
  return { count: bytes.count, images, labels: bytes.labels };
}
