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

// In the page, from its first moment: when a text first appears in the document, on the page's own clock, so
// that the files the page started fetching before it showed can be told from those it prefetched later while
// idle, whatever the machine's load.
const shownProbe = (text: string) => `
  window.__shownAt = new Promise((resolve) => {
    const check = () => {
      if (!document.body || !document.body.textContent.includes(${JSON.stringify(text)})) return;
      observer.disconnect();
      resolve(performance.now());
    };
    const observer = new MutationObserver(check);
    observer.observe(document, { childList: true, subtree: true, characterData: true });
  });
`;

/**
 * Loads `url` (cache off) and splits the same-origin .js and .css files it fetched into those started before
 * `shownText` appeared and those started afterwards.
 */
async function recordLoads(
  page: Page,
  appUrl: string,
  url: string,
  shownText: string,
): Promise<{ ready: string[]; idle: string[] }> {
  await page.route('**/*', (route) => route.continue());
  await page.addInitScript({ content: shownProbe(shownText) });
  await page.goto(url, { waitUntil: 'load' });
  await page.getByText(shownText, { exact: true }).first().waitFor();
  await page.waitForLoadState('networkidle');
  const base = new URL(appUrl).pathname;
  const entries = await page.evaluate(async () => {
    const shownAt = await (window as unknown as { __shownAt: Promise<number> }).__shownAt;
    return performance
      .getEntriesByType('resource')
      .map((entry) => ({ name: entry.name, early: entry.startTime <= shownAt }));
  });
  const ready = new Set<string>();
  const idle = new Set<string>();
  for (const entry of entries) {
    const entryUrl = new URL(entry.name);
    if (!entryUrl.href.startsWith(appUrl) || !/\.(m?js|css)$/.test(entryUrl.pathname)) continue;
    (entry.early ? ready : idle).add(entryUrl.pathname.slice(base.length));
  }
  return { ready: [...ready], idle: [...idle].filter((file) => !ready.has(file)) };
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
    const signIn = await recordLoads(
      await signInContext.newPage(),
      emulator.appUrl,
      emulator.appUrl,
      'Sign in',
    );
    await signInContext.close();

    // A signed-in technician opening /tickets/101 (a link, a bookmark, a reload): the session is kept in
    // sessionStorage, so this page load shows the detail view without the sign-in page.
    const detailContext = await browser.newContext();
    const detailPage = await detailContext.newPage();
    await detailPage.goto(emulator.appUrl);
    await detailPage.getByLabel('Group', { exact: true }).fill('HELP DESK');
    await detailPage.getByLabel('Login ID', { exact: true }).fill('TECH1');
    await detailPage.getByLabel('Password', { exact: true }).fill('welcome');
    await detailPage.getByRole('button', { name: 'Sign in', exact: true }).click();
    await detailPage.getByRole('textbox', { name: /go to ticket/i }).waitFor();
    await detailPage.waitForLoadState('networkidle');
    const detail = await recordLoads(
      detailPage,
      emulator.appUrl,
      `${emulator.appUrl}tickets/101`,
      'Ticket #101',
    );
    await detailContext.close();

    return [
      toRouteSize(
        'sign-in',
        'open the app signed out, until the sign-in form shows',
        await describeFiles(distDir, signIn.ready),
        await describeFiles(distDir, signIn.idle),
      ),
      toRouteSize(
        'ticket-detail',
        'signed in, load /tickets/101 until the ticket shows',
        await describeFiles(distDir, detail.ready),
        await describeFiles(distDir, detail.idle),
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
