// Reads MNIST's IDX files and checks them: magic number, dimensions and byte length, so a wrong or truncated file
// is refused with a message naming it rather than training on garbage. No DOM, no TF.js.

export const IMAGE_MAGIC = 2051;
export const LABEL_MAGIC = 2049;
export const IMAGE_SIDE = 28;
export const IMAGE_SIZE = IMAGE_SIDE * IMAGE_SIDE;
export const NUM_CLASSES = 10;

export class IdxError extends Error {
  override readonly name = 'IdxError';
  constructor(
    readonly file: string,
    readonly code: 'too-short' | 'bad-magic' | 'bad-dims' | 'truncated' | 'bad-label' | 'count-mismatch' | 'corrupt',
    detail: string,
  ) {
    super(`${file}: ${detail}`);
  }
}

export interface IdxImages {
  count: number;
  rows: number;
  cols: number;
  /** Raw 0–255 pixels, row-major, `count × rows × cols`; a view on the file's bytes. */
  pixels: Uint8Array;
}

/** Checks the magic number first (the most telling error: the wrong kind of file), then the header's length. */
function header(bytes: Uint8Array, file: string, magic: number, kind: string, words: number): DataView {
  const view = new DataView(bytes.buffer, bytes.byteOffset, Math.min(bytes.byteLength, words * 4));
  if (bytes.byteLength >= 4 && view.getUint32(0) !== magic) {
    throw new IdxError(
      file,
      'bad-magic',
      `magic number ${view.getUint32(0)}, expected ${magic} (an IDX ${kind} file).`,
    );
  }
  if (bytes.byteLength < words * 4) {
    throw new IdxError(file, 'too-short', `only ${bytes.byteLength} bytes; an IDX header needs ${words * 4}.`);
  }
  return view;
}

function checkLength(bytes: Uint8Array, file: string, headerBytes: number, expected: number): void {
  const actual = bytes.byteLength - headerBytes;
  if (actual < expected) {
    throw new IdxError(
      file,
      'truncated',
      `truncated: the header promises ${expected} data bytes, the file has ${actual}.`,
    );
  }
  if (actual > expected) {
    throw new IdxError(file, 'truncated', `has ${actual - expected} bytes more than its header describes.`);
  }
}

/** Parses an idx3-ubyte image file (magic 2051). Expects 28×28 images unless told otherwise. */
export function parseIdxImages(bytes: Uint8Array, file: string, side = IMAGE_SIDE): IdxImages {
  const view = header(bytes, file, IMAGE_MAGIC, 'image', 4);
  const count = view.getUint32(4);
  const rows = view.getUint32(8);
  const cols = view.getUint32(12);
  if (rows !== side || cols !== side) {
    throw new IdxError(file, 'bad-dims', `images are ${rows}×${cols}, expected ${side}×${side}.`);
  }
  checkLength(bytes, file, 16, count * rows * cols);
  return { count, rows, cols, pixels: bytes.subarray(16) };
}

/** Parses an idx1-ubyte label file (magic 2049); every label must be a digit 0–9. */
export function parseIdxLabels(bytes: Uint8Array, file: string): Uint8Array {
  const view = header(bytes, file, LABEL_MAGIC, 'label', 2);
  const count = view.getUint32(4);
  checkLength(bytes, file, 8, count);
  const labels = bytes.subarray(8);
  const bad = labels.findIndex((l) => l >= NUM_CLASSES);
  if (bad >= 0) throw new IdxError(file, 'bad-label', `label ${labels[bad]} at index ${bad} is not a digit 0–9.`);
  return labels;
}

/** Encodes images as an IDX file: used by tests to make good and broken files. */
export function encodeIdxImages(pixels: Uint8Array, count: number, side = IMAGE_SIDE): Uint8Array {
  const out = new Uint8Array(16 + pixels.byteLength);
  const view = new DataView(out.buffer);
  view.setUint32(0, IMAGE_MAGIC);
  view.setUint32(4, count);
  view.setUint32(8, side);
  view.setUint32(12, side);
  out.set(pixels, 16);
  return out;
}

export function encodeIdxLabels(labels: Uint8Array): Uint8Array {
  const out = new Uint8Array(8 + labels.byteLength);
  const view = new DataView(out.buffer);
  view.setUint32(0, LABEL_MAGIC);
  view.setUint32(4, labels.byteLength);
  out.set(labels, 8);
  return out;
}
