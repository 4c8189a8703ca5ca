// The production build leaves the browser tests' hooks out (src/shared/testHooks.ts), and the tests' build keeps
// them: both built here from the real config, and their scripts searched for the hooks' names.
import { mkdtemp, readdir, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { build } from 'vite';
import { afterAll, describe, expect, it } from 'vitest';

const HOOK_NAMES = ['batchnormLabDebug', 'debug-stall-ms', 'debug-float16', 'debug-tour-short'];
const made: string[] = [];

async function scriptsOf(mode: 'production' | 'e2e'): Promise<string> {
  const outDir = await mkdtemp(join(tmpdir(), `bnlab-${mode}-`));
  made.push(outDir);
  await build({
    configFile: join(import.meta.dirname, '..', 'vite.config.ts'),
    mode,
    logLevel: 'silent',
    build: { outDir, emptyOutDir: true },
  });
  const assets = join(outDir, 'assets');
  const names = (await readdir(assets)).filter((n) => n.endsWith('.js'));
  const texts = await Promise.all(names.map((n) => readFile(join(assets, n), 'utf8')));
  return texts.join('\n');
}

afterAll(async () => {
  await Promise.all(made.map((dir) => rm(dir, { recursive: true, force: true })));
});

describe('the test hooks', () => {
  it('are left out of the production bundle and kept in the tests’ build', async () => {
    const production = await scriptsOf('production');
    const tests = await scriptsOf('e2e');
    for (const name of HOOK_NAMES) {
      expect(production, name).not.toContain(name);
      expect(tests, name).toContain(name);
    }
  }, 120_000);
});
