// A plain static host for the built app, as the deploy guide's hosts behave: dist/ under any path prefix, ETag and
// Last-Modified with 304s, optionally every response gzip-compressed (hosts that compress everything) and optionally
// cross-origin isolated (COOP + COEP). It counts the body bytes it sends, for the first-visit benchmark.
import { createHash } from 'node:crypto';
import { readFile, stat } from 'node:fs/promises';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { extname, join, normalize, sep } from 'node:path';
import { gzipSync } from 'node:zlib';
import { SECURITY_HEADERS } from '../scripts/securityHeaders';

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json',
  '.webmanifest': 'application/manifest+json',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.wasm': 'application/wasm',
};

export interface StaticServerOptions {
  /** The folder to serve (the build). */
  root: string;
  /** Where the app lives on the host, e.g. `/course/bn-lab/`; `/` for the site root. */
  prefix?: string;
  /** Compress every response with Content-Encoding: gzip when the browser accepts it. */
  gzipAll?: boolean;
  /** Send COOP + COEP (and CORP), so the page is cross-origin isolated. */
  isolated?: boolean;
}

export interface ServedRequest {
  path: string;
  status: number;
  /** Body bytes sent (compressed when gzipAll). */
  bytes: number;
  /** When the request arrived and when its response was handed to the network, ms since the server started. */
  startMs: number;
  endMs: number;
}

export class StaticServer {
  readonly log: ServedRequest[] = [];
  private readonly server: Server;
  private readonly prefix: string;
  private readonly t0 = performance.now();
  private readonly arrivals = new WeakMap<IncomingMessage, number>();

  constructor(private readonly options: StaticServerOptions) {
    this.prefix = options.prefix ?? '/';
    if (!this.prefix.startsWith('/') || !this.prefix.endsWith('/'))
      throw new Error(`prefix must start and end with "/": ${this.prefix}`);
    this.server = createServer((req, res) => {
      this.arrivals.set(req, performance.now());
      this.handle(req, res).catch((e: unknown) => {
        res.writeHead(500);
        res.end(String(e));
      });
    });
  }

  /** Listens on 127.0.0.1 (port 0: any free port) and returns the app's URL. */
  async start(port = 0): Promise<string> {
    await new Promise<void>((resolve) => this.server.listen(port, '127.0.0.1', resolve));
    return `http://127.0.0.1:${(this.server.address() as AddressInfo).port}${this.prefix}`;
  }

  /** Stops answering at once, open connections too: the host is gone. */
  async stop(): Promise<void> {
    this.server.closeAllConnections();
    await new Promise<void>((resolve) => this.server.close(() => resolve()));
  }

  get bytesSent(): number {
    return this.log.reduce((sum, r) => sum + r.bytes, 0);
  }

  private headers(): Record<string, string> {
    const isolation: Record<string, string> = this.options.isolated
      ? { 'Cross-Origin-Embedder-Policy': 'require-corp', 'Cross-Origin-Resource-Policy': 'same-origin' }
      : {};
    return { ...SECURITY_HEADERS, ...isolation };
  }

  private send(
    req: IncomingMessage,
    res: ServerResponse,
    status: number,
    headers: Record<string, string>,
    body: Buffer,
  ): void {
    const gzip =
      this.options.gzipAll === true && body.byteLength > 0 && /\bgzip\b/.test(req.headers['accept-encoding'] ?? '');
    const out = gzip ? gzipSync(body) : body;
    res.writeHead(status, {
      ...headers,
      ...(gzip ? { 'Content-Encoding': 'gzip', Vary: 'Accept-Encoding' } : {}),
      'Content-Length': String(out.byteLength),
    });
    this.record(req, res, status, req.method === 'HEAD' ? 0 : out.byteLength);
    res.end(req.method === 'HEAD' ? undefined : out);
  }

  private record(req: IncomingMessage, res: ServerResponse, status: number, bytes: number): void {
    const entry: ServedRequest = { path: req.url ?? '', status, bytes, startMs: this.now(req), endMs: Number.NaN };
    this.log.push(entry);
    res.on('finish', () => (entry.endMs = performance.now() - this.t0));
  }

  private now(req: IncomingMessage): number {
    return (this.arrivals.get(req) ?? performance.now()) - this.t0;
  }

  private async handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const path = decodeURIComponent((req.url ?? '/').split('?')[0] ?? '/');
    if (path === this.prefix.slice(0, -1)) {
      res.writeHead(301, { Location: this.prefix });
      this.record(req, res, 301, 0);
      res.end();
      return;
    }
    const notFound = () =>
      this.send(req, res, 404, { ...this.headers(), 'Content-Type': 'text/plain' }, Buffer.from('Not Found'));
    if (!path.startsWith(this.prefix)) return notFound();
    const relative = path.slice(this.prefix.length) || 'index.html';
    const file = normalize(join(this.options.root, relative.endsWith('/') ? `${relative}index.html` : relative));
    if (!file.startsWith(normalize(this.options.root) + sep)) return notFound();
    let info;
    try {
      info = await stat(file);
    } catch {
      return notFound();
    }
    if (!info.isFile()) return notFound();
    const etag = `"${createHash('sha1').update(`${file}|${info.size}|${info.mtimeMs}`).digest('hex').slice(0, 16)}"`;
    const headers = {
      ...this.headers(),
      'Content-Type': TYPES[extname(file)] ?? 'application/octet-stream',
      ETag: etag,
      'Last-Modified': info.mtime.toUTCString(),
    };
    if (req.headers['if-none-match'] === etag) {
      res.writeHead(304, headers);
      this.record(req, res, 304, 0);
      res.end();
      return;
    }
    this.send(req, res, 200, headers, await readFile(file));
  }
}
