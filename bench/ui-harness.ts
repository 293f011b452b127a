// What every in-browser bench shares: the built app served by the emulator process (`tsx emulator/main.ts --app
// dist`, as `npm start` does) on loopback, headless Chromium (playwright-core), the sign-in as HELP DESK\TECH1,
// and percentiles. The emulator runs with no added latency and its control plane off, so the numbers are the
// app's own.
import { chromium, type Browser, type Page } from 'playwright-core';
import { startEmulator } from '../e2e/support/emulator-process.ts';
import { chromiumArgs, findChromium } from '../scripts/find-chromium.mjs';
import { ensureDist } from '../scripts/lib/dist.ts';
import type { BenchMetric } from './bench-result.ts';

export type PageOptions = NonNullable<Parameters<Browser['newPage']>[0]>;

export interface UiHarnessOptions {
  /** Tickets in the emulator's seed (ignored when `env.TRACKIT_DB` names a database made beforehand). */
  seedTickets: number;
  /** More emulator settings, e.g. `TRACKIT_DB` for a prepared database file. */
  env?: NodeJS.ProcessEnv;
}

export interface UiHarness {
  /** `http://127.0.0.1:<port>`: the app at `/`, the WebApi at `/TrackIt/WebApi`. */
  origin: string;
  browser: Browser;
  /** A new page, 1280×800 unless `options` says otherwise. */
  newPage(options?: PageOptions): Promise<Page>;
  /** Opens the app and signs in as HELP DESK\TECH1; resolves once the signed-in shell is shown. */
  signIn(page: Page): Promise<void>;
}

export const BENCH_USER = { group: 'HELP DESK', login: 'TECH1', password: 'welcome' } as const;

/**
 * Starts the emulator on the built app and Chromium, runs `body`, and stops both whatever happens.
 * BENCH_APP_DIR names a build made elsewhere (so a run does not rebuild the dist/ other checks are serving).
 */
export async function withUiHarness<T>(
  options: UiHarnessOptions,
  body: (harness: UiHarness) => Promise<T>,
): Promise<T> {
  const appDir = process.env.BENCH_APP_DIR ?? (await ensureDist());
  const server = await startEmulator({
    appDir,
    seedTickets: options.seedTickets,
    env: { TRACKIT_CONTROL: '0', TRACKIT_LATENCY_MS: '0', ...options.env },
  });
  let browser: Browser | undefined;
  try {
    const executablePath = findChromium();
    browser = await chromium.launch({
      args: chromiumArgs,
      ...(executablePath ? { executablePath } : {}),
    });
    const launched = browser;
    return await body({
      origin: server.origin,
      browser: launched,
      newPage: (pageOptions) => launched.newPage({ viewport: { width: 1280, height: 800 }, ...pageOptions }),
      signIn: async (page) => {
        await page.goto(`${server.origin}/`);
        await page.getByLabel('Group', { exact: true }).fill(BENCH_USER.group);
        await page.getByLabel('Login ID', { exact: true }).fill(BENCH_USER.login);
        await page.getByLabel('Password', { exact: true }).fill(BENCH_USER.password);
        await page.getByRole('button', { name: 'Sign in', exact: true }).click();
        await page.getByRole('link', { name: 'New ticket' }).waitFor();
      },
    });
  } finally {
    await browser?.close();
    await server.stop();
  }
}

/**
 * Serves this page a `config.json` with `sync.enabled: false` (README, "the ticket index"), so that no background
 * sync reads tickets while a bench measures. Call before the app loads.
 */
export async function turnSyncOff(page: Page): Promise<void> {
  await page.route('**/config.json', async (route) => {
    const response = await route.fetch();
    const config = (await response.json()) as { sync: Record<string, unknown> };
    config.sync = { ...config.sync, enabled: false };
    await route.fulfill({ response, json: config });
  });
}

/** The nearest-rank percentile (`p` from 0 to 100) of `values`; NaN when there are none. */
export function percentile(values: readonly number[], p: number): number {
  const sorted = [...values].sort((a, b) => a - b);
  const rank = Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1));
  return sorted[rank] ?? Number.NaN;
}

/** One decimal place, as the reports print milliseconds. */
export function round1(value: number): number {
  return Math.round(value * 10) / 10;
}

/** A latency's p95 (held to `goalMs` when given) and median, in ms, as the report's two rows. */
export function latencyMetrics(name: string, samples: readonly number[], goalMs?: number): BenchMetric[] {
  return [
    {
      name: `${name}: p95`,
      value: round1(percentile(samples, 95)),
      unit: 'ms',
      ...(goalMs === undefined ? {} : { goal: { op: '<=' as const, value: goalMs } }),
    },
    { name: `${name}: median`, value: round1(percentile(samples, 50)), unit: 'ms' },
  ];
}
