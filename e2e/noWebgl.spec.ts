// WebGL unavailable (a browser started without it, as Safari's workers long were): the worker trains on WASM and
// says why; a forced backend=webgl falls back visibly.
import { expect, test } from '@playwright/test';
import { CHROMIUM_ARGS, CHROMIUM_PATH } from './chromium';
import { LabPage } from './labPage';

// Chromium needs several switches before WebGL is really gone (it falls back to SwiftShader otherwise).
test.use({
  launchOptions: {
    executablePath: CHROMIUM_PATH,
    args: [
      ...CHROMIUM_ARGS,
      '--disable-3d-apis',
      '--disable-webgl',
      '--disable-webgl2',
      '--disable-gpu',
      '--disable-software-rasterizer',
    ],
  },
});

test('without WebGL the app trains on WASM and says why', async ({ page }) => {
  const lab = new LabPage(page);
  await lab.startRun('epochs=1&train=1000');
  await expect(lab.backend).toContainText('wasm');
  await expect(lab.backend).toContainText(/WebGL is not available/);
  await lab.waitForEpochs(1, 120_000);
});

test('a forced backend=webgl without WebGL falls back to WASM and says so', async ({ page }) => {
  const lab = new LabPage(page);
  await lab.startRun('backend=webgl&epochs=1&train=1000');
  await expect(lab.backend).toContainText('wasm');
  await expect(lab.backend).toContainText(/fell back after: webgl/);
  await lab.waitForEpochs(1, 120_000);
});
