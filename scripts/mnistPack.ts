// Writes the app's compact MNIST files at build time (the format is read by src/data/packedIdx.ts), and keeps them in
// node_modules/.cache so a rebuild does not spend seconds recompressing 55 MB that never change.
import { createHash } from 'node:crypto';
import { mkdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { PACK_HEADER_BYTES, PACK_MAGIC, PACK_VERSION } from '../src/data/packFormat.ts';

/** gzip at its best; memLevel 9 gives deflate its largest hash tables (a few kB smaller files, same decoder). */
const gzip = (bytes: Uint8Array): Buffer => gzipSync(bytes, { level: 9, memLevel: 9 });

/** Packs one IDX file whose header is `headerLength` bytes (16 for images, 8 for labels). */
export function packIdx(idx: Uint8Array, headerLength: number): Uint8Array {
  const payload = idx.subarray(headerLength);
  const mask = new Uint8Array(Math.ceil(payload.length / 8));
  const values = new Uint8Array(payload.length);
  let nonZero = 0;
  for (let i = 0; i < payload.length; i++) {
    const value = payload[i] ?? 0;
    if (value === 0) continue;
    mask[i >> 3] = (mask[i >> 3] ?? 0) | (1 << (i & 7));
    values[nonZero++] = value;
  }
  const maskGz = gzip(mask);
  const valuesGz = gzip(values.subarray(0, nonZero));
  const out = new Uint8Array(PACK_HEADER_BYTES + headerLength + maskGz.length + valuesGz.length);
  const view = new DataView(out.buffer);
  [PACK_MAGIC, PACK_VERSION, headerLength, payload.length, nonZero, maskGz.length, valuesGz.length].forEach((word, i) =>
    view.setUint32(i * 4, word),
  );
  let at = PACK_HEADER_BYTES;
  for (const part of [idx.subarray(0, headerLength), maskGz, valuesGz]) {
    out.set(part, at);
    at += part.length;
  }
  return out;
}

/** IDX image files have a 16-byte header (magic, count, rows, cols), label files 8 (magic, count). */
export function idxHeaderLength(name: string): number {
  return name.includes('idx3') ? 16 : 8;
}

/** The packed bytes of one of the package's IDX files, from the cache when the source has not changed. */
export function packedFile(sourceDir: string, name: string, cacheDir: string): Uint8Array {
  const source = join(sourceDir, name);
  const { size, mtimeMs } = statSync(source);
  const key = createHash('sha256').update(`${name}|${size}|${mtimeMs}|v${PACK_VERSION}`).digest('hex').slice(0, 16);
  const cached = join(cacheDir, `${name}.${key}.pack`);
  try {
    return new Uint8Array(readFileSync(cached));
  } catch {
    const packed = packIdx(new Uint8Array(readFileSync(source)), idxHeaderLength(name));
    mkdirSync(cacheDir, { recursive: true });
    writeFileSync(cached, packed);
    return packed;
  }
}

/** A content hash for the file name: a new build with other bytes gets another name, so caches never serve stale data. */
export function contentHash(bytes: Uint8Array): string {
  return createHash('sha256').update(bytes).digest('hex').slice(0, 10);
}
