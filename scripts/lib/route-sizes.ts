// What each page of the built app loads, measured in Chromium rather than guessed from the bundle graph: the
// JavaScript and CSS files fetched from the app's own origin while the page comes up, with their gzip sizes.
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { gzipSync } from 'node:zlib';
import { chromium, type Page } from '@playwright/test';
import { chromiumArgs, findChromium } from '../find-chromium.mjs';
import { startEmulator } from '../../e2e/support/emulator-process.ts';

export interface LoadedFile {
  file: string;
  kind: 'js' | 'css';
  bytes: number;
  gzipBytes: number;
}

export interface RouteSize {
  route: 'sign-in' | 'ticket-detail';
  /** What the page does, in words, for the report. */
  journey: string;
  files: LoadedFile[];
  js: { bytes: number; gzipBytes: number };
  css: { bytes: number; gzipBytes: number };
  /**
   * Fetched later, while the page sat idle (the app prefetches the detail view's code on the sign-in page):
   * not needed to show or use the page, so outside its budget, but reported.
   */
  idlePrefetch: LoadedFile[];
}

function sum(files: LoadedFile[], kind: LoadedFile['kind']) {
  const picked = files.filter((file) => file.kind === kind);
  return {
    bytes: picked.reduce((total, file) => total + file.bytes, 0),
    gzipBytes: picked.reduce((total, file) => total + file.gzipBytes, 0),
  };
}

/** Records the same-origin .js and .css files a page receives (cache off, so every file is fetched). */
async function recordLoads(page: Page, appUrl: string): Promise<Set<string>> {
  const loaded = new Set<string>();
  await page.route('**/*', (route) => route.continue());
  page.on('response', (response) => {
    const url = new URL(response.url());
    if (!response.ok() || !url.href.startsWith(appUrl)) return;
    if (/\.(m?js|css)$/.test(url.pathname)) loaded.add(url.pathname.slice(new URL(appUrl).pathname.length));
  });
  return loaded;
}

async function describeFiles(distDir: string, relativePaths: Iterable<string>): Promise<LoadedFile[]> {
  const files: LoadedFile[] = [];
  for (const file of [...relativePaths].sort()) {
    const content = await readFile(path.join(distDir, file));
    files.push({
      file,
      kind: file.endsWith('.css') ? 'css' : 'js',
      bytes: content.length,
      gzipBytes: gzipSync(content, { level: 9 }).length,
    });
  }
  return files;
}

function toRouteSize(
  route: RouteSize['route'],
  journey: string,
  files: LoadedFile[],
  idlePrefetch: LoadedFile[] = [],
): RouteSize {
  return { route, journey, files, js: sum(files, 'js'), css: sum(files, 'css'), idlePrefetch };
}

export async function measureRouteSizes(distDir: string): Promise<RouteSize[]> {
  const emulator = await startEmulator({ appDir: distDir, seedTickets: 150 });
  const executablePath = findChromium();
  const browser = await chromium.launch({
    headless: true,
    args: chromiumArgs,
    ...(executablePath ? { executablePath } : {}),
  });
  try {
    const signInContext = await browser.newContext();
    const signInPage = await signInContext.newPage();
    const signInLoads = await recordLoads(signInPage, emulator.appUrl);
    await signInPage.goto(emulator.appUrl, { waitUntil: 'load' });
    await signInPage.getByRole('button', { name: 'Sign in', exact: true }).waitFor();
    // What the page needed to come up and be used, then what it fetched while idle.
    const signInReady = new Set(signInLoads);
    await signInPage.waitForLoadState('networkidle');
    const signInIdle = [...signInLoads].filter((file) => !signInReady.has(file));
    await signInContext.close();

    // A technician following a link to a ticket: the sign-in page, then the detail view, in one page load.
    const detailContext = await browser.newContext();
    const detailPage = await detailContext.newPage();
    const detailLoads = await recordLoads(detailPage, emulator.appUrl);
    await detailPage.goto(`${emulator.appUrl}tickets/101`, { waitUntil: 'networkidle' });
    await detailPage.getByLabel('Group', { exact: true }).fill('HELP DESK');
    await detailPage.getByLabel('Login ID', { exact: true }).fill('TECH1');
    await detailPage.getByLabel('Password', { exact: true }).fill('welcome');
    await detailPage.getByRole('button', { name: 'Sign in', exact: true }).click();
    await detailPage.getByRole('main').getByText('Ticket #101', { exact: true }).waitFor();
    await detailPage.waitForLoadState('networkidle');
    await detailContext.close();

    return [
      toRouteSize(
        'sign-in',
        'open the app signed out, until the sign-in form shows',
        await describeFiles(distDir, signInReady),
        await describeFiles(distDir, signInIdle),
      ),
      toRouteSize(
        'ticket-detail',
        'open /tickets/101 signed out, sign in, see the ticket',
        await describeFiles(distDir, detailLoads),
      ),
    ];
  } finally {
    await browser.close();
    await emulator.stop();
  }
}

export function formatKb(bytes: number): string {
  return `${(bytes / 1000).toFixed(1)} kB`;
}
