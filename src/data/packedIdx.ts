// Reads the app's compact MNIST files ("BNL pack"): an IDX file split into a bitmask of its non-zero bytes and the
// non-zero bytes themselves, each gzip-compressed, decoded with DecompressionStream. No DOM, no TF.js, no Node API.
//
// Why this shape: MNIST's pixels are 81% zeros. Deflate codes those runs and the ink values better apart than mixed:
// the training images are 9.6 MB as `gzip -9` of the IDX file, 8.7 MB as mask + values (docs/deploy.md). The file
// starts with its own magic, not gzip's 1f 8b, so a host that adds or strips a Content-Encoding cannot be mistaken for
// us: whatever the browser hands over is either this format or refused by name. gzip's CRC-32 catches corruption.
import { IdxError } from './idx';
import { PACK_HEADER_BYTES, PACK_MAGIC, PACK_VERSION } from './packFormat';

export { PACK_HEADER_BYTES } from './packFormat';


export interface PackLayout {
  idxHeader: Uint8Array;
  payloadLength: number;
  nonZero: number;
  mask: Uint8Array;
  values: Uint8Array;
}

/** Splits the packed file into its parts, checking every length against the bytes actually there. */
export function readPackLayout(bytes: Uint8Array, file: string): PackLayout {
  if (bytes.byteLength < PACK_HEADER_BYTES) {
    throw new IdxError(file, 'too-short', `only ${bytes.byteLength} bytes; a packed data file's header needs ${PACK_HEADER_BYTES}.`);
  }
  const view = new DataView(bytes.buffer, bytes.byteOffset, PACK_HEADER_BYTES);
  const magic = view.getUint32(0);
  if (magic !== PACK_MAGIC) {
    const gzip = bytes[0] === 0x1f && bytes[1] === 0x8b;
    throw new IdxError(
      file,
      'bad-magic',
      gzip
        ? 'is still gzip-compressed: the server changed it (or sent the wrong file).'
        : `magic number ${magic}, expected ${PACK_MAGIC} (the app's packed MNIST format).`,
    );
  }
  const version = view.getUint32(4);
  if (version !== PACK_VERSION) throw new IdxError(file, 'bad-magic', `is format version ${version}; this app reads version ${PACK_VERSION}.`);
  const headerLength = view.getUint32(8);
  const payloadLength = view.getUint32(12);
  const nonZero = view.getUint32(16);
  const maskLength = view.getUint32(20);
  const valuesLength = view.getUint32(24);
  const expected = PACK_HEADER_BYTES + headerLength + maskLength + valuesLength;
  if (bytes.byteLength !== expected) {
    const how = bytes.byteLength < expected ? 'truncated' : 'longer than its header says';
    throw new IdxError(file, 'truncated', `${how}: the header promises ${expected} bytes, the file has ${bytes.byteLength}.`);
  }
  if (nonZero > payloadLength || headerLength > 64) throw new IdxError(file, 'corrupt', 'has an impossible header.');
  let at = PACK_HEADER_BYTES;
  const take = (n: number): Uint8Array => bytes.subarray(at, (at += n));
  return { idxHeader: take(headerLength), payloadLength, nonZero, mask: take(maskLength), values: take(valuesLength) };
}

async function gunzip(bytes: Uint8Array, file: string, part: string, expectedLength: number): Promise<Uint8Array> {
  let out: Uint8Array;
  try {
    const stream = new Blob([bytes as Uint8Array<ArrayBuffer>]).stream().pipeThrough(new DecompressionStream('gzip'));
    out = new Uint8Array(await new Response(stream).arrayBuffer());
  } catch (e) {
    throw new IdxError(file, 'corrupt', `its ${part} is corrupt (${e instanceof Error ? e.message : String(e)}).`);
  }
  if (out.byteLength !== expectedLength) {
    throw new IdxError(file, 'corrupt', `its ${part} holds ${out.byteLength} bytes, the header promises ${expectedLength}.`);
  }
  return out;
}

/** Restores the original IDX file, byte for byte (then parsed and validated like any IDX file). */
export async function unpackIdx(bytes: Uint8Array, file: string): Promise<Uint8Array> {
  const layout = readPackLayout(bytes, file);
  const { idxHeader, payloadLength, nonZero } = layout;
  const [mask, values] = await Promise.all([
    gunzip(layout.mask, file, 'mask', Math.ceil(payloadLength / 8)),
    gunzip(layout.values, file, 'values', nonZero),
  ]);
  const out = new Uint8Array(idxHeader.byteLength + payloadLength);
  out.set(idxHeader);
  const base = idxHeader.byteLength;
  let v = 0;
  for (let m = 0; m < mask.length; m++) {
    let bits = mask[m] ?? 0;
    // Most mask bytes are 0 (eight zero pixels): nothing to write, the output starts zeroed.
    while (bits !== 0) {
      const bit = 31 - Math.clz32(bits & -bits);
      const index = m * 8 + bit;
      const value = values[v++];
      if (value === undefined || value === 0 || index >= payloadLength) {
        throw new IdxError(file, 'corrupt', 'its mask and values do not agree.');
      }
      out[base + index] = value;
      bits &= bits - 1;
    }
  }
  if (v !== nonZero) throw new IdxError(file, 'corrupt', `its mask marks ${v} non-zero bytes, the header ${nonZero}.`);
  return out;
}
