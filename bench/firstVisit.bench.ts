// `npm run bench` (also alone: `npm run bench:first-visit`): what a first visit costs. Serves dist/ from a plain
// static host that compresses nothing (e2e/staticServer.ts, under a subpath) and measures in headless Chromium:
// - bytes sent to the browser until the service worker is installed (page, worker, WASM, data and the precache),
//   counted by the server, so the worker's and the service worker's requests count too;
// - time to trainable (Train enabled: the data is in the worker; the page's `bnlab:data-ready` mark), over an
//   emulated 25 Mbit/s, 20 ms RTT link (Chromium's network emulation through CDP) and over loopback;
// - the second visit (a reload): bytes and time to trainable.
// In a fresh private context (in-memory HTTP cache) and with a normal on-disk profile. Writes first-visit.json and
// first-visit.md to BENCH_OUT. It prints; it asserts nothing about speed.
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { cpus, release, tmpdir, totalmem, type } from 'node:os';
import { join } from 'node:path';
import { chromium, expect, test, type BrowserContext, type Page } from '@playwright/test';
import base from '../playwright.config';
import { StaticServer, type ServedRequest } from '../e2e/staticServer';
import { firstVisitMarkdown, type FirstVisitReport, type Visit, type VisitSet } from './firstVisitReport';

const OUT = process.env.BENCH_OUT ?? 'bench/results';
const REPEATS = Number(process.env.BENCH_REPEATS ?? 3);
const PREFIX = '/bn-lab/';
/** 25 Mbit/s down, 5 Mbit/s up, 20 ms round trip. */
const LINK = { offline: false, latency: 20, downloadThroughput: 25e6 / 8, uploadThroughput: 5e6 / 8 };

function kind(path: string): string {
  if (path.includes('/assets/mnist/')) return 'data';
  if (path.endsWith('.wasm')) return 'wasm';
  if (/\/(sw|workbox-[^/]+)\.js$/.test(path)) return 'service worker';
  if (/\.(js|css)$/.test(path)) return 'js+css';
  return 'html, icons, manifest';
}

function bytesOf(log: ServedRequest[]): Pick<Visit, 'bytes' | 'requests' | 'byKind'> {
  const byKind: Record<string, number> = {};
  for (const r of log) byKind[kind(r.path)] = (byKind[kind(r.path)] ?? 0) + r.bytes;
  return { bytes: log.reduce((s, r) => s + r.bytes, 0), requests: log.length, byKind };
}

/** Chromium's network emulation on the page; its dedicated worker's requests go through the same throttle. */
async function throttle(context: BrowserContext, page: Page): Promise<void> {
  const session = await context.newCDPSession(page);
  await session.send('Network.enable');
  await session.send('Network.emulateNetworkConditions', LINK);
}

async function trainableMs(page: Page): Promise<number> {
  await expect(page.getByTestId('train-button')).toBeEnabled({ timeout: 120_000 });
  return page.evaluate(() => performance.getEntriesByName('bnlab:data-ready')[0]?.startTime ?? Number.NaN);
}

/** One first visit and its reload, in the given context; the server's log is what went over the wire. */
async function visit(
  context: BrowserContext,
  server: StaticServer,
  url: string,
  throttled: boolean,
): Promise<{ first: Visit; second: Visit }> {
  const page = context.pages()[0] ?? (await context.newPage());
  if (throttled) await throttle(context, page);
  server.log.length = 0;
  await page.goto(`${url}?epochs=1`);
  const firstTrainable = await trainableMs(page);
  const atTrainable = bytesOf(server.log).bytes;
  await expect(page.getByTestId('sw-offline-ready')).toBeVisible({ timeout: 120_000 });
  const first: Visit = { trainableMs: firstTrainable, bytesAtTrainable: atTrainable, ...bytesOf(server.log) };
  server.log.length = 0;
  await page.reload();
  const secondTrainable = await trainableMs(page);
  const second: Visit = {
    trainableMs: secondTrainable,
    bytesAtTrainable: bytesOf(server.log).bytes,
    ...bytesOf(server.log),
  };
  return { first, second };
}

test('first visit: bytes on the wire and time to trainable', async ({ browser }) => {
  test.setTimeout(30 * 60_000);
  const server = new StaticServer({ root: 'dist', prefix: PREFIX });
  const url = await server.start();
  const sets: VisitSet[] = [];
  try {
    for (const throttled of [true, false]) {
      const set: VisitSet = {
        link: throttled ? '25 Mbit/s, 20 ms RTT' : 'loopback',
        profile: 'private',
        first: [],
        second: [],
      };
      for (let i = 0; i < REPEATS; i++) {
        const context = await browser.newContext();
        try {
          const { first, second } = await visit(context, server, url, throttled);
          set.first.push(first);
          set.second.push(second);
        } finally {
          await context.close();
        }
      }
      sets.push(set);
    }
    // A normal profile: an on-disk HTTP cache, from which the precache can revalidate what the page just fetched.
    const set: VisitSet = { link: '25 Mbit/s, 20 ms RTT', profile: 'normal (disk cache)', first: [], second: [] };
    for (let i = 0; i < REPEATS; i++) {
      const dir = mkdtempSync(join(tmpdir(), 'bn-lab-profile-'));
      const context = await chromium.launchPersistentContext(dir, { ...base.use?.launchOptions, headless: true });
      try {
        const { first, second } = await visit(context, server, url, true);
        set.first.push(first);
        set.second.push(second);
      } finally {
        await context.close();
        rmSync(dir, { recursive: true, force: true });
      }
    }
    sets.push(set);
  } finally {
    await server.stop();
  }
  const report: FirstVisitReport = {
    date: new Date().toISOString(),
    machine: {
      cpu: cpus()[0]?.model ?? 'unknown CPU',
      cores: cpus().length,
      memoryGiB: Math.round(totalmem() / 2 ** 30),
      os: `${type()} ${release()}`,
    },
    browser: browser.version(),
    link: LINK,
    sets,
  };
  mkdirSync(OUT, { recursive: true });
  writeFileSync(join(OUT, 'first-visit.json'), JSON.stringify(report, null, 2));
  const md = firstVisitMarkdown(report);
  writeFileSync(join(OUT, 'first-visit.md'), md);
  console.log(md);
});
