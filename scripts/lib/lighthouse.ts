// Lighthouse 12 (pinned; runs on Node 20) on the built app, desktop preset, with the local Chromium and no
// network beyond loopback: the sign-in page, then, signed in, the ticket detail view and the ticket list. One
// user flow, so the session the app keeps in sessionStorage (and the ticket index it keeps in IndexedDB) carries
// from the sign-in to the detail and list navigations.
import { startFlow } from 'lighthouse';
import desktopConfig from 'lighthouse/core/config/desktop-config.js';
import puppeteer from 'puppeteer-core';
import { chromiumArgs, findChromium } from '../find-chromium.mjs';
import { startEmulator } from '../../e2e/support/emulator-process.ts';

export const lighthousePages = ['sign-in', 'ticket-detail', 'ticket-list'] as const;

export type LighthousePage = (typeof lighthousePages)[number];

export interface LighthouseScores {
  page: LighthousePage;
  url: string;
  performance: number;
  accessibility: number;
  /** Lab metrics, in milliseconds (CLS unitless). */
  metrics: Record<string, number>;
  /** Accessibility audits that failed, for a readable assertion. */
  failedAccessibilityAudits: string[];
}

const metricAudits = [
  'first-contentful-paint',
  'largest-contentful-paint',
  'total-blocking-time',
  'cumulative-layout-shift',
  'speed-index',
];

/** The index status line once the sync has walked every id (as e2e/ticket-list.spec.ts waits for it). */
const fullySynced = /^(?!.*Syncing).*tickets indexed.*synced (just now|\d+ min ago)/;

function toPage(stepName: string): LighthousePage {
  const page = lighthousePages.find((candidate) => candidate === stepName);
  if (!page) throw new Error(`Unexpected Lighthouse step ${stepName}`);
  return page;
}

export async function runLighthouse(distDir: string): Promise<LighthouseScores[]> {
  const executablePath = findChromium();
  if (!executablePath)
    throw new Error('Lighthouse needs a Chromium executable (CHROMIUM_PATH or /usr/bin/chromium).');
  const emulator = await startEmulator({ appDir: distDir, seedTickets: 150 });
  const browser = await puppeteer.launch({ executablePath, headless: true, args: chromiumArgs });
  try {
    const page = await browser.newPage();
    const flow = await startFlow(page, {
      config: {
        ...desktopConfig,
        settings: { ...desktopConfig.settings, onlyCategories: ['performance', 'accessibility'] },
      },
      flags: { disableStorageReset: true },
    });
    await flow.navigate(emulator.appUrl, { name: 'sign-in' });

    await page.locator('::-p-aria(Group)').fill('HELP DESK');
    await page.locator('::-p-aria(Login ID)').fill('TECH1');
    await page.locator('::-p-aria(Password)').fill('welcome');
    await page.locator('::-p-aria([name="Sign in"][role="button"])').click();
    await page.locator('::-p-aria(Go to ticket)').wait();

    await flow.navigate(`${emulator.appUrl}tickets/101`, { name: 'ticket-detail' });

    // The list as a technician sees it day to day: read from a ticket index that is already synced (the first
    // walk of every id happens once per browser). Opened once unmeasured until the background sync has walked
    // every id, then measured on a fresh load of `/tickets` (the technician's own open tickets).
    await page.goto(`${emulator.appUrl}tickets`);
    await page.waitForFunction(
      (pattern: string) =>
        new RegExp(pattern).test(document.querySelector('[data-testid="index-status"]')?.textContent ?? ''),
      { timeout: 90_000, polling: 250 },
      fullySynced.source,
    );
    await flow.navigate(`${emulator.appUrl}tickets`, { name: 'ticket-list' });
    // Measured with rows on screen, not an empty table still waiting for the index.
    await page.waitForSelector('[role="row"][data-row-id]', { timeout: 5_000 });

    const result = await flow.createFlowResult();
    return result.steps.map((step) => {
      const lhr = step.lhr;
      const accessibility = lhr.categories.accessibility;
      const failed = (accessibility?.auditRefs ?? [])
        .filter((ref) => ref.weight > 0 && lhr.audits[ref.id]?.score === 0)
        .map((ref) => `${ref.id}: ${lhr.audits[ref.id]?.title ?? ''}`);
      const metrics: Record<string, number> = {};
      for (const id of metricAudits) {
        const value = lhr.audits[id]?.numericValue;
        if (typeof value === 'number') metrics[id] = value;
      }
      return {
        page: toPage(step.name),
        url: lhr.finalDisplayedUrl,
        performance: Math.round((lhr.categories.performance?.score ?? 0) * 100),
        accessibility: Math.round((accessibility?.score ?? 0) * 100),
        metrics,
        failedAccessibilityAudits: failed,
      };
    });
  } finally {
    await browser.close();
    await emulator.stop();
  }
}
