#!/usr/bin/env node
// `node scripts/makeIcons.mjs`: renders the app's icons (public/icons/icon.svg, scripts/icons/maskable.svg) to the PNG sizes the web app manifest and
// iOS want, with the same headless Chromium the tests use. Run again after changing an SVG; the PNGs are committed.
import { readFileSync } from 'node:fs';
import { chromium } from '@playwright/test';

const OUT = new URL('../public/icons/', import.meta.url);
const SOURCES = { 'icon.svg': OUT, 'maskable.svg': new URL('icons/', import.meta.url) };
const JOBS = [
  { svg: 'icon.svg', png: 'icon-192.png', size: 192 },
  { svg: 'icon.svg', png: 'icon-512.png', size: 512 },
  { svg: 'maskable.svg', png: 'maskable-512.png', size: 512 },
  // iOS rounds the corners itself and shows transparency as black: the full picture on an opaque white square.
  { svg: 'icon.svg', png: 'apple-touch-icon-180.png', size: 180, opaque: true },
];

const browser = await chromium.launch({
  executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
  args: ['--no-sandbox'],
});
try {
  for (const job of JOBS) {
    const page = await browser.newPage({ viewport: { width: job.size, height: job.size } });
    const svg = readFileSync(new URL(job.svg, SOURCES[job.svg]), 'utf8');
    await page.setContent(
      `<style>html,body{margin:0;background:${job.opaque ? '#ffffff' : 'transparent'}}svg{display:block;width:${job.size}px;height:${job.size}px}</style>${svg}`,
    );
    await page.screenshot({ path: new URL(job.png, OUT).pathname, omitBackground: !job.opaque });
    await page.close();
    console.log(`public/icons/${job.png}`);
  }
} finally {
  await browser.close();
}
