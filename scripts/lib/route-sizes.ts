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

/** The pages measured, each with its entry in budgets.json. */
export const measuredRoutes = ['sign-in', 'ticket-detail', 'ticket-list'] as const;

export interface RouteSize {
  route: (typeof measuredRoutes)[number];
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

/** What shows that the page is up: a text in the document, or an element matching a CSS selector. */
type Shown = { text: string } | { selector: string };

// In the page, from its first moment: when the page first shows (`Shown`), on the page's own clock, so that the
// files the page started fetching before it showed can be told from those it prefetched later while idle.
// Idle callbacks are held until then: the app prefetches code it does not need yet in them (preload.ts,
// ui/deferred.ts), and on a loaded machine the browser can be idle while the page's own chunks are still in
// flight (the list page fetched the detail view's code before its own rows showed), which would charge that
// prefetch to the page by chance. Holding them makes the split the same on every run; they run once it shows.
const shownProbe = (shown: Shown) => `
  (() => {
    const shown = ${JSON.stringify(shown)};
    const requestIdle = window.requestIdleCallback.bind(window);
    const cancelIdle = window.cancelIdleCallback.bind(window);
    const held = new Map();
    const started = new Map();
    let nextHandle = -1;
    let isShown = false;
    window.requestIdleCallback = (callback, options) => {
      if (isShown) return requestIdle(callback, options);
      const handle = nextHandle--;
      held.set(handle, () => started.set(handle, requestIdle(callback, options)));
      return handle;
    };
    window.cancelIdleCallback = (handle) => {
      if (held.delete(handle)) return;
      cancelIdle(started.get(handle) ?? handle);
    };
    window.__shownAt = new Promise((resolve) => {
      const check = () => {
        if (!document.body) return;
        const found =
          'text' in shown ? document.body.textContent.includes(shown.text) : document.querySelector(shown.selector);
        if (!found) return;
        observer.disconnect();
        const at = performance.now();
        isShown = true;
        for (const start of held.values()) start();
        held.clear();
        resolve(at);
      };
      const observer = new MutationObserver(check);
      observer.observe(document, { childList: true, subtree: true, characterData: true });
    });
  })();
`;

/**
 * Loads `url` (cache off) and splits the same-origin .js and .css files it fetched into those started before
 * the page showed (`shown`) and those started afterwards.
 */
async function recordLoads(
  page: Page,
  appUrl: string,
  url: string,
  shown: Shown,
): Promise<{ ready: string[]; idle: string[] }> {
  await page.route('**/*', (route) => route.continue());
  await page.addInitScript({ content: shownProbe(shown) });
  await page.goto(url, { waitUntil: 'load' });
  await (
    'text' in shown
      ? page.getByText(shown.text, { exact: true }).first()
      : page.locator(shown.selector).first()
  ).waitFor();
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

/** Signs in as TECH1 through the sign-in page and waits for the signed-in frame. */
async function signInThrough(page: Page, appUrl: string): Promise<void> {
  await page.goto(appUrl);
  await page.getByLabel('Group', { exact: true }).fill('HELP DESK');
  await page.getByLabel('Login ID', { exact: true }).fill('TECH1');
  await page.getByLabel('Password', { exact: true }).fill('welcome');
  await page.getByRole('button', { name: 'Sign in', exact: true }).click();
  await page.getByRole('textbox', { name: /go to ticket/i }).waitFor();
  await page.waitForLoadState('networkidle');
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
    const signIn = await recordLoads(await signInContext.newPage(), emulator.appUrl, emulator.appUrl, {
      text: 'Sign in',
    });
    await signInContext.close();

    // A signed-in technician opening /tickets/101 (a link, a bookmark, a reload): the session is kept in
    // sessionStorage, so this page load shows the detail view without the sign-in page.
    const detailContext = await browser.newContext();
    const detailPage = await detailContext.newPage();
    await signInThrough(detailPage, emulator.appUrl);
    const detail = await recordLoads(detailPage, emulator.appUrl, `${emulator.appUrl}tickets/101`, {
      text: 'Ticket #101',
    });
    await detailContext.close();

    // The same for /tickets (the technician's own open tickets), until the first row read from the local ticket
    // index (IndexedDB, filled by the background sync since the sign-in) shows.
    const listContext = await browser.newContext();
    const listPage = await listContext.newPage();
    await signInThrough(listPage, emulator.appUrl);
    const list = await recordLoads(listPage, emulator.appUrl, `${emulator.appUrl}tickets`, {
      selector: '[role="row"][data-row-id]',
    });
    await listContext.close();

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
      toRouteSize(
        'ticket-list',
        'signed in, load /tickets until the first ticket row shows',
        await describeFiles(distDir, list.ready),
        await describeFiles(distDir, list.idle),
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
