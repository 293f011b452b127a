// Finds a Chromium for Playwright: $CHROMIUM_PATH, Debian's /usr/bin/chromium, or Playwright's own browser.
// Imported by playwright.config.ts and the benches; run with --check to fail early with one clear line.
import { existsSync } from 'node:fs';
import { createRequire } from 'node:module';

const candidates = [
  process.env.CHROMIUM_PATH,
  process.env.PLAYWRIGHT_CHROMIUM_EXECUTABLE_PATH,
  '/usr/bin/chromium',
  '/usr/bin/chromium-browser',
  '/usr/bin/google-chrome',
  '/snap/bin/chromium',
];

/** @returns {string | undefined} a path to a Chromium executable, or undefined to use Playwright's own */
export function findChromium() {
  for (const candidate of candidates) {
    if (candidate && existsSync(candidate)) return candidate;
  }
  return undefined;
}

function playwrightHasOwnBrowser() {
  try {
    const require = createRequire(import.meta.url);
    const { chromium } = require('playwright-core');
    return existsSync(chromium.executablePath());
  } catch {
    return false;
  }
}

export const chromiumArgs = [
  '--no-sandbox',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
];

if (process.argv.includes('--check')) {
  if (!findChromium() && !playwrightHasOwnBrowser()) {
    console.error(
      'No Chromium found: install one (Debian: apt-get install -y chromium) or set CHROMIUM_PATH to its executable.',
    );
    process.exit(1);
  }
}
