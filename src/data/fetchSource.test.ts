// The loader over real HTTP on loopback: plain, gzip-encoded by the server, and a missing file.
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { gzipSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { encodeIdxLabels } from './idx';
import { fetchSource } from './mnist';

const labels = encodeIdxLabels(new Uint8Array(5000).map((_, i) => i % 10));
let server: Server;
let base = '';

beforeAll(async () => {
  server = createServer((req, res) => {
    if (req.url === '/plain/t10k-labels-idx1-ubyte') {
      res.writeHead(200, { 'Content-Length': labels.byteLength });
      res.end(labels);
    } else if (req.url === '/gzip/t10k-labels-idx1-ubyte') {
      const body = gzipSync(labels);
      res.writeHead(200, { 'Content-Encoding': 'gzip', 'Content-Length': body.byteLength });
      res.end(body);
    } else {
      res.writeHead(404, 'Not Found');
      res.end();
    }
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});
afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

describe('fetchSource', () => {
  it('streams a file and reports bytes as they arrive', async () => {
    const seen: number[] = [];
    const bytes = await fetchSource(`${base}/plain/`)('test-labels', (n) => seen.push(n));
    expect(Array.from(bytes)).toEqual(Array.from(labels));
    expect(seen.at(-1)).toBe(labels.byteLength);
  });

  it('accepts a response the server compressed (Content-Length then counts encoded bytes)', async () => {
    const bytes = await fetchSource(`${base}/gzip/`)('test-labels', () => {});
    expect(Array.from(bytes)).toEqual(Array.from(labels));
  });

  it('names the file and the status when the server refuses', async () => {
    await expect(fetchSource(`${base}/missing/`)('test-labels', () => {})).rejects.toThrow(
      't10k-labels-idx1-ubyte: the server answered 404 Not Found.',
    );
  });
});
