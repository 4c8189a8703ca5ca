// Turns the first-visit benchmark's measurements (bench/firstVisit.bench.ts) into its Markdown report.
import { median } from './page/median';

export interface Visit {
  /** ms from navigation start to Train enabled (the page's `bnlab:data-ready` mark). */
  trainableMs: number;
  /** Body bytes the server sent until then. */
  bytesAtTrainable: number;
  /** Body bytes of the whole visit: until the service worker is installed (first visit), until trainable (reload). */
  bytes: number;
  requests: number;
  byKind: Record<string, number>;
}

export interface VisitSet {
  link: string;
  profile: string;
  first: Visit[];
  second: Visit[];
}

export interface FirstVisitReport {
  date: string;
  machine: { cpu: string; cores: number; memoryGiB: number; os: string };
  browser: string;
  link: { latency: number; downloadThroughput: number; uploadThroughput: number };
  sets: VisitSet[];
}

const mb = (bytes: number): string => (bytes / 1e6).toFixed(2);
const s = (ms: number): string => (ms / 1000).toFixed(2);
const all = (visits: Visit[], pick: (v: Visit) => number, f: (n: number) => string): string =>
  `**${f(median(visits.map(pick)))}** (${visits.map((v) => f(pick(v))).join(', ')})`;

export function firstVisitMarkdown(report: FirstVisitReport): string {
  const lines = [
    '# First visit',
    '',
    `${report.date.slice(0, 10)} · ${report.machine.cores}-core ${report.machine.cpu} · ${report.machine.os} · Chromium ${report.browser}`,
    '',
    'dist/ on a static host that compresses nothing (e2e/staticServer.ts). Bytes: response bodies the server sent,',
    'all requests (page, worker, service worker). Medians, every run in brackets.',
    '',
    '| link | profile | first visit: MB until the service worker is installed | MB until trainable | time to trainable (s) | reload: MB | reload: time to trainable (s) |',
    '|---|---|---|---|---|---|---|',
  ];
  for (const set of report.sets) {
    lines.push(
      `| ${set.link} | ${set.profile} | ${all(set.first, (v) => v.bytes, mb)} | ${all(set.first, (v) => v.bytesAtTrainable, mb)} | ${all(set.first, (v) => v.trainableMs, s)} | ${all(set.second, (v) => v.bytes, mb)} | ${all(set.second, (v) => v.trainableMs, s)} |`,
    );
  }
  const sample = report.sets[0]?.first[0];
  if (sample) {
    lines.push('', 'One first visit by kind of file (MB):', '');
    lines.push(
      `| ${Object.keys(sample.byKind).join(' | ')} | total | requests |`,
      `|${' --- |'.repeat(Object.keys(sample.byKind).length + 2)}`,
    );
    lines.push(`| ${Object.values(sample.byKind).map(mb).join(' | ')} | ${mb(sample.bytes)} | ${sample.requests} |`);
  }
  return `${lines.join('\n')}\n`;
}
