// How the browser tests start Chromium: Debian's (Playwright's own download does not work on these machines; set
// CHROMIUM_PATH elsewhere), without the background traffic a closed network refuses.
export const CHROMIUM_PATH = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

export const CHROMIUM_ARGS: readonly string[] = [
  '--no-sandbox',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
];
