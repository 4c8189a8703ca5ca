// Reads the app's compact MNIST files ("BNL pack"): an IDX file split into a bitmask of its non-zero bytes and the
// non-zero bytes themselves, each gzip-compressed, decoded with DecompressionStream. No DOM, no TF.js, no Node API.
//
// Why this shape: MNIST's pixels are 81% zeros. Deflate codes those runs and the ink values better apart than mixed:
// the training images are 9.7 MB as `gzip -9` of the IDX file, 8.7 MB as mask + values (docs/deploy.md). The file
// starts with its own magic, not gzip's 1f 8b, so a host that adds or strips a Content-Encoding cannot be mistaken for
// us: whatever the browser hands over is either this format or refused by name. gzip's CRC-32 catches corruption.
import { IdxError } from './idx';
import { PACK_HEADER_BYTES, PACK_MAGIC, PACK_VERSION } from './packFormat';

interface Lengths {
  headerLength: number;
  payloadLength: number;
  nonZero: number;
  maskLength: number;
  valuesLength: number;
  total: number;
}

/** Reads the fixed header (PACK_HEADER_BYTES), checking the magic number first: the most telling error. */
function readLengths(head: Uint8Array, received: number, file: string): Lengths {
  if (head.byteLength < PACK_HEADER_BYTES) {
    throw new IdxError(
      file,
      'too-short',
      `only ${received} bytes; a packed data file's header needs ${PACK_HEADER_BYTES}.`,
    );
  }
  const view = new DataView(head.buffer, head.byteOffset, PACK_HEADER_BYTES);
  const magic = view.getUint32(0);
  if (magic !== PACK_MAGIC) {
    const gzip = head[0] === 0x1f && head[1] === 0x8b;
    throw new IdxError(
      file,
      'bad-magic',
      gzip
        ? 'is still gzip-compressed: the server changed it (or sent the wrong file).'
        : `magic number ${magic}, expected ${PACK_MAGIC} (the app's packed MNIST format).`,
    );
  }
  const version = view.getUint32(4);
  if (version !== PACK_VERSION)
    throw new IdxError(file, 'bad-magic', `is format version ${version}; this app reads version ${PACK_VERSION}.`);
  const headerLength = view.getUint32(8);
  const payloadLength = view.getUint32(12);
  const nonZero = view.getUint32(16);
  const maskLength = view.getUint32(20);
  const valuesLength = view.getUint32(24);
  if (nonZero > payloadLength || headerLength > 64) throw new IdxError(file, 'corrupt', 'has an impossible header.');
  return {
    headerLength,
    payloadLength,
    nonZero,
    maskLength,
    valuesLength,
    total: PACK_HEADER_BYTES + headerLength + maskLength + valuesLength,
  };
}

/** A gzip stream fed chunk by chunk, decompressing while the rest of the file is still on its way. */
class Gunzip {
  private readonly writer: WritableStreamDefaultWriter<BufferSource>;
  private readonly output: Promise<ArrayBuffer>;

  constructor() {
    const stream = new DecompressionStream('gzip');
    this.writer = stream.writable.getWriter();
    this.output = new Response(stream.readable).arrayBuffer();
    // Failures surface in finish(); until then they must not count as unhandled.
    this.output.catch(() => {});
  }

  write(chunk: Uint8Array): void {
    this.writer.write(chunk as Uint8Array<ArrayBuffer>).catch(() => {});
  }

  async finish(): Promise<Uint8Array> {
    await this.writer.close();
    return new Uint8Array(await this.output);
  }

  abort(): void {
    this.writer.abort().catch(() => {});
  }
}

/**
 * Unpacks a packed file as its bytes arrive: both gzip sections are decompressed during the download, so little is
 * left to do once the last byte is in. push() throws at once on a file that is not ours; finish() checks lengths and
 * contents and returns the original IDX bytes.
 */
export class PackUnpacker {
  private head = new Uint8Array(PACK_HEADER_BYTES);
  private lengths: Lengths | null = null;
  private idxHeader: Uint8Array | null = null;
  private received = 0;
  private readonly mask = new Gunzip();
  private readonly values = new Gunzip();

  constructor(private readonly file: string) {}

  push(chunk: Uint8Array): void {
    let at = 0;
    while (at < chunk.byteLength) {
      const offset = this.received;
      if (offset < PACK_HEADER_BYTES) {
        const n = Math.min(PACK_HEADER_BYTES - offset, chunk.byteLength - at);
        this.head.set(chunk.subarray(at, at + n), offset);
        this.take(n);
        at += n;
        if (this.received === PACK_HEADER_BYTES) {
          this.lengths = readLengths(this.head, this.received, this.file);
          this.idxHeader = new Uint8Array(this.lengths.headerLength);
        }
        continue;
      }
      const lengths = this.lengths;
      const idxHeader = this.idxHeader;
      if (!lengths || !idxHeader) throw new Error('unreachable: header read');
      const maskStart = PACK_HEADER_BYTES + lengths.headerLength;
      const valuesStart = maskStart + lengths.maskLength;
      let end: number;
      if (offset < maskStart) {
        end = maskStart;
        const n = Math.min(end - offset, chunk.byteLength - at);
        idxHeader.set(chunk.subarray(at, at + n), offset - PACK_HEADER_BYTES);
      } else if (offset < valuesStart) {
        end = valuesStart;
        this.mask.write(chunk.subarray(at, at + Math.min(end - offset, chunk.byteLength - at)));
      } else if (offset < lengths.total) {
        end = lengths.total;
        this.values.write(chunk.subarray(at, at + Math.min(end - offset, chunk.byteLength - at)));
      } else {
        // Bytes past the end: counted, so finish() can say the file is too long.
        this.take(chunk.byteLength - at);
        return;
      }
      const n = Math.min(end - offset, chunk.byteLength - at);
      this.take(n);
      at += n;
    }
  }

  /** Gives up (the download failed): frees the decompressors. */
  abort(): void {
    this.mask.abort();
    this.values.abort();
  }

  async finish(): Promise<Uint8Array> {
    const file = this.file;
    if (!this.lengths || !this.idxHeader) {
      this.abort();
      throw readLengthsError(this.received, file);
    }
    const { payloadLength, nonZero, total } = this.lengths;
    if (this.received !== total) {
      this.abort();
      const how = this.received < total ? 'truncated' : 'longer than its header says';
      throw new IdxError(
        file,
        'truncated',
        `${how}: the header promises ${total} bytes, the file has ${this.received}.`,
      );
    }
    const [mask, values] = await Promise.all([
      finishPart(this.mask, file, 'mask', Math.ceil(payloadLength / 8)),
      finishPart(this.values, file, 'values', nonZero),
    ]);
    return rebuild(this.idxHeader, payloadLength, nonZero, mask, values, file);
  }

  private take(n: number): void {
    this.received += n;
  }
}

function readLengthsError(received: number, file: string): IdxError {
  return new IdxError(
    file,
    'too-short',
    `only ${received} bytes; a packed data file's header needs ${PACK_HEADER_BYTES}.`,
  );
}

async function finishPart(part: Gunzip, file: string, name: string, expectedLength: number): Promise<Uint8Array> {
  let out: Uint8Array;
  try {
    out = await part.finish();
  } catch (e) {
    throw new IdxError(file, 'corrupt', `its ${name} is corrupt (${e instanceof Error ? e.message : String(e)}).`);
  }
  if (out.byteLength !== expectedLength) {
    throw new IdxError(
      file,
      'corrupt',
      `its ${name} holds ${out.byteLength} bytes, the header promises ${expectedLength}.`,
    );
  }
  return out;
}

/** Puts the non-zero bytes back where the mask says, after the IDX header. */
function rebuild(
  idxHeader: Uint8Array,
  payloadLength: number,
  nonZero: number,
  mask: Uint8Array,
  values: Uint8Array,
  file: string,
): Uint8Array {
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

/** Restores the original IDX file from a whole packed file, byte for byte (then parsed and validated as IDX). */
export async function unpackIdx(bytes: Uint8Array, file: string): Promise<Uint8Array> {
  const unpacker = new PackUnpacker(file);
  try {
    unpacker.push(bytes);
  } catch (e) {
    unpacker.abort();
    throw e;
  }
  return unpacker.finish();
}

/** Where each part of a whole packed file lies (tests use it to damage one part on purpose). */
export function readPackLayout(
  bytes: Uint8Array,
  file: string,
): { maskStart: number; valuesStart: number; total: number } {
  const lengths = readLengths(bytes.subarray(0, PACK_HEADER_BYTES), bytes.byteLength, file);
  const maskStart = PACK_HEADER_BYTES + lengths.headerLength;
  return { maskStart, valuesStart: maskStart + lengths.maskLength, total: lengths.total };
}
