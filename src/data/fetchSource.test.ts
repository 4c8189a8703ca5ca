// The loader over real HTTP on loopback: the packed files served plain, compressed again by the server
// (Content-Encoding: gzip, as hosts that compress everything do), cut short, and missing.
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { gzipSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { packIdx } from '../../scripts/mnistPack';
import { encodeIdxLabels } from './idx';
import { packedSource, type PackedFile } from './mnist';
import type { DataFile } from '../shared/protocol';

const labels = encodeIdxLabels(new Uint8Array(5000).map((_, i) => i % 10));
const packed = packIdx(labels, 8);
const NAME = 't10k-labels-idx1-ubyte-abc.pack';
const files: Record<DataFile, PackedFile> = {
  'train-images': { name: 'unused', bytes: 0 },
  'train-labels': { name: 'unused', bytes: 0 },
  'test-images': { name: 'unused', bytes: 0 },
  'test-labels': { name: NAME, bytes: packed.byteLength },
};
let server: Server;
let base = '';

beforeAll(async () => {
  server = createServer((req, res) => {
    if (req.url === `/plain/${NAME}`) {
      res.writeHead(200, { 'Content-Length': packed.byteLength });
      res.end(packed);
    } else if (req.url === `/gzip/${NAME}`) {
      const body = gzipSync(packed);
      res.writeHead(200, { 'Content-Encoding': 'gzip', 'Content-Length': body.byteLength });
      res.end(body);
    } else if (req.url === `/cut/${NAME}`) {
      // Says the whole length, sends half, then closes: a dropped connection.
      res.writeHead(200, { 'Content-Length': packed.byteLength });
      res.write(packed.subarray(0, packed.byteLength / 2), () => res.socket?.destroy());
    } else {
      res.writeHead(404, 'Not Found');
      res.end();
    }
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});
afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

describe('packedSource', () => {
  it('streams a packed file, reports its bytes as they arrive and unpacks it', async () => {
    const seen: number[] = [];
    const bytes = await packedSource(`${base}/plain/`, files)('test-labels', (n) => seen.push(n));
    expect(Buffer.from(bytes).equals(Buffer.from(labels))).toBe(true);
    expect(seen.at(-1)).toBe(packed.byteLength);
  });

  it('accepts a response the server compressed again (Content-Length then counts encoded bytes)', async () => {
    const seen: number[] = [];
    const bytes = await packedSource(`${base}/gzip/`, files)('test-labels', (n) => seen.push(n));
    expect(Buffer.from(bytes).equals(Buffer.from(labels))).toBe(true);
    expect(seen.at(-1)).toBe(packed.byteLength);
  });

  it('names the file when the download is cut short', async () => {
    await expect(packedSource(`${base}/cut/`, files)('test-labels', () => {})).rejects.toThrow(
      /^t10k-labels-idx1-ubyte-abc\.pack: /,
    );
  });

  it('names the file and the status when the server refuses', async () => {
    await expect(packedSource(`${base}/missing/`, files)('test-labels', () => {})).rejects.toThrow(
      't10k-labels-idx1-ubyte-abc.pack: the server answered 404 Not Found.',
    );
  });
});
