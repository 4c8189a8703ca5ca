#!/usr/bin/env node
// `npm run bench [-- --out DIR] [--full] [--repeats N] [--backends webgl,wasm,cpu]`: builds the app and the
// benchmark page, then runs bench/perf.bench.ts in headless Chromium (through Playwright, which serves the build
// with vite preview on 127.0.0.1), then bench/firstVisit.bench.ts (bytes on the wire and time to trainable over a
// throttled link). The reports go to DIR/perf.{json,md} and DIR/first-visit.{json,md} (default bench/results/).
import { spawnSync } from 'node:child_process';
import { parseArgs } from 'node:util';

const { values } = parseArgs({
  options: {
    out: { type: 'string', default: 'bench/results' },
    full: { type: 'boolean', default: false },
    repeats: { type: 'string', default: '3' },
    backends: { type: 'string', default: 'webgl,wasm,cpu' },
    help: { type: 'boolean', default: false },
  },
});

if (values.help) {
  console.log('npm run bench -- [--out DIR] [--full] [--repeats N] [--backends webgl,wasm,cpu]');
  process.exit(0);
}
const repeats = Number(values.repeats);
if (!Number.isInteger(repeats) || repeats < 1) {
  console.error(`--repeats must be a whole number ≥ 1, not "${values.repeats}"`);
  process.exit(2);
}
// webgpu only on a machine whose browser offers a hardware adapter (docs/webgpu.md).
const known = ['webgl', 'wasm', 'cpu', 'webgpu'];
const backends = values.backends.split(',').filter(Boolean);
const unknown = backends.filter((b) => !known.includes(b));
if (backends.length === 0 || unknown.length > 0) {
  console.error(`--backends takes a comma-separated list of ${known.join(', ')}; got "${values.backends}"`);
  process.exit(2);
}

function run(args, env = {}) {
  const result = spawnSync('npx', args, { stdio: 'inherit', env: { ...process.env, ...env } });
  if (result.status !== 0) process.exit(result.status ?? 1);
}

run(['vite', 'build']);
run(['vite', 'build', '-c', 'vite.bench.config.ts']);
run(['playwright', 'test', '-c', 'playwright.bench.config.ts', 'perf'], {
  BENCH_OUT: values.out,
  BENCH_FULL: values.full ? '1' : '0',
  BENCH_REPEATS: String(repeats),
  BENCH_BACKENDS: backends.join(','),
});
run(['playwright', 'test', '-c', 'playwright.bench.config.ts', 'firstVisit'], {
  BENCH_OUT: values.out,
  BENCH_REPEATS: String(repeats),
});
